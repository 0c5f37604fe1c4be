// The KMS catalog: generated data (kms-catalog.generated.ts), its types and lookups.
export type { ConditionKeyInfo, ConditionKeyType, KmsActionInfo, PolicyType, ResourceKind } from "./catalog-types.js";
export { CATALOG_SOURCE, CONDITION_KEYS, KMS_ACTIONS } from "./kms-catalog.generated.js";
export { findConditionKey, findKmsAction, listKmsActions, matchKmsActions } from "./kms-catalog.js";
