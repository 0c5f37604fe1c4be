// @kms-cedar/runtime/avp: Amazon Verified Permissions: the profile's names and quotas, the request
// encoder to IsAuthorized / BatchIsAuthorized input, and the decoder of AVP's answer (docs/deployment.md).
export { AVP_NAMESPACE, AVP_TYPE, avpType, isAllowedAvpNamespace } from "./avp-names.js";
export { AVP_QUOTAS, AVP_REQUEST_CODES, utf8Bytes } from "./avp-quotas.js";
export { AVP_MANIFEST_FORMAT, AVP_MANIFEST_VERSION } from "./avp-manifest.js";
export type { AvpManifest, AvpManifestPolicy, AvpStoreSizes } from "./avp-manifest.js";
export type {
  AvpActionIdentifier, AvpAnswer, AvpAttributeValue, AvpBatchIsAuthorizedInput, AvpBatchItem, AvpContext, AvpEntities,
  AvpEntityIdentifier, AvpEntityItem, AvpIsAuthorizedInput,
} from "./avp-types.js";
export { createAvpEncoder, readAvpManifest, transitiveParents } from "./encode-avp-request.js";
export type { AvpEncoded, AvpEncoder } from "./encode-avp-request.js";
export { batchAvpRequests } from "./batch-avp-requests.js";
export type { AvpBatch, AvpBatches } from "./batch-avp-requests.js";
export { createAvpDecoder } from "./decode-avp-answer.js";
export type { AvpAnswerDecoder } from "./decode-avp-answer.js";
