// The keys whose value a request leaves unknown when its context leaves them out (deviations 44, 49, 50):
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

// PERF: the eight answers of `keysAwsSets`, made once (a request allocates nothing for them).
const SETS: readonly (readonly string[])[] = Array.from({ length: 8 }, (_, i) => [
  ...(i & 1 ? PRINCIPAL_ORG_KEYS : []), ...(i & 2 ? RESOURCE_ORG_KEYS : []), ...(i & 4 ? CREATE_GRANT_KEYS : []),
]);

/** Whether `lowerAction` (a lower-cased request action) is CreateGrant. */
export function isCreateGrant(lowerAction: string): boolean {
  return lowerAction === "kms:creategrant";
}

/**
 * The keys (lower-cased) AWS includes in this request's context whatever the request builder wrote, whose
 * value cannot be derived from the bundle: the principal's organization keys (`callerInOrg`), the
 * resource's (`resourceInOrg`), CreateGrant's required parameters (`createGrant`).
 */
export function keysAwsSets(callerInOrg: boolean, resourceInOrg: boolean, createGrant: boolean): readonly string[] {
  return SETS[(callerInOrg ? 1 : 0) | (resourceInOrg ? 2 : 0) | (createGrant ? 4 : 0)]!;
}

const NO_KEYS: readonly string[] = [];

/**
 * The keys this request leaves unknown: the VPC endpoint path's keys it leaves out (deviation 44,
 * request-endpoint.ts `unknownEndpointPathKeys`), and those of `set` (`keysAwsSets`) it leaves out.
 * `entry(lowerName)` reads the request's context (an engine may answer `absent` for a key no policy
 * reads: such a key cannot matter). Apply after the request's own checks (which read the context as
 * given). PERF: a request with nothing to leave unknown allocates nothing.
 */
export function unknownRequestKeys(set: readonly string[], entry: (lowerName: string) => NetworkEntry): readonly string[] {
  const path = unknownEndpointPathKeys(entry);
  if (set.length === 0) return path;
  const left = set.filter((key) => entry(key).kind === "absent");
  return path.length === 0 ? (left.length === 0 ? NO_KEYS : left) : [...path, ...left];
}
