// @kms-cedar/runtime: the embedding runtime. Decide KMS requests from a decision graph (no wasm) or
// from compiled Cedar (encoder + cedar-wasm), one at a time or in batches, with the one strict request
// reader and its KR error registry. Depends on neither the compiler nor Chevrotain. Other entries:
// `/reference` (the oracle), `/cedar-names` (the Cedar mapping the emitter shares with the encoder),
// `/conditions` (operator semantics and value parsers), `/avp` (Amazon Verified Permissions).
export type {
  Bundle, Decision, DecisionError, DecisionKind, DecisionResult, Reason, Request,
} from "./contracts.js";
export { isDecisionError } from "./contracts.js";
export type { Span } from "./span.js";
// The decision graph format and the graph evaluator (runtime/src/graph/, runtime/src/evaluate/).
export { GRAPH_FORMAT, GRAPH_VERSION } from "./graph/graph-types.js";
export type {
  ActionStatements, ActionTarget, ConditionNode, DecisionGraph, GraphAction, GraphNode, GraphPolicy, GraphStatement,
  GraphTemplatePart, GraphValue, Origin, PrincipalNode, ResourceNode,
  GraphEndpoint, GraphGrant, GraphGrantConstraints, GraphKeyLayers, GraphLayers, GraphOrgLevel, GraphOrganization,
  GraphPrincipalLayers, PolicyLayer as GraphPolicyLayer,
} from "./graph/graph-types.js";
export { readGraph } from "./graph/read-graph.js";
export { graphPrincipalArns } from "./graph/graph-principal-arns.js";
export { canonicalJson, graphDigest, sealGraph } from "./graph/graph-digest.js";
export type { ReadGraphResult } from "./graph/read-graph.js";
export { createAuthorizer } from "./evaluate/create-authorizer.js";
export type { Authorizer, Operation } from "./evaluate/create-authorizer.js";
// The Cedar engine createCedarAuthorizer({ policies, schema, manifest }) (encoder + cedar-wasm).
export { cedarRecoveries, loadCedar, V8_WORKAROUND_FLAG } from "./cedar/load-cedar.js";
export type { CedarWasm } from "./cedar/load-cedar.js";
export { CEDAR_FAILURE_CODE, createCedarAuthorizer } from "./cedar/create-cedar-authorizer.js";
// Explanations (docs/explain.md): the engine-independent format, and the Cedar engine's probe index.
export type {
  ClosestStatement, ExplainedTest, Explanation, ExplanationResult, FailedTest, OperationExplanation, SeenValue,
} from "./explain/explanation.js";
export { EXPLAIN_FORMAT, EXPLAIN_VERSION } from "./cedar/cedar-explain-index.js";
export { attachSpans } from "./explain/attach-spans.js";
export type { CedarExplainIndex, ExplainStatementEntry } from "./cedar/cedar-explain-index.js";
export type { CedarAnswer, CedarAuthorizer, CedarBundle, CedarOperation } from "./cedar/create-cedar-authorizer.js";
export type { CedarManifest } from "./cedar/cedar-manifest.js";
// The request model (runtime/src/request/): the one strict reader of request shapes, callers and
// resources, the ARNs a bundle may name, the keys derived from the caller, and the KR request-error registry.
export {
  acceptsGiven, callerDerived, classifyPrincipalArn, DERIVED_KEYS, derivedKeyIndex, isKeyArn, isWellFormed, parseCaller, parseTarget,
  decodeUtf8, duplicateMemberError, namedRoleArns, NOT_UTF8_CODE, printable, readInputShape, REQUEST_ERRORS, RequestErrorCode, requestError,
} from "./request/index.js";
export type { CallerInfo, DecodedText, Derived, InputKind, RequestErrorInfo, TargetInfo } from "./request/index.js";
// Operations (several checks, decided as the worst): shared by every engine built on the runtime.
export { decideOperation } from "./decide-operation.js";
