// ANSI styling for text output. Colors are used only when stdout is a terminal and NO_COLOR is
// unset (https://no-color.org); otherwise every style is the identity.

/** The handful of roles text output colors. */
export interface TextStyle {
  readonly enabled: boolean;
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly note: (text: string) => string;
  readonly gutter: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly good: (text: string) => string;
}

const wrap = (open: string) => (text: string) => (text === "" ? text : `\u001b[${open}m${text}\u001b[0m`);
const same = (text: string) => text;

/** A style that colors (`true`) or one that leaves text alone (`false`). */
export function createTextStyle(color: boolean): TextStyle {
  if (!color) {
    return { enabled: false, error: same, warning: same, note: same, gutter: same, bold: same, good: same };
  }
  return {
    enabled: true,
    error: wrap("1;31"),
    warning: wrap("1;33"),
    note: wrap("1;36"),
    gutter: wrap("1;34"),
    bold: wrap("1"),
    good: wrap("1;32"),
  };
}

/** Whether to color: stdout is a TTY and NO_COLOR is unset or empty. */
export function shouldUseColor(isTty: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env["NO_COLOR"];
  return isTty && (noColor === undefined || noColor === "");
}
