// @kms-cedar/runtime: decide KMS requests from a decision graph or from compiled Cedar, and the
// reference evaluator (the oracle). Depends on neither the compiler nor Chevrotain.
export type {
  Bundle, Decision, DecisionError, DecisionKind, DecisionResult, Reason, Request,
} from "./contracts.js";
export { isDecisionError } from "./contracts.js";
export type { Span } from "./span.js";
// The reference evaluator (the oracle, runtime/src/reference/): evaluateReference(bundle, request).
export { evaluateReference } from "./reference/index.js";
export type {
  ReferenceBundle, ReferenceOperation, ReferenceRequest, ReferenceResult,
} from "./reference/index.js";
