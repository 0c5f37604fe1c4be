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
// The decision graph format and the graph evaluator (runtime/src/graph/, runtime/src/evaluate/).
export { GRAPH_FORMAT, GRAPH_VERSION } from "./graph/graph-types.js";
export type {
  ActionStatements, ActionTarget, ConditionNode, DecisionGraph, GraphAction, GraphNode, GraphPolicy, GraphStatement,
  GraphTemplatePart, GraphValue, Origin, PrincipalNode, ResourceNode,
} from "./graph/graph-types.js";
export { readGraph } from "./graph/read-graph.js";
export type { ReadGraphResult } from "./graph/read-graph.js";
export { createAuthorizer } from "./evaluate/create-authorizer.js";
export type { Authorizer, Operation } from "./evaluate/create-authorizer.js";
