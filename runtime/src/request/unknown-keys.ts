// The keys whose value a request leaves unknown when its context leaves them out (deviations 44, 49, 50, 51):
// keys AWS includes in this request's context, with values only the request builder knows. One that the
// context leaves out (no entry, or an empty list: an absent key, spec §3.2) is read as ambiguous: every
// condition on it is decided by the fail-closed rule (false in an Allow, true in a Deny; `…IfExists` and
// `Null` included), and a variable naming it has no value. A given value is read as given. The one home of
// this rule for the graph (evaluate/context-reader.ts) and Cedar (cedar/encode-request.ts); the reference
// states it on its own (reference/context.ts).
import type { CallerInfo } from "./read-caller.js";
import { unknownEndpointPathKeys } from "./request-endpoint.js";
import type { NetworkEntry } from "./request-endpoint.js";

/**
 * Deviation 49: AWS includes these when the principal's account is in an organization (global condition
 * keys page; spec §6.4). The bundle does not carry the organization's id, so their values cannot be derived.
 */
export const PRINCIPAL_ORG_KEYS: readonly string[] = ["aws:principalorgid", "aws:principalorgpaths"];
/** Deviation 49: AWS includes these when the account that owns the resource is in an organization. */
export const RESOURCE_ORG_KEYS: readonly string[] = ["aws:resourceorgid", "aws:resourceorgpaths"];
/** Deviation 50: `Operations` and `GranteePrincipal` are required parameters of CreateGrant. */
export const CREATE_GRANT_KEYS: readonly string[] = ["kms:grantoperations", "kms:granteeprincipal"];
/**
 * Deviation 51: "This key is always included in the request context" (global condition keys page, each
 * key's Availability). They describe the request, not the caller: every caller kind, every action.
 */
export const ALWAYS_KEYS: readonly string[] = ["aws:currenttime", "aws:epochtime", "aws:securetransport", "aws:requestedregion", "aws:viaawsservice"];
/** Deviation 51: "This key is included in the request context for all signed requests." */
export const USER_ID_KEYS: readonly string[] = ["aws:userid"];

/** The bundle's organization as this rule reads it: the accounts of its tree, and its management account. */
export interface OrganizationAccounts {
  readonly members: { has(account: string): boolean };
  readonly management: string | undefined;
}

/** Whether `account` is in the organization: a leaf of its tree, or its management account. */
export function inOrganization(org: OrganizationAccounts | undefined, account: string): boolean {
  return org !== undefined && account !== "" && (account === org.management || org.members.has(account));
}

/**
 * Whether AWS includes the principal's organization keys: a caller whose account is in the bundle's
 * organization. A service principal has no account (docs/request-model.md "The caller"): never.
 */
export function callerInOrganization(org: OrganizationAccounts | undefined, caller: Pick<CallerInfo, "kind" | "account">): boolean {
  return caller.kind !== "service" && inOrganization(org, caller.account);
}

/**
 * Whether AWS includes the resource's organization keys: a key or alias (whose account is the one
 * `aws:ResourceAccount` names) in an account of the bundle's organization. No specific resource
 * (`*`, `arn:P:kms:R:A:*`): `aws:ResourceAccount` is context-driven there, and so are these.
 */
export function resourceInOrganization(org: OrganizationAccounts | undefined, kind: "key" | "alias" | "none", account: string): boolean {
  return kind !== "none" && inOrganization(org, account);
}

/**
 * Whether AWS includes `aws:userid` with a value the bundle cannot give: an IAM user or a role session (a
 * role ARN as caller stands for one), whose unique id the ARN does not carry (deviation 41; derived-keys.ts
 * `callerDerived` derives it for the root user and federated users). Never a service caller: AWS documents
 * no user id for one (deviation 43).
 */
export function callerUserIdUnknown(caller: Pick<CallerInfo, "kind">): boolean {
  return caller.kind === "user" || caller.kind === "session" || caller.kind === "role";
}

// PERF: the sixteen answers of `keysAwsSets`, made once (a request allocates nothing for them).
const SETS: readonly (readonly string[])[] = Array.from({ length: 16 }, (_, i) => [
  ...ALWAYS_KEYS, ...(i & 8 ? USER_ID_KEYS : []),
  ...(i & 1 ? PRINCIPAL_ORG_KEYS : []), ...(i & 2 ? RESOURCE_ORG_KEYS : []), ...(i & 4 ? CREATE_GRANT_KEYS : []),
]);

/** Every answer `keysAwsSets` can give, by `keysAwsSetIndex` (an engine may prepare its own reading of each). */
export const ALL_KEYS_AWS_SETS: readonly (readonly string[])[] = SETS;

/** Whether `lowerAction` (a lower-cased request action) is CreateGrant. */
export function isCreateGrant(lowerAction: string): boolean {
  return lowerAction === "kms:creategrant";
}

/**
 * The index in `ALL_KEYS_AWS_SETS` of the keys (lower-cased) AWS includes in this request's context whatever
 * the request builder wrote, whose value cannot be derived from the bundle: those AWS always includes
 * (`ALWAYS_KEYS`, deviation 51), the caller's `aws:userid` (`userIdUnknown`, `callerUserIdUnknown`), the
 * principal's organization keys (`callerInOrg`), the resource's (`resourceInOrg`), CreateGrant's required
 * parameters (`createGrant`). PERF: an engine may keep its own reading of each set by this index.
 */
export function keysAwsSetIndex(callerInOrg: boolean, resourceInOrg: boolean, createGrant: boolean, userIdUnknown: boolean): number {
  return (callerInOrg ? 1 : 0) | (resourceInOrg ? 2 : 0) | (createGrant ? 4 : 0) | (userIdUnknown ? 8 : 0);
}

/** The keys AWS includes in this request's context whose value cannot be derived (`keysAwsSetIndex`). Never empty. */
export function keysAwsSets(callerInOrg: boolean, resourceInOrg: boolean, createGrant: boolean, userIdUnknown: boolean): readonly string[] {
  return SETS[keysAwsSetIndex(callerInOrg, resourceInOrg, createGrant, userIdUnknown)]!;
}

const NO_KEYS: readonly string[] = [];

/**
 * The keys this request leaves unknown: the VPC endpoint path's keys it leaves out (deviation 44,
 * request-endpoint.ts `unknownEndpointPathKeys`), and those of `set` (`keysAwsSets`) it leaves out.
 * `entry(lowerName)` reads the request's context. An engine may leave out of `set` the keys no policy
 * reads (such a key cannot matter): the graph does (evaluate/create-authorizer.ts `readSets`), so that a request
 * allocates nothing for the keys AWS always includes when no policy reads them. Apply after the request's
 * own checks (which read the context as given). PERF: a request with nothing to leave unknown allocates
 * nothing.
 */
export function unknownRequestKeys(set: readonly string[], entry: (lowerName: string) => NetworkEntry): readonly string[] {
  const path = unknownEndpointPathKeys(entry);
  let left: string[] | undefined;
  for (let i = 0; i < set.length; i++) {
    const key = set[i]!;
    if (entry(key).kind === "absent") (left ??= []).push(key);
  }
  if (left === undefined) return path.length === 0 ? NO_KEYS : path;
  return path.length === 0 ? left : [...path, ...left];
}
