// Reads the layers of the authorization chain from a plain bundle (docs/semantics/bundle-proposal.md,
// docs/request-model.md "Layers"): the organization (SCPs, RCPs), permissions boundaries, session
// policies, VPC endpoint policies and grants. Every member is optional; a bundle without them has no
// layer and is decided as before. A member the oracle cannot read is read so that it can only take
// access away: an unreadable policy is a Deny of everything (policy.ts), an unreadable grant allows nothing.

import { parseRoleArn, type Caller } from "./caller.js";
import { isObject, ownProperty, strayMember } from "./json-shape.js";
import { readPolicy, type PolicyView } from "./policy.js";

/** One level of an organization path (root, an OU, the account) and the policies attached there. */
export interface OrgLevel {
  /** `organization[<id>]`: the root's `id` (default `root`), the OU id, or the account id. */
  readonly location: string;
  /** Undefined: the implicit FullAWSAccess SCP only (scp.md §3). */
  readonly scps: readonly PolicyView[] | undefined;
  readonly rcps: readonly PolicyView[];
}

/** An account's place in the organization. */
export type OrgPlace =
  | { readonly kind: "outside" }
  | { readonly kind: "management" }
  | { readonly kind: "member"; readonly levels: readonly OrgLevel[] };

/** The organization member of the bundle, or undefined when it has none. */
export function organizationOf(bundle: unknown): unknown {
  return isObject(bundle) ? ownProperty(bundle, "organization") : undefined;
}

/**
 * Where `account` sits (scp.md §2–§3, rcp.md §2–§3). An account listed several times gets every
 * level of every path (more ceilings: fail closed). An organization the oracle cannot read makes every
 * account a member under one unreadable level (a Deny of everything).
 */
export function placeOf(organization: unknown, account: string): OrgPlace {
  if (organization === undefined) return { kind: "outside" };
  const broken: OrgPlace = { kind: "member", levels: [unreadableLevel("organization")] };
  if (!isObject(organization) || strayMember(organization, ORGANIZATION_MEMBERS) !== undefined) return broken;
  const management = ownProperty(organization, "managementAccount");
  if (management !== undefined && typeof management !== "string") return broken;
  if (management === account) return { kind: "management" };
  const root = ownProperty(organization, "root");
  if (!isObject(root)) return broken;
  const rootId = ownProperty(root, "id");
  const paths: OrgLevel[][] = [];
  // A node is the root, an OU (`ou`) or an account leaf (`account`); false when one cannot be read.
  const walk = (node: unknown, id: unknown, above: readonly OrgLevel[], depth: number): boolean => {
    if (!isObject(node) || typeof id !== "string" || depth > 100) return false;
    // Our rule (fail closed, §0.2; the compiler refuses it, KC2930): a node with a member it may not
    // have (`scp` for `scps`) cannot be read, so the organization cannot.
    const isAccount = ownProperty(node, "account") !== undefined;
    if (strayMember(node, depth === 0 ? ROOT_MEMBERS : isAccount ? ACCOUNT_MEMBERS : OU_MEMBERS) !== undefined) return false;
    const level = readLevel(node, id);
    if (isAccount) {
      if (id === account) paths.push([...above, level]);
      return true;
    }
    const children = ownProperty(node, "children");
    if (children === undefined) return true;
    if (!Array.isArray(children)) return false;
    return children.every((child) => walk(child, childIdOf(child), [...above, level], depth + 1));
  };
  const readable = walk(root, rootId === undefined ? "root" : rootId, [], 0);
  if (!readable) return broken;
  if (paths.length === 0) return { kind: "outside" };
  return { kind: "member", levels: paths.flat() };
}

/** The members `organization` and its nodes may have (docs/request-model.md "Layers"). */
export const ORGANIZATION_MEMBERS: ReadonlySet<string> = new Set(["managementAccount", "root"]);
export const ROOT_MEMBERS: ReadonlySet<string> = new Set(["id", "scps", "rcps", "children"]);
export const OU_MEMBERS: ReadonlySet<string> = new Set(["ou", "scps", "rcps", "children"]);
export const ACCOUNT_MEMBERS: ReadonlySet<string> = new Set(["account", "scps", "rcps"]);
/** The members an endpoint entry may have (vpc-endpoint-policy.md §2). */
export const ENDPOINT_MEMBERS: ReadonlySet<string> = new Set(["policy", "vpc"]);

function childIdOf(child: unknown): unknown {
  return isObject(child) ? ownProperty(child, "account") ?? ownProperty(child, "ou") : undefined;
}

function readLevel(node: Record<string, unknown>, id: string): OrgLevel {
  const location = `organization[${id}]`;
  const scps = ownProperty(node, "scps");
  const rcps = ownProperty(node, "rcps");
  return {
    location,
    // scp.md §3 (Our rule): `scps` absent ⇒ FullAWSAccess only; present ⇒ exactly those.
    scps: scps === undefined ? undefined : readList(scps, `${location}.scps`),
    // rcp.md §3: RCPFullAWSAccess is implicit everywhere; `rcps` lists the customer RCPs.
    rcps: rcps === undefined ? [] : readList(rcps, `${location}.rcps`),
  };
}

function unreadableLevel(location: string): OrgLevel {
  const policy = readPolicy(undefined, location);
  return { location, scps: [policy], rcps: [policy] };
}

/** A list of policy documents; anything but an array is one unreadable policy (a Deny of everything). */
export function readList(value: unknown, location: string): PolicyView[] {
  if (!Array.isArray(value)) return [readPolicy(undefined, `${location}[0]`)];
  // By index, not `map`: a hole of a sparse array built in code is an unreadable policy (JSON's `null`), not skipped.
  return Array.from({ length: value.length }, (_, i) => readPolicy(value[i], `${location}[${i}]`));
}

/** The principal entries of the bundle, as a prototype-free list of [arn, entry]. */
function principalEntries(bundle: unknown): [string, Record<string, unknown>][] {
  const principals = isObject(bundle) ? ownProperty(bundle, "principals") : undefined;
  if (!isObject(principals)) return [];
  return Object.keys(principals).flatMap((arn) => {
    const entry = principals[arn];
    return isObject(entry) ? [[arn, entry] as [string, Record<string, unknown>]] : [];
  });
}

function entryOf(bundle: unknown, arn: string): Record<string, unknown> | undefined {
  const principals = isObject(bundle) ? ownProperty(bundle, "principals") : undefined;
  if (!isObject(principals)) return undefined;
  const entry = ownProperty(principals, arn);
  return isObject(entry) ? entry : undefined;
}

/** The IAM user who federated a federated-user caller (`federatedBy`), if the bundle says so. */
export function federatedByOf(bundle: unknown, caller: Caller): string | undefined {
  if (caller.kind !== "federated") return undefined;
  const by = ownProperty(entryOf(bundle, caller.arn) ?? {}, "federatedBy");
  return typeof by === "string" ? by : undefined;
}

/** Whether the bundle models this federated user's session (it gives `federatedBy` or `sessionPolicies`). */
export function federationModelled(bundle: unknown, caller: Caller): boolean {
  if (caller.kind !== "federated") return false;
  const entry = entryOf(bundle, caller.arn);
  return entry !== undefined && (ownProperty(entry, "federatedBy") !== undefined || ownProperty(entry, "sessionPolicies") !== undefined);
}

/**
 * The permissions boundaries that cap the caller (permission-boundary.md §2): its own entry's; for a
 * role session, those of the role behind it (by partition, account and name, any path); for a federated
 * user, its federating user's. Root and services have none, unless the bundle lists one under their
 * own ARN (the compiler rejects that; the oracle applies it: fail closed).
 */
export function boundariesOf(bundle: unknown, caller: Caller): PolicyView[] {
  if (caller.kind === "service") return [];
  const found: PolicyView[] = [];
  const add = (arn: string, entry: Record<string, unknown>): void => {
    const boundary = ownProperty(entry, "boundary");
    if (boundary !== undefined) found.push(readPolicy(boundary, `principals[${arn}].boundary`));
  };
  for (const [arn, entry] of principalEntries(bundle)) {
    if (arn === caller.arn) add(arn, entry);
    else if (caller.kind === "session" && isRoleBehind(arn, caller)) add(arn, entry);
  }
  const by = federatedByOf(bundle, caller);
  if (by !== undefined && by !== caller.arn) {
    const entry = entryOf(bundle, by);
    if (entry !== undefined) add(by, entry);
  }
  return found;
}

/** The session policies listed under the caller's own ARN (`sessionPolicies`), or undefined when none are listed. */
export function sessionPoliciesOf(bundle: unknown, caller: Caller): PolicyView[] | undefined {
  if (caller.kind === "service") return undefined;
  const entry = entryOf(bundle, caller.arn);
  const list = entry === undefined ? undefined : ownProperty(entry, "sessionPolicies");
  if (list === undefined) return undefined;
  return readList(list, `principals[${caller.arn}].sessionPolicies`);
}

/** The identity policies of the federating user (`federatedBy`) of a federated-user caller. */
export function federatingUserPolicies(bundle: unknown, caller: Caller): PolicyView[] {
  const by = federatedByOf(bundle, caller);
  if (by === undefined) return [];
  const entry = entryOf(bundle, by);
  const list = entry === undefined ? undefined : ownProperty(entry, "policies");
  if (list === undefined) return [];
  return readList(list, `principals[${by}]`).map((policy, i) => ({ ...policy, location: `principals[${by}][${i}]` }));
}

/**
 * scp.md §2, rcp.md §2: a service-linked role (path `/aws-service-role/`) or a session of one is
 * exempt from SCPs and RCPs. A session's ARN has no path: it is a service-linked role's only when the
 * bundle names exactly one role of that partition, account and name, and its path is that one.
 */
export function isServiceLinked(bundle: unknown, caller: Caller): boolean {
  if (caller.kind === "role") return caller.arn.includes(":role/aws-service-role/");
  if (caller.kind !== "session") return false;
  const roles = principalEntries(bundle).map(([arn]) => arn).filter((arn) => isRoleBehind(arn, caller));
  return roles.length === 1 && roles[0]!.includes(":role/aws-service-role/");
}

function isRoleBehind(arn: string, caller: Caller & { kind: "session" }): boolean {
  const role = parseRoleArn(arn);
  return role !== undefined && role.partition === caller.partition && role.account === caller.account && role.roleName === caller.roleName;
}

/** The bundle's `endpoints` member, or undefined when it has none (endpoints not modelled). */
export function endpointsOf(bundle: unknown): unknown {
  return isObject(bundle) ? ownProperty(bundle, "endpoints") : undefined;
}

/** An endpoint's policy and VPC; undefined when the id is not in `endpoints`. */
export function endpointOf(endpoints: unknown, id: string): { policy: PolicyView; vpc: unknown } | undefined {
  const location = `endpoints[${id}]`;
  if (!isObject(endpoints)) return { policy: readPolicy(undefined, location), vpc: undefined };
  const entry = ownProperty(endpoints, id);
  if (entry === undefined) return undefined;
  // Our rule (fail closed; the compiler refuses it, KC2939): an entry with a
  // member it may not have (`vpcc` for `vpc`) cannot be read: its policy is unreadable (a Deny).
  if (!isObject(entry) || strayMember(entry, ENDPOINT_MEMBERS) !== undefined) return { policy: readPolicy(undefined, location), vpc: undefined };
  return { policy: readPolicy(ownProperty(entry, "policy"), location), vpc: ownProperty(entry, "vpc") };
}

/** The key entry of `keyArn` (an object), if any. */
export function keyEntryOf(bundle: unknown, keyArn: string): Record<string, unknown> | undefined {
  const keys = isObject(bundle) ? ownProperty(bundle, "keys") : undefined;
  if (!isObject(keys)) return undefined;
  const entry = ownProperty(keys, keyArn);
  return isObject(entry) ? entry : undefined;
}
