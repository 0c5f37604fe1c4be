// The decision of an operation made of several checks (docs/request-model.md, spec §5.5): the
// worst check wins (ExplicitDeny > ImplicitDeny > Allow), with the reasons of the checks that
// have that decision; any undecidable check makes the operation an error.
import type { Decision, DecisionKind, DecisionResult, Reason } from "@kms-cedar/runtime";

const RANK: Readonly<Record<DecisionKind, number>> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

/** Combines the results of an operation's checks, in check order. */
export function combineChecks(results: readonly DecisionResult[]): DecisionResult {
  // INVARIANT: an operation has at least one check (read-requests.ts rejects an empty `checks`).
  for (const result of results) if ("error" in result) return result;
  const decisions = results as readonly Decision[];
  let worst: DecisionKind = "Allow";
  for (const d of decisions) if (RANK[d.decision] > RANK[worst]) worst = d.decision;
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const d of decisions) {
    if (d.decision !== worst) continue;
    for (const reason of d.reasons) {
      const id = `${reason.policy}\u0000${reason.statement}\u0000${reason.path ?? ""}`;
      if (seen.has(id)) continue;
      seen.add(id);
      reasons.push(reason);
    }
  }
  return { decision: worst, reasons };
}
