// @kms-cedar/runtime: decide KMS requests from a decision graph or from compiled Cedar, and the
// reference evaluator (the oracle). Depends on neither the compiler nor Chevrotain.
export type {
  Bundle, Decision, DecisionError, DecisionKind, DecisionResult, Reason, Request,
} from "./contracts.js";
export { isDecisionError } from "./contracts.js";
export type { Span } from "./span.js";
// The reference evaluator (the oracle, runtime/src/reference/): evaluateReference(bundle, request).
export { evaluateReference, explainReference } from "./reference/index.js";
export type {
  ReferenceBundle, ReferenceExplanation, ReferenceExplanationResult, ReferenceOperation, ReferenceRequest, ReferenceResult,
} from "./reference/index.js";
// The decision graph format and the graph evaluator (runtime/src/graph/, runtime/src/evaluate/).
export { GRAPH_FORMAT, GRAPH_VERSION } from "./graph/graph-types.js";
export type {
  ActionStatements, ActionTarget, ConditionNode, DecisionGraph, GraphAction, GraphNode, GraphPolicy, GraphStatement,
  GraphTemplatePart, GraphValue, Origin, PrincipalNode, ResourceNode,
} from "./graph/graph-types.js";
export { readGraph } from "./graph/read-graph.js";
export { canonicalJson, graphDigest, sealGraph } from "./graph/graph-digest.js";
export type { ReadGraphResult } from "./graph/read-graph.js";
export { createAuthorizer } from "./evaluate/create-authorizer.js";
export type { Authorizer, Operation } from "./evaluate/create-authorizer.js";
// The operators' value parsers (runtime/src/operators/), which the compiler's value checks reuse.
export { decodeBase64 } from "./operators/binary.js";
export { parseBool } from "./operators/bool.js";
export { parseInstant } from "./operators/date.js";
export { parseDecimal } from "./operators/decimal.js";
export type { Decimal } from "./operators/decimal.js";
export { parseCidr } from "./operators/ip.js";
export type { Cidr } from "./operators/ip.js";
// Cedar (runtime/src/cedar/): names shared with the emitter, the manifest, typed values, and the
// Cedar engine createCedarAuthorizer({ policies, schema, manifest }) (encoder + cedar-wasm).
export {
  accountId, ActionGroup, actionId, BARE_ACCOUNT, callerType, CedarType, parseCallerName, policyEntityId, sessionRoleId,
} from "./cedar/cedar-names.js";
export type { CallerKind, CallerName } from "./cedar/cedar-names.js";
export { MANIFEST_FORMAT, MANIFEST_VERSION } from "./cedar/cedar-manifest.js";
export type {
  AttributeKind, CedarManifest, ManifestAction, ManifestAttribute, ManifestCondition, ManifestIdentity, ManifestPolicy,
  MarkerName, PolicyRole,
} from "./cedar/cedar-manifest.js";
export {
  DATETIME_GRID, datetimeText, DECIMAL_GRID, decimalText, gridFits, instantOnGrid, ipAddressText, ipRangeText, LONG_GRID,
  numberOnGrid, represent, toGrid,
} from "./cedar/cedar-values.js";
export type { Grid, GridValue } from "./cedar/cedar-values.js";
export { cedarRecoveries, loadCedar } from "./cedar/load-cedar.js";
export { CEDAR_LIMITS, cedarLimitProblems, measureCedarText } from "./cedar/cedar-limits.js";
export type { CedarTextMeasure } from "./cedar/cedar-limits.js";
export type { CedarWasm } from "./cedar/load-cedar.js";
export { splitPolicySet } from "./cedar/split-policy-set.js";
export { CEDAR_FAILURE_CODE, createCedarAuthorizer } from "./cedar/create-cedar-authorizer.js";
// Explanations (docs/explain.md): the engine-independent format, and the Cedar engine's probe index.
export type {
  ClosestStatement, ExplainedTest, Explanation, ExplanationResult, FailedTest, OperationExplanation, SeenValue,
} from "./explain/explanation.js";
export { EXPLAIN_FORMAT, EXPLAIN_VERSION } from "./cedar/cedar-explain-index.js";
export { attachSpans } from "./explain/attach-spans.js";
export type { CedarExplainIndex, ExplainStatementEntry } from "./cedar/cedar-explain-index.js";
export type { CedarAnswer, CedarAuthorizer, CedarBundle, CedarOperation } from "./cedar/create-cedar-authorizer.js";
// The request model (runtime/src/request/): the one strict reader of request shapes, callers and
// resources, the keys derived from the caller, and the KR request-error registry.
export {
  acceptsGiven, callerDerived, DERIVED_KEYS, derivedKeyIndex, isWellFormed, parseCaller, parseTarget, readInputShape,
  REQUEST_ERRORS, RequestErrorCode, requestError,
} from "./request/index.js";
export type { CallerInfo, Derived, InputKind, RequestErrorInfo, TargetInfo } from "./request/index.js";
// Amazon Verified Permissions (runtime/src/avp/): the profile's names and quotas, the request encoder
// to IsAuthorized / BatchIsAuthorized input, and the decoder of AVP's answer (docs/deployment.md).
export { AVP_NAMESPACE, AVP_TYPE, avpType, isAllowedAvpNamespace } from "./avp/avp-names.js";
export { AVP_QUOTAS, AVP_REQUEST_CODES, utf8Bytes } from "./avp/avp-quotas.js";
export { AVP_MANIFEST_FORMAT, AVP_MANIFEST_VERSION } from "./avp/avp-manifest.js";
export type { AvpManifest, AvpManifestPolicy, AvpStoreSizes } from "./avp/avp-manifest.js";
export type {
  AvpActionIdentifier, AvpAnswer, AvpAttributeValue, AvpBatchIsAuthorizedInput, AvpBatchItem, AvpContext, AvpEntities,
  AvpEntityIdentifier, AvpEntityItem, AvpIsAuthorizedInput,
} from "./avp/avp-types.js";
export { createAvpEncoder, readAvpManifest, transitiveParents } from "./avp/encode-avp-request.js";
export type { AvpEncoded, AvpEncoder } from "./avp/encode-avp-request.js";
export { batchAvpRequests } from "./avp/batch-avp-requests.js";
export type { AvpBatch, AvpBatches } from "./avp/batch-avp-requests.js";
export { createAvpDecoder } from "./avp/decode-avp-answer.js";
export type { AvpAnswerDecoder } from "./avp/decode-avp-answer.js";
// Operations (several checks, decided as the worst): shared by every engine built on the runtime.
export { decideOperation } from "./decide-operation.js";
