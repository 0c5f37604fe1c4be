// What the analysis commands need from the kms-cedar CLI (a subset of its CliIo).
export interface AnalysisIo {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** All of standard input (for a file argument `-`), or why it cannot be read. */
  readonly readStdin?: () => { readonly text: string } | { readonly error: string };
  /** For colors in code frames (as kms-cedar decides them); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty?: boolean;
}

export const EXIT_OK = 0;
/** Some request changes decision (diff), an assertion fails (prove), a path exists (never for abac). */
export const EXIT_FOUND = 1;
/** Policy errors in an input (printed as `check` prints them). */
export const EXIT_POLICY_ERRORS = 1;
/** Usage or I/O error, or a refusal (KA code): the analysis gives no answer. */
export const EXIT_USAGE = 2;
