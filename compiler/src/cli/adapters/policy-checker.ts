// Checks one policy of a loaded bundle with `checkPolicyText` (compiler/src/checks/check-policy.ts)
// and moves the diagnostics' spans into the text of the file that holds it (inline documents).
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import type { PolicySource } from "../../bundle/load-bundle.js";
import { checkPolicyText } from "../../checks/check-policy.js";

export interface CheckOptions {
  readonly maxBytes?: number;
}

/** Every diagnostic of one policy, spans relative to `source.text`. */
export function checkPolicySource(source: PolicySource, options: CheckOptions): Diagnostic[] {
  const text = source.text.slice(source.start, source.end);
  const result = checkPolicyText(text, source.kind, options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {});
  if (source.start === 0) return [...result.diagnostics];
  return result.diagnostics.map((d) => shiftDiagnostic(d, source.start));
}

/** `diagnostic` with its span and related spans moved `by` characters (inline documents). */
export function shiftDiagnostic(diagnostic: Diagnostic, by: number): Diagnostic {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  const shifted = { ...diagnostic, span: shift(diagnostic.span) };
  if (diagnostic.related === undefined) return shifted;
  return { ...shifted, related: diagnostic.related.map((r) => ({ ...r, span: shift(r.span) })) };
}
