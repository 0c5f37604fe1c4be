// The reference evaluator (the oracle): reads plain JSON policies and decides KMS requests as
// spec/iam-semantics.md says. Imports only its own files and Node built-ins.
export { evaluateReference } from "./evaluate-reference.js";
export type {
  ReferenceBundle, ReferenceDecision, ReferenceError, ReferenceOperation, ReferenceReason,
  ReferenceRequest, ReferenceResult,
} from "./types.js";
export { explainReference } from "./explain-reference.js";
export type {
  ReferenceClosest, ReferenceExplanation, ReferenceExplanationResult, ReferenceSeen, ReferenceTest,
} from "./types.js";
