// Adapter to the policy checks (`checkPolicyText`, compiler/src/checks/check-policy.ts): checks one
// policy of a bundle and moves the diagnostics' spans into the text of the file that holds it.
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import type { PolicySource } from "../../bundle/load-bundle.js";
import { parseJsonText } from "../../bundle/json-front-end.js";
import type { PolicyKind } from "../../syntax/policy-syntax.js";

export interface CheckOptions {
  readonly maxBytes?: number;
}

type CheckPolicyText = (text: string, kind: PolicyKind, options?: CheckOptions) => { diagnostics: readonly Diagnostic[] };

/** The checker, or `undefined` while it has not landed (then only JSON syntax is checked). */
let checker: CheckPolicyText | undefined | null = null;

/** Whether the full policy checks are available (else `checkPolicySource` checks only JSON syntax). */
export async function policyChecksAvailable(): Promise<boolean> {
  return (await loadChecker()) !== undefined;
}

/** Every diagnostic of one policy, spans relative to `source.text`. */
export async function checkPolicySource(source: PolicySource, options: CheckOptions): Promise<Diagnostic[]> {
  const text = source.text.slice(source.start, source.end);
  const check = await loadChecker();
  const result = check ? check(text, source.kind, options) : parseJsonText(text, options);
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

async function loadChecker(): Promise<CheckPolicyText | undefined> {
  if (checker !== null) return checker;
  // TEMPORARY: a computed specifier until check-policy.ts lands; then a static import.
  const specifier = "../../checks/check-policy.js";
  try {
    const module = (await import(specifier)) as Record<string, unknown>;
    const found = module["checkPolicyText"];
    checker = typeof found === "function" ? (found as CheckPolicyText) : undefined;
  } catch {
    checker = undefined;
  }
  return checker;
}
