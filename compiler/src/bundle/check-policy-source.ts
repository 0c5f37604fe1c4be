// Checks one policy of a loaded bundle with `checkPolicyText` (checks/check-policy.ts) and moves the
// diagnostics' spans into the text of the file that holds it (an inline document sits inside the
// bundle file). Phase: checks. `kms-cedar check` and the compile pipeline both use it, so a policy
// compiles exactly when it checks clean.
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import { checkPolicyText, type CheckPolicyOptions, type CheckPolicyResult } from "../checks/check-policy.js";
import { checkLayerPolicy } from "../checks/check-layer-policy.js";
import type { PolicySource } from "./load-bundle.js";
import type { PolicyLayer } from "./read-layers.js";

/** The policy view and every diagnostic of one policy, spans relative to `source.text`. */
export function checkPolicySource(source: PolicySource, options: CheckPolicyOptions = {}): CheckPolicyResult {
  const text = source.text.slice(source.start, source.end);
  const checked = checkPolicyText(text, source.kind, options, source.parsed);
  const result = source.layer === undefined ? checked : withLayerRules(checked, text, source.layer);
  if (source.start === 0) return result;
  return { document: result.document, diagnostics: result.diagnostics.map((d) => shiftDiagnostic(d, source.start)) };
}

/**
 * A layer policy is checked with the rules of its base kind (identity: SCP, boundary, session; key: RCP,
 * endpoint) and its own (check-layer-policy.ts). Two key-policy rules do not hold for RCPs and endpoint
 * policies, whose `Resource` is matched against ARNs and which support `NotResource` (rcp.md §5,
 * vpc-endpoint-policy.md §4): KC2061 and KC2038 on `NotResource` are left out for them.
 */
function withLayerRules(checked: CheckPolicyResult, text: string, layer: PolicyLayer): CheckPolicyResult {
  const resourceBased = layer === "rcp" || layer === "endpoint";
  const kept = checked.diagnostics.filter((d) => !resourceBased ||
    (d.code !== "KC2061" && !(d.code === "KC2038" && text.slice(d.span.start, d.span.end).includes("NotResource"))));
  const diagnostics = [...kept, ...checkLayerPolicy(text, layer, checked.document)];
  diagnostics.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { document: checked.document, diagnostics };
}

/** `diagnostic` with its span and related spans moved `by` characters (inline documents). */
export function shiftDiagnostic(diagnostic: Diagnostic, by: number): Diagnostic {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  const shifted = { ...diagnostic, span: shift(diagnostic.span) };
  if (diagnostic.related === undefined) return shifted;
  return { ...shifted, related: diagnostic.related.map((r) => ({ ...r, span: shift(r.span) })) };
}
