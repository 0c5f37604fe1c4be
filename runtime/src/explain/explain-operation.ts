// Explains an operation (spec §5.5) for the graph and Cedar engines: each check explained in order,
// the worst decision on top; an undecidable check makes the operation that error.
import type { DecisionError, DecisionKind, Request } from "../contracts.js";
import type { Operation } from "../decide-operation.js";
import type { Explanation, ExplanationResult } from "./explanation.js";

const SEVERITY: Readonly<Record<DecisionKind, number>> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

/** Each check's explanation; the operation's decision is the worst of them. */
export function explainOperation(op: Operation, explainOne: (request: Request) => Explanation | DecisionError): ExplanationResult {
  if (!Array.isArray(op.checks) || op.checks.length === 0) {
    return { error: { code: "KR0007", message: "malformed request: an operation needs a non-empty `checks` array" } };
  }
  const checks: Explanation[] = [];
  for (const check of op.checks) {
    const explained = explainOne(check);
    if ("error" in explained) return explained;
    checks.push(explained);
  }
  const decision = checks.reduce((w, c) => (SEVERITY[c.decision] > SEVERITY[w] ? c.decision : w), checks[0]!.decision);
  return { decision, checks };
}
