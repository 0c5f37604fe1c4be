// Checks one policy of a loaded bundle with `checkPolicyText` (checks/check-policy.ts) and moves the
// diagnostics' spans into the text of the file that holds it (an inline document sits inside the
// bundle file). Phase: checks. `kms-cedar check` and the compile pipeline both use it, so a policy
// compiles exactly when it checks clean.
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import { checkPolicyText, type CheckPolicyOptions, type CheckPolicyResult } from "../checks/check-policy.js";
import type { PolicySource } from "./load-bundle.js";

/** The policy view and every diagnostic of one policy, spans relative to `source.text`. */
export function checkPolicySource(source: PolicySource, options: CheckPolicyOptions = {}): CheckPolicyResult {
  const result = checkPolicyText(source.text.slice(source.start, source.end), source.kind, options, source.parsed);
  if (source.start === 0) return result;
  return { document: result.document, diagnostics: result.diagnostics.map((d) => shiftDiagnostic(d, source.start)) };
}

/** `diagnostic` with its span and related spans moved `by` characters (inline documents). */
export function shiftDiagnostic(diagnostic: Diagnostic, by: number): Diagnostic {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  const shifted = { ...diagnostic, span: shift(diagnostic.span) };
  if (diagnostic.related === undefined) return shifted;
  return { ...shifted, related: diagnostic.related.map((r) => ({ ...r, span: shift(r.span) })) };
}
