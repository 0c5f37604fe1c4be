// @kms-cedar/compiler: checks, normalize, lower, graph passes and emitters, and the kms-cedar CLI.
export type {
  ConditionBlock, ConditionKeyEntry, ConditionOperatorEntry, ConditionValue, PolicyDocument, PolicyKind,
  PrincipalElement, PrincipalEntry, Statement, StringList,
} from "./syntax/policy-syntax.js";
// The decision graph pipeline (compiler/src/pipeline.ts) and its emitters.
export { compileBundle, compileLoadedBundle } from "./pipeline.js";
export type { CompileOptions, CompileResult } from "./pipeline.js";
export type { BundleDiagnostic } from "./normalize/check-sources.js";
export type { LoadOptions } from "./load-input.js";
export { emitGraphJson } from "./emit/graph-json.js";
export { emitGraphText } from "./emit/graph-text.js";
export { emitDot } from "./emit/dot.js";
export { emitGraphSvg } from "./emit/graph-svg.js";
export { GRAPH_PASSES, runGraphPasses } from "./passes/graph-passes.js";
export type { GraphPass } from "./passes/graph-passes.js";
// The Cedar emitter (compiler/src/emit/cedar/), also run by compileBundle; exported for callers that hold a graph.
export { emitCedar } from "./emit/cedar/emit-cedar.js";
export type { CedarDiagnostic, CedarFiles, EmitCedarOptions, EmitCedarResult, NativeShare, ShareCount } from "./emit/cedar/emit-cedar.js";
// The Amazon Verified Permissions profile (compiler/src/emit/avp/), also run by compileBundle with `avp: true`.
export { emitAvp } from "./emit/avp/emit-avp.js";
export type { AvpFiles, EmitAvpResult } from "./emit/avp/emit-avp.js";
// Policy checks (compiler/src/checks/), the policy view reader, the KMS catalog and the diagnostic registry.
export { checkPolicyText } from "./checks/check-policy.js";
export type { CheckPolicyOptions, CheckPolicyResult } from "./checks/check-policy.js";
export { readPolicy } from "./syntax/read-policy.js";
export { DIAGNOSTIC_REGISTRY, findDiagnosticInfo } from "./diagnostics/registry.js";
export { CATALOG_SOURCE, CONDITION_KEYS, KMS_ACTIONS, findConditionKey, findKmsAction, listKmsActions, matchKmsActions } from "./catalog/index.js";
export type { ConditionKeyInfo, ConditionKeyType, KmsActionInfo, PolicyType, ResourceKind } from "./catalog/index.js";
// Output paths, checked before the work and made without Node 20's recursive mkdir (also used by the conformance CLI).
export { checkOutputDirectory, checkOutputFile, makeDirectory } from "./cli/output-path.js";
// Explanation probes for the Cedar engine (docs/explain.md): emitted on request, beside the Cedar output.
export { emitCedarProbes } from "./emit/cedar/emit-probes.js";
