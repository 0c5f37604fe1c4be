// KMS grants (docs/semantics/grants.md §2): a grant on a key allows the caller when its grantee matches,
// the action is one of its operations and its constraints hold. A grant never denies. A grant the
// oracle cannot read allows nothing.

import type { Caller } from "./caller.js";
import { parseRoleArn } from "./caller.js";
import { isObject, ownProperty, strayMember } from "./json-shape.js";
import type { ReferenceReason } from "./types.js";

/** grants.md §2 "Grant operations": the 17 names a grant may list. */
const GRANT_OPERATIONS = new Set([
  "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
  "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
  "CreateGrant", "DescribeKey", "GetPublicKey", "RetireGrant",
]);

/**
 * grants.md §2: the operations an encryption-context constraint tests (the cryptographic operations
 * that take an encryption context); CreateGrant is handled on its own; the rest ignore it.
 */
const WITH_ENCRYPTION_CONTEXT = new Set([
  "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
  "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo",
]);

const ENCRYPTION_CONTEXT_PREFIX = "kms:encryptioncontext:";

/** The grants on `keyEntry` that allow `action` (name without `kms:`) to the caller, as reasons. */
export function allowingGrants(
  keyEntry: Record<string, unknown> | undefined, keyArn: string, caller: Caller, action: string,
  rawContext: Readonly<Record<string, string | readonly string[]>>,
): ReferenceReason[] {
  const grants = keyEntry === undefined ? undefined : ownProperty(keyEntry, "grants");
  if (!Array.isArray(grants)) return [];
  const reasons: ReferenceReason[] = [];
  for (const grant of grants) {
    if (!isObject(grant)) continue;
    const name = ownProperty(grant, "name");
    if (typeof name !== "string") continue;
    if (!grantAllows(grant, caller, action, rawContext)) continue;
    reasons.push({ policy: `keys[${keyArn}].grants[${name}]`, statement: 0, effect: "Allow", path: "grant", layer: "grant" });
  }
  return reasons;
}

/** grants.md §1: the members a grant may have. */
export const GRANT_MEMBERS: ReadonlySet<string> = new Set(["name", "operations", "granteePrincipal", "granteeServicePrincipal", "retiringPrincipal", "retiringServicePrincipal", "constraints"]);

function grantAllows(
  grant: Record<string, unknown>, caller: Caller, action: string,
  rawContext: Readonly<Record<string, string | readonly string[]>>,
): boolean {
  // Our rule (fail closed; the compiler refuses it, KC2940): a grant with a member it may not have
  // (`constraint` for `constraints`) cannot be read, so it allows nothing — not without its constraints.
  if (strayMember(grant, GRANT_MEMBERS) !== undefined) return false;
  const operations = ownProperty(grant, "operations");
  if (!Array.isArray(operations) || operations.length === 0) return false;
  if (!operations.every((op) => typeof op === "string" && GRANT_OPERATIONS.has(op))) return false;
  if (!operations.includes(action)) return false;
  // grants.md §2: "The grantee principal can only create grants that allow some or all of the operations in
  // the parent grant." Our rule (fail closed): the request must show them (kms:GrantOperations).
  if (action === "CreateGrant" && !createsWithin(operations as string[], rawContext)) return false;
  const principal = ownProperty(grant, "granteePrincipal");
  const service = ownProperty(grant, "granteeServicePrincipal");
  // grants.md §1: exactly one grantee.
  if ((principal === undefined) === (service === undefined)) return false;
  const constraints = ownProperty(grant, "constraints");
  if (constraints !== undefined && !isObject(constraints)) return false;
  const sourceArn = constraints === undefined ? undefined : ownProperty(constraints, "sourceArn");
  if (service !== undefined) {
    // grants.md §1: "The SourceArn constraint is always required when the grant specifies a GranteeServicePrincipal."
    if (typeof service !== "string" || caller.kind !== "service" || caller.service !== service || sourceArn === undefined) return false;
  } else if (typeof principal !== "string" || !granteeMatches(principal, caller)) {
    return false;
  }
  return constraints === undefined || constraintsHold(constraints, action, rawContext);
}

/**
 * grants.md §2 `granteeMatches` (Our rule, fail closed): user, session and federated-user ARNs by exact
 * equality; a role ARN matches the role itself (exact ARN) or a session of it (partition, account, name);
 * an account root ARN matches only that root user.
 */
function granteeMatches(grantee: string, caller: Caller): boolean {
  if (caller.kind === "service") return false;
  if (grantee === caller.arn) return true;
  if (caller.kind !== "session") return false;
  const role = parseRoleArn(grantee);
  return role !== undefined && role.partition === caller.partition && role.account === caller.account && role.roleName === caller.roleName;
}

function constraintsHold(
  constraints: Record<string, unknown>, action: string, rawContext: Readonly<Record<string, string | readonly string[]>>,
): boolean {
  const members = Object.keys(constraints);
  if (!members.every((m) => m === "encryptionContextEquals" || m === "encryptionContextSubset" || m === "sourceArn")) return false;
  const equals = ownProperty(constraints, "encryptionContextEquals");
  const subset = ownProperty(constraints, "encryptionContextSubset");
  const sourceArn = ownProperty(constraints, "sourceArn");
  // grants.md §2: "you can specify either EncryptionContextEquals or EncryptionContextSubset, but not both".
  if (equals !== undefined && subset !== undefined) return false;
  // grants.md §2 (Our rule): the grant a CreateGrant request creates must be "at least as strict" as this
  // one's constraints, which the request does not show: a grant with constraints never allows CreateGrant.
  if (action === "CreateGrant" && (equals !== undefined || subset !== undefined || sourceArn !== undefined)) return false;
  if (sourceArn !== undefined && !sourceArnHolds(sourceArn, rawContext)) return false;
  const wanted = equals ?? subset;
  if (wanted === undefined) return true;
  const pairs = readPairs(wanted);
  if (pairs === undefined) return false;
  // grants.md §2 (Our rule): a grant with an encryption-context constraint never allows CreateGrant.
  if (action === "CreateGrant") return false;
  // AWS: grants.md §2 — "The encryption context constraint is ignored for DescribeKey and RetireGrant operations."
  if (!WITH_ENCRYPTION_CONTEXT.has(action)) return true;
  const given = requestContext(rawContext);
  if (given === undefined) return false;
  // grants.md §2 (Our rule, AWS pages disagree): keys and values compared exactly. A wanted key the request
  // lists but gives no value for leaves the constraint undecided: it does not hold (fail closed).
  for (const [key, value] of pairs) if (given.pairs.get(key) !== value) return false;
  // grants.md §2: Equals — "the encryption context in the request is the same": no key beyond the wanted ones,
  // whether the request gives its pair or only lists it (kms:EncryptionContextKeys, deviation 47).
  return equals === undefined || [...given.keys].every((key) => pairs.has(key));
}

/**
 * The operations of the grant a CreateGrant request creates (`kms:GrantOperations`: one entry in any letter
 * case, one or more values) are all among `operations`; absent, empty or ambiguous ⇒ false.
 */
function createsWithin(operations: readonly string[], rawContext: Readonly<Record<string, string | readonly string[]>>): boolean {
  const entries = Object.keys(rawContext).filter((name) => name.toLowerCase() === "kms:grantoperations");
  if (entries.length !== 1) return false;
  const value = rawContext[entries[0]!]!;
  const created = typeof value === "string" ? [value] : value;
  return created.length > 0 && created.every((op) => operations.includes(op));
}

/** `aws:SourceArn` of the request, one value, equal to the constraint (absent ⇒ false). */
function sourceArnHolds(wanted: unknown, rawContext: Readonly<Record<string, string | readonly string[]>>): boolean {
  if (typeof wanted !== "string") return false;
  const values = Object.keys(rawContext).filter((name) => name.toLowerCase() === "aws:sourcearn").map((name) => rawContext[name]!);
  if (values.length !== 1) return false;
  const value = values[0]!;
  const list = typeof value === "string" ? [value] : [...new Set(value)];
  return list.length === 1 && list[0] === wanted;
}

/** A constraint's pairs (1 to 8 string → string); undefined when it cannot be read. */
function readPairs(value: unknown): Map<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.length > 8) return undefined;
  const pairs = new Map<string, string>();
  for (const key of keys) {
    const v = value[key];
    if (typeof v !== "string") return undefined;
    pairs.set(key, v);
  }
  return pairs;
}

/**
 * What the request says of its encryption context: its pairs, from its `kms:EncryptionContext:<key>`
 * entries (the pair key as written after the prefix), and its keys: those pairs' keys with the keys its
 * `kms:EncryptionContextKeys` lists, when given (deviation 47: read as given — the request builder may
 * know pairs it does not list). Undefined when it cannot be read exactly (grants.md §2 Our rule, A18): a
 * key given twice in different letter case (two pair entries, or a pair's key and a listed key, or two
 * listed keys, that differ only in case), `kms:EncryptionContextKeys` given twice in different letter case,
 * or a pair entry with more than one value.
 */
function requestContext(rawContext: Readonly<Record<string, string | readonly string[]>>): { pairs: Map<string, string>; keys: Set<string> } | undefined {
  const pairs = new Map<string, string>();
  const keys = new Set<string>();
  // Lower-cased key → the key as written, for every key the request names (a pair entry or a listed key).
  const spelled = new Map<string, string>();
  for (const name of Object.keys(rawContext)) {
    if (!name.toLowerCase().startsWith(ENCRYPTION_CONTEXT_PREFIX)) continue;
    const key = name.slice(ENCRYPTION_CONTEXT_PREFIX.length);
    if (spelled.has(key.toLowerCase())) return undefined;
    spelled.set(key.toLowerCase(), key);
    const raw = rawContext[name]!;
    const values = typeof raw === "string" ? [raw] : [...new Set(raw)];
    if (values.length === 0) continue; // an empty array is an absent key (§3.2)
    if (values.length !== 1) return undefined;
    pairs.set(key, values[0]!);
    keys.add(key);
  }
  const lists = Object.keys(rawContext).filter((name) => name.toLowerCase() === "kms:encryptioncontextkeys");
  if (lists.length > 1) return undefined;
  if (lists.length === 1) {
    const raw = rawContext[lists[0]!]!;
    for (const key of typeof raw === "string" ? [raw] : raw) {
      const seen = spelled.get(key.toLowerCase());
      if (seen !== undefined && seen !== key) return undefined;
      spelled.set(key.toLowerCase(), key);
      keys.add(key);
    }
  }
  return { pairs, keys };
}
