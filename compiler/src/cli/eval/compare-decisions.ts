// When two engines agree on a request (docs/request-model.md "Reasons"): the same decision, and for
// ExplicitDeny the same set of Deny statements (policy + statement index); two errors agree when
// their codes are equal.
import type { DecisionResult } from "@kms-cedar/runtime";

/** Whether `a` and `b` are the same answer. */
export function decisionsAgree(a: DecisionResult, b: DecisionResult): boolean {
  if ("error" in a || "error" in b) return "error" in a && "error" in b && a.error.code === b.error.code;
  if (a.decision !== b.decision) return false;
  if (a.decision !== "ExplicitDeny") return true;
  const denies = (d: typeof a) =>
    [...new Set(d.reasons.filter((r) => r.effect === "Deny").map((r) => `${r.policy}\u0000${r.statement}`))].sort();
  const left = denies(a);
  const right = denies(b);
  return left.length === right.length && left.every((item, i) => item === right[i]);
}
