// Turns a command's raw option strings into typed settings (format, size limit, how to attach a
// single policy file), or a usage error message.
import { JsonCode } from "@kms-cedar/grammar";
import { isWellFormed, printable } from "@kms-cedar/runtime";
import { classifyPrincipalArn, isKeyArn } from "../../bundle/arn-shapes.js";
import { parseJsonText } from "../../bundle/json-front-end.js";
import type { AttachOptions } from "../../bundle/load-bundle.js";

export type Options = Readonly<Record<string, string | true | readonly string[]>>;

/** `--format`, default text. */
export function formatOf(options: Options): "text" | "json" {
  return options["format"] === "json" ? "json" : "text";
}

/** A string option's value, if given. */
export function stringOption(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === "string" ? value : undefined;
}

/** The values of a repeatable option, in order (none when absent). */
export function listOption(options: Options, name: string): readonly string[] {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/** `--max-warnings N` / `--warnings-as-errors`: how many warnings are tolerated (Infinity when neither is given). */
export function warningLimitOf(options: Options): { limit: number } | { error: string } {
  const raw = stringOption(options, "max-warnings");
  if (raw !== undefined && !/^[0-9]{1,9}$/.test(raw)) return { error: `\`--max-warnings\` must be a non-negative integer, not \`${raw}\`` };
  if (options["warnings-as-errors"] === true) return { limit: 0 };
  return { limit: raw === undefined ? Infinity : Number(raw) };
}

/** `--max-bytes N`: a positive integer, or a usage error. */
export function maxBytesOf(options: Options): { maxBytes?: number } | { error: string } {
  const raw = stringOption(options, "max-bytes");
  if (raw === undefined) return {};
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return { error: `\`--max-bytes\` must be a positive integer, not \`${raw}\`` };
  return { maxBytes: Number(raw) };
}

/** `--kind`, `--key`, `--principal` together: how to attach a single policy file. */
export function attachOf(options: Options): { attach: AttachOptions } | { error: string } {
  const kind = stringOption(options, "kind") as "identity" | "key" | undefined;
  const key = stringOption(options, "key");
  const principal = stringOption(options, "principal");
  if (key !== undefined && principal !== undefined) return { error: "give `--key` or `--principal`, not both" };
  if (key !== undefined) {
    if (kind === "identity") return { error: "`--key` attaches a key policy; it cannot go with `--kind identity`" };
    const unicode = illFormedArn("--key", key);
    if (unicode !== undefined) return { error: unicode };
    if (!isKeyArn(key)) return { error: `\`--key\` needs a key ARN such as \`arn:aws:kms:us-west-2:111122223333:key/ID\`, not \`${printable(key)}\`` };
    return { attach: { kind: "key", arn: key } };
  }
  if (principal !== undefined) {
    if (kind === "key") return { error: "`--principal` attaches an identity policy; it cannot go with `--kind key`" };
    const unicode = illFormedArn("--principal", principal);
    if (unicode !== undefined) return { error: unicode };
    if (classifyPrincipalArn(principal) !== "caller") {
      return { error: `\`--principal\` needs the ARN of a user, role, role session or federated user, not \`${printable(principal)}\`` };
    }
    return { attach: { kind: "identity", arn: principal } };
  }
  return { attach: kind !== undefined ? { kind } : {} };
}

/**
 * The bundle path's refusal of an ARN with a lone surrogate (DESIGN §2), or undefined: the ARN is a
 * member name of the bundle it is attached in, so its JSON text is read as a bundle file's, and the
 * JSON front end's diagnostic (KC1025, its message) is the answer. Argv cannot carry a lone surrogate;
 * the playground's ARN fields can.
 */
function illFormedArn(flag: string, arn: string): string | undefined {
  if (isWellFormed(arn)) return undefined;
  const found = parseJsonText(JSON.stringify(arn)).diagnostics.find((d) => d.code === JsonCode.illFormedUnicode);
  // INVARIANT: JSON.stringify writes a lone surrogate as `\uXXXX`, which the front end reports as KC1025.
  return `\`${flag}\`: ${found?.code ?? JsonCode.illFormedUnicode} ${found?.message ?? "lone surrogate in string: not a Unicode character"}`;
}
