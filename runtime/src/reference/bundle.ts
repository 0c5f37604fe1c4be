// Finds the policies of a request in the bundle (DESIGN §2, docs/request-model.md "The caller"):
// the key policy by exact key ARN, the caller's identity policies by principal ARN.

import { parseRoleArn, type Caller } from "./caller.js";
import { isObject, ownProperty, strayMember } from "./json-shape.js";
import { readPolicy, type PolicyView } from "./policy.js";

/** The key policy of `keyArn`, or undefined when the bundle has no such key (KR0004). */
export function keyPolicyOf(bundle: unknown, keyArn: string): PolicyView | undefined {
  const keys = isObject(bundle) ? ownProperty(bundle, "keys") : undefined;
  if (!isObject(keys)) return undefined;
  const entry = ownProperty(keys, keyArn);
  if (entry === undefined) return undefined;
  // A key entry without a readable `policy` keeps its key: the policy is read as unreadable (deny).
  return readPolicy(isObject(entry) ? ownProperty(entry, "policy") : undefined, `keys[${keyArn}]`);
}

/**
 * The identity policies that apply to the caller, in bundle order: those listed under the caller's
 * ARN; for a role session, those of the role behind it (matched by partition, account and role
 * name, whatever the path) and then any listed under the session ARN. Root and services: none.
 */
export function identityPoliciesOf(bundle: unknown, caller: Caller): PolicyView[] {
  if (caller.kind === "root" || caller.kind === "service") return [];
  const principals = isObject(bundle) ? ownProperty(bundle, "principals") : undefined;
  if (!isObject(principals)) return [];
  const policies: PolicyView[] = [];
  for (const [arn, entry] of Object.entries(principals)) {
    if (isRoleBehindSession(arn, caller)) policies.push(...readEntry(arn, entry));
  }
  // DEVIATION: §5.7 — policies listed under a session ARN add to its role's; AWS session policies only narrow.
  const own = ownProperty(principals, caller.arn);
  if (own !== undefined) policies.push(...readEntry(caller.arn, own));
  return policies;
}

/** Whether `arn` names the role behind `caller`, a role session (partition, account and role name; any path). */
function isRoleBehindSession(arn: string, caller: Caller): boolean {
  if (caller.kind !== "session") return false;
  const role = parseRoleArn(arn);
  return role !== undefined && role.partition === caller.partition && role.account === caller.account && role.roleName === caller.roleName;
}

const LAYER_MEMBERS = ["boundary", "sessionPolicies", "federatedBy"];

function readEntry(arn: string, entry: unknown): PolicyView[] {
  const list = isObject(entry) ? ownProperty(entry, "policies") : undefined;
  // docs/request-model.md "Layers": an entry may give only layer members (`boundary`, `sessionPolicies`,
  // `federatedBy`) and no `policies`: then it has no identity policy.
  if (list === undefined && isObject(entry) && LAYER_MEMBERS.some((m) => ownProperty(entry, m) !== undefined)) return [];
  // A principal entry without a `policies` array is read as one unreadable policy (deny).
  if (!Array.isArray(list)) return [readPolicy(undefined, `principals[${arn}][0]`)];
  // By index, not `map`: a hole of a sparse array built in code is an unreadable policy (JSON's `null`), not skipped.
  return Array.from({ length: list.length }, (_, i) => readPolicy(list[i], `principals[${arn}][${i}]`));
}

/** The members a bundle, a key entry and a principal entry may have (DESIGN §2, docs/request-model.md "Layers"). */
export const BUNDLE_MEMBERS: ReadonlySet<string> = new Set(["$schema", "keys", "principals", "organization", "endpoints"]);
export const KEY_ENTRY_MEMBERS: ReadonlySet<string> = new Set(["policy", "grants", "awsManaged"]);
export const PRINCIPAL_ENTRY_MEMBERS: ReadonlySet<string> = new Set(["policies", ...LAYER_MEMBERS]);

/**
 * Our rule (fail closed, §0.2; the compiler refuses such a bundle: KC2902, KC2906): the location of a
 * member the bundle may not have and that could concern this request, or undefined. A member of the
 * bundle itself concerns every request (a misspelled `organization` could hold SCPs that deny it); one
 * of the target key's entry, requests on that key; one of an entry whose identity policies the caller
 * has (identityPoliciesOf), the caller's requests. The oracle cannot read what such a member says, so
 * it lets it deny.
 */
export function strayMemberOf(bundle: unknown, caller: Caller, keyArn: string | undefined): string | undefined {
  if (!isObject(bundle)) return undefined;
  const stray = (object: unknown, allowed: ReadonlySet<string>): string | undefined => (isObject(object) ? strayMember(object, allowed) : undefined);
  const top = stray(bundle, BUNDLE_MEMBERS);
  if (top !== undefined) return top;
  const keys = ownProperty(bundle, "keys");
  if (keyArn !== undefined && isObject(keys)) {
    const member = stray(ownProperty(keys, keyArn), KEY_ENTRY_MEMBERS);
    if (member !== undefined) return `keys[${keyArn}].${member}`;
  }
  const principals = ownProperty(bundle, "principals");
  if (caller.kind === "service" || !isObject(principals)) return undefined;
  for (const arn of Object.keys(principals)) {
    const applies = arn === caller.arn || isRoleBehindSession(arn, caller);
    const member = applies ? stray(principals[arn], PRINCIPAL_ENTRY_MEMBERS) : undefined;
    if (member !== undefined) return `principals[${arn}].${member}`;
  }
  return undefined;
}
