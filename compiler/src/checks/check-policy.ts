// checkPolicyText: policy text → parse (grammar) → readPolicy → every check, with all diagnostics at once,
// sorted by position then code. The entry point the CLI and the pipeline use for one policy document.
import type { Diagnostic } from "@kms-cedar/grammar";
import { parseJson, utf8Length } from "@kms-cedar/grammar";
import type { ParseResult } from "@kms-cedar/grammar";
import type { PolicyDocument, PolicyKind } from "../syntax/policy-syntax.js";
import { runChecks } from "./run-checks.js";

export interface CheckPolicyOptions {
  /** Largest document accepted, in UTF-8 bytes. Default: 32 768 for key policies (the KMS limit, §1.10), 131 072 for identity policies. */
  readonly maxBytes?: number;
}

export interface CheckPolicyResult {
  /** The policy view; `undefined` when no object could be read (empty, too large, not an object). */
  readonly document: PolicyDocument | undefined;
  readonly diagnostics: Diagnostic[];
}

/** AWS: §1.10 — the KMS key policy limit; the parser reports a larger document (KC1002). */
const KEY_POLICY_MAX_BYTES = 32_768;
/**
 * Identity policies are limited in non-whitespace characters, which checkIdentityPolicySize warns about;
 * the byte limit only guards the parser against absurd inputs.
 */
const IDENTITY_POLICY_MAX_BYTES = 131_072;

/** A parse of the same text already made by the caller, and the size limit it was made under. */
export interface EarlierParse {
  readonly result: ParseResult;
  readonly maxBytes: number;
}

/**
 * Parses and checks one policy document of the given kind. Never throws on user input. `earlier`, a
 * parse of `text` made by the bundle loader, is reused when the text is within both its limit and
 * the one in force: the parser is deterministic, so the tree and its diagnostics are the same.
 */
export function checkPolicyText(text: string, kind: PolicyKind, options: CheckPolicyOptions = {}, earlier?: EarlierParse): CheckPolicyResult {
  const maxBytes = options.maxBytes ?? (kind === "key" ? KEY_POLICY_MAX_BYTES : IDENTITY_POLICY_MAX_BYTES);
  const reuse = earlier !== undefined && utf8Length(text) <= Math.min(maxBytes, earlier.maxBytes);
  const parsed = reuse ? earlier.result : parseJson(text, { maxBytes });
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => (d.code === "KC1002" ? { ...d, help: tooLargeHelp(kind, options.maxBytes) } : d));
  const document = runChecks(text, kind, parsed.root, (d) => diagnostics.push(d));
  diagnostics.sort(byPositionThenCode);
  return { document, diagnostics };
}

/** KC1002's help for the limit in force: the one given, the KMS limit, or our guard for identity policies. */
function tooLargeHelp(kind: PolicyKind, given: number | undefined): string {
  if (given !== undefined) return `the limit in force is ${given} bytes of UTF-8, set with \`--max-bytes\` (\`maxBytes\` in the library)`;
  if (kind === "key") return "a KMS key policy may be at most 32 768 bytes of UTF-8 (AWS returns `LimitExceededException`)";
  return "identity policies are read up to 131 072 bytes of UTF-8 (a guard against absurd input; IAM's own limits are in characters, see KC2024); `--max-bytes` sets another limit";
}

function byPositionThenCode(a: Diagnostic, b: Diagnostic): number {
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
