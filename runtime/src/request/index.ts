// The request model shared by the graph and Cedar engines, the CLI and the playground: one strict
// reader of shapes, callers and resources, the caller-derived keys, and the KR error registry.
export { readInputShape, asOperation, asRequest, printable } from "./read-shape.js";
export { duplicateMemberError } from "./duplicate-member.js";
export { decodeUtf8, NOT_UTF8_CODE } from "./decode-utf8.js";
export type { DecodedText } from "./decode-utf8.js";
export type { InputKind } from "./read-shape.js";
export { parseCaller, roleKeyOf, BARE_ACCOUNT } from "./read-caller.js";
export type { CallerInfo, CallerKind } from "./read-caller.js";
export { parseTarget } from "./read-target.js";
export { classifyPrincipalArn, isKeyArn } from "./bundle-arns.js";
export { bareRoleCheck, namedRoleArns } from "./bare-role-caller.js";
export type { BareRoleCheck } from "./bare-role-caller.js";
export type { TargetInfo, TargetKind } from "./read-target.js";
export { REQUEST_ERRORS, RequestErrorCode, requestError } from "./request-errors.js";
export type { RequestErrorInfo } from "./request-errors.js";
export { isWellFormed } from "./well-formed.js";
export {
  acceptsGiven, CALLER_ACCOUNT, callerDerived, DERIVED_KEYS, derivedKeyIndex, RESOURCE_ACCOUNT, resourceDerived, setsCallerAccount, uniqueRoles,
} from "./derived-keys.js";
export type { Derived } from "./derived-keys.js";
export { contradiction, resolveDerived } from "./resolve-derived.js";
export type { ResolvedKey } from "./resolve-derived.js";
