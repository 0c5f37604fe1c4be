// Explains an operation (spec §5.5) for the graph and Cedar engines: each check explained in order,
// the worst decision on top; an undecidable check makes the operation that error.
import type { DecisionError, Request } from "../contracts.js";
import { eachCheck, worstDecision, type Operation } from "../decide-operation.js";
import type { Explanation, ExplanationResult } from "./explanation.js";

/** Each check's explanation; the operation's decision is the worst of them. */
export function explainOperation(op: Operation, explainOne: (request: Request) => Explanation | DecisionError): ExplanationResult {
  const checks = eachCheck<Explanation>(op, explainOne);
  if (!Array.isArray(checks)) return checks;
  const decision = worstDecision(checks);
  return { decision, checks };
}
