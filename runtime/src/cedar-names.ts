// @kms-cedar/runtime/cedar-names: the Cedar mapping that the compiler's Cedar emitter and the
// runtime's request encoder must agree on: entity types and ids, the manifest format, the typed
// value grids, and cedar-wasm's limits. Nothing here decides a request.
export {
  accountId, ActionGroup, actionId, BARE_ACCOUNT, callerType, CedarType, identityPolicyParents, layerScopeId, parseCallerName, policyEntityId, sessionRoleId,
} from "./cedar/cedar-names.js";
export type { CallerKind, CallerName } from "./cedar/cedar-names.js";
export { MANIFEST_FORMAT, MANIFEST_VERSION } from "./cedar/cedar-manifest.js";
export type {
  AttributeKind, CedarManifest, ManifestAccount, ManifestAction, ManifestAttribute, ManifestCondition, ManifestGrant, ManifestIdentity,
  ManifestLayers, ManifestPolicy, MarkerName, PolicyRole,
} from "./cedar/cedar-manifest.js";
export {
  DATETIME_GRID, datetimeText, DECIMAL_GRID, decimalText, gridFits, instantOnGrid, ipAddressText, ipRangeText, LONG_GRID,
  numberOnGrid, represent, toGrid,
} from "./cedar/cedar-values.js";
export type { Grid, GridValue } from "./cedar/cedar-values.js";
export { CEDAR_LIMITS, cedarLimitProblems, measureCedarText } from "./cedar/cedar-limits.js";
export type { CedarTextMeasure } from "./cedar/cedar-limits.js";
export { splitPolicySet, splitPolicyTexts } from "./cedar/split-policy-set.js";
