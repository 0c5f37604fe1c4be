// When two engines agree on a request (docs/request-model.md "Reasons"): the same decision, and for
// ExplicitDeny the same set of Deny statements (policy + statement index); two errors agree when
// their codes are equal. The one judge of agreement: `eval --engine all`, the playground and the
// conformance suite all use it.
import type { DecisionResult } from "@kms-cedar/runtime";

export interface AgreeOptions {
  /** Compare the Deny statements of an ExplicitDeny too (default true). */
  readonly denyStatements?: boolean;
}

/** Whether `a` and `b` are the same answer. */
export function decisionsAgree(a: DecisionResult, b: DecisionResult, options: AgreeOptions = {}): boolean {
  if ("error" in a || "error" in b) return "error" in a && "error" in b && a.error.code === b.error.code;
  if (a.decision !== b.decision) return false;
  if (a.decision !== "ExplicitDeny" || options.denyStatements === false) return true;
  const left = denyStatements(a);
  const right = denyStatements(b);
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

/** The Deny statements named by a decision, as sorted `policy#index` strings (none for an error). */
export function denyStatements(result: DecisionResult): string[] {
  if ("error" in result) return [];
  return [...new Set(result.reasons.filter((r) => r.effect === "Deny").map((r) => `${r.policy}#${r.statement}`))].sort();
}
