// Operations that need several authorizations (spec §5.5, docs/request-model.md "Operations"):
// every check must allow; the operation reports the worst check.

import { uniqueReasons } from "./reasons.js";
import type { ReferenceDecision, ReferenceDecisionKind, ReferenceResult } from "./types.js";

const SEVERITY: Readonly<Record<ReferenceDecisionKind, number>> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

/**
 * AWS: §5.5 — the worst decision (ExplicitDeny > ImplicitDeny > Allow) with the reasons of the
 * checks that have it. If any check is undecidable, the operation is that (first) error.
 */
export function combineChecks(results: readonly ReferenceResult[]): ReferenceResult {
  const decisions: ReferenceDecision[] = [];
  for (const result of results) {
    if ("error" in result) return result;
    decisions.push(result);
  }
  // INVARIANT: an operation has at least one check (the reader rejects an empty list).
  const worst = decisions.reduce((a, b) => (SEVERITY[b.decision] > SEVERITY[a.decision] ? b : a)).decision;
  const reasons = uniqueReasons(...decisions.filter((d) => d.decision === worst).map((d) => d.reasons));
  return { decision: worst, reasons };
}
