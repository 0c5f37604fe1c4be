// The request encoder (DESIGN §1 runtime, docs/request-model.md): reads a request exactly as the
// other engines do (same errors in the same order) and turns it into Cedar principal, action,
// resource, entities (session → role → account, attached identity policies, tags) and context.
import type { CedarValueJson, EntityJson, EntityUidJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { DecisionError, Request } from "../contracts.js";
import type { CedarManifest, ManifestAction } from "./cedar-manifest.js";
import { callerDerived, DERIVED_KEYS, resourceDerived, setsCallerAccount, uniqueRoles } from "../request/derived-keys.js";
import type { Derived } from "../request/derived-keys.js";
import { parseCaller } from "../request/read-caller.js";
import { bareRoleCheck } from "../request/bare-role-caller.js";
import type { CallerInfo } from "../request/read-caller.js";
import { readInputShape, requestContext } from "../request/read-shape.js";
import { snapshotInput } from "../request/snapshot-input.js";
import { parseTarget } from "../request/read-target.js";
import { RequestErrorCode, unreadableInput } from "../request/request-errors.js";
import { resolveDerived } from "../request/resolve-derived.js";
import { callerInOrganization, callerUserIdUnknown, isCreateGrant, keysAwsSets, resourceInOrganization, unknownRequestKeys } from "../request/unknown-keys.js";
import type { OrganizationAccounts } from "../request/unknown-keys.js";
import { ENCRYPTION_CONTEXT_KEYS, pairKeys } from "../request/encryption-context-keys.js";
import { accountId, actionId, callerType, CedarType, identityPolicyParents, sessionRoleId } from "./cedar-names.js";
import { compileContext } from "./encode-context.js";
import { ContextIndex } from "./context-index.js";
import { createLayerEncoder } from "./encode-layers.js";

/** One request, ready for cedar-wasm. */
export interface EncodedRequest {
  readonly principal: EntityUidJson;
  readonly action: EntityUidJson;
  readonly resource: EntityUidJson;
  readonly context: Record<string, CedarValueJson>;
  readonly entities: EntityJson[];
}

const CALLER_ACCOUNT_INDEX = DERIVED_KEYS.indexOf("kms:calleraccount");
const RESOURCE_ACCOUNT_INDEX = DERIVED_KEYS.indexOf("aws:resourceaccount");

export interface EncoderOptions {
  /**
   * Send the ancestors without attributes, tags or parents as entities too (see `principalEntities`).
   * The AVP encoder does: AVP is a remote service whose handling of a parent that is not in the entity
   * list this project cannot test, so its requests keep every entity.
   */
  readonly leafAncestors?: boolean;
}

/** Compiles the manifest into an encoder; the encoder returns an error entry for an undecidable request. */
export function createEncoder(manifest: CedarManifest, options: EncoderOptions = {}): (request: unknown) => EncodedRequest | DecisionError {
  const leafAncestors = options.leafAncestors === true;
  const actions = new Map<string, ManifestAction>(manifest.actions.map((a) => [a.name.toLowerCase(), a]));
  const keys = new Set(manifest.keys);
  const policiesOf = identityPolicyParents(manifest.identity);
  const buildContext = compileContext(manifest.attributes, manifest.markers);
  // A session's aws:PrincipalArn is the bundle's one role of its name, if there is exactly one.
  const bundleRoles = uniqueRoles(manifest.identity.map((i) => i.principal));
  const roleArnOf = (key: string): string | undefined => bundleRoles.get(key) ?? undefined;
  const placeInLayers = manifest.layers === undefined ? undefined : createLayerEncoder(manifest.layers, manifest.identity.map((i) => i.principal));
  // KR0012: a role ARN as caller, against the roles the bundle names (request/bare-role-caller.ts).
  const bareRole = bareRoleCheck(manifest.namedRoles);
  // Deviation 49: the accounts of the bundle's organization (its tree's, and its management account).
  const organization = organizationAccounts(manifest);

  return (given) => {
    // One reading of the input (request/snapshot-input.ts): everything below reads the copy. An input
    // whose reading throws (a getter, a Proxy) is KR0007, for every caller of the encoder (decide(),
    // `authorize`, the AVP encoder); nothing after the copy runs user code.
    let input: unknown;
    try {
      input = snapshotInput(given);
    } catch {
      return unreadableInput();
    }
    const shape = readInputShape(input);
    if (typeof shape !== "string") return shape;
    if (shape !== "request") return failure(RequestErrorCode.malformedRequest, "malformed request: a check must be a request, not an operation");
    const request = input as Request;
    const rawContext = requestContext(request);
    const caller = parseCaller(request.principal);
    if (caller === undefined) return failure("KR0001", `malformed principal \`${request.principal}\``);
    const colon = request.action.indexOf(":");
    const action = colon >= 0 && request.action.slice(0, colon).toLowerCase() === "kms" ? actions.get(request.action.toLowerCase()) : undefined;
    if (action === undefined) return failure("KR0002", `unknown action \`${request.action}\``);
    const target = readTarget(request.resource, caller);
    if (target === undefined) return failure("KR0003", `malformed resource \`${request.resource}\``);
    const fits = target.type === CedarType.alias ? action.target === "alias" : target.type === CedarType.noResource ? action.target === "none" : action.target !== "none";
    if (!fits) return failure("KR0005", `action \`${request.action}\` does not fit resource \`${request.resource}\``);
    if (target.type === CedarType.key && !keys.has(request.resource)) return failure("KR0004", `unknown key \`${request.resource}\``);
    const refused = bareRole(caller);
    if (refused !== undefined) return refused;

    // Keys AWS sets from the caller and the resource (docs/request-model.md): checked, then filled in.
    const derived: Derived[] = callerDerived(caller, roleArnOf);
    const ca = derived[CALLER_ACCOUNT_INDEX]!;
    if (ca.kind === "value") derived[CALLER_ACCOUNT_INDEX] = { ...ca, fill: setsCallerAccount(action.name.toLowerCase(), target.kind) };
    derived[RESOURCE_ACCOUNT_INDEX] = resourceDerived(target.kind, target.account);
    const resolved = resolveDerived(rawContext, derived);
    if ("error" in resolved) return resolved;
    const index = new ContextIndex(rawContext);
    for (const r of resolved) index.set(r.key, "value" in r ? { kind: "present", values: [r.value] } : { kind: "ambiguous" });
    // Deviation 47: kms:EncryptionContextKeys left out, from the pairs the context gives (encryption-context-keys.ts).
    if (!index.given(ENCRYPTION_CONTEXT_KEYS) && rawContext !== undefined) {
      const names = Object.keys(rawContext);
      const keys = pairKeys(names.length, names, names.map((n) => rawContext[n]!));
      if (keys !== undefined) index.set(ENCRYPTION_CONTEXT_KEYS, keys === "ambiguous" ? { kind: "ambiguous" } : { kind: "present", values: keys });
    }
    // DESIGN §2 — the request resource `*` stands for the caller's own resource in an unnamed Region.
    const owner = request.resource === "*" ? { partition: caller.partition, account: caller.account } : undefined;
    // docs/cedar-mapping.md "Layers": the scopes that apply (after the caller keys, as the other engines check).
    const placed = placeInLayers?.({ caller, action: action.name, target, resource: request.resource, index, rawContext });
    if (placed !== undefined && "error" in placed) return placed;
    // Deviations 44, 49, 50, 51 (request/unknown-keys.ts): the keys AWS includes that the request leaves out
    // are unknown (FCR), not absent; after the endpoint's checks, which see them absent.
    const set = keysAwsSets(
      callerInOrganization(organization, caller), resourceInOrganization(organization, target.kind, target.account), isCreateGrant(action.name.toLowerCase()),
      callerUserIdUnknown(caller),
    );
    for (const key of unknownRequestKeys(set, (lowerName) => index.get(lowerName))) index.set(key, { kind: "ambiguous" });
    // DEVIATION: §3.2 — an empty-string value is null to AWS: unknown (FCR), not a present value.
    for (const key of [...index.keys()]) {
      const entry = index.get(key);
      if (entry.kind === "present" && entry.values.includes("")) index.set(key, { kind: "ambiguous" });
    }
    const { context, resourceTags, principalTags } = buildContext(index, request.resource, owner);
    for (const [attribute, holds] of placed?.grants ?? []) context[attribute] = holds;
    // docs/cedar-mapping.md "Layers": the `layers-placed` forbid denies every request an encoder did not place.
    if (placed !== undefined) context["#layers"] = true;
    const entities: EntityJson[] = [];
    const principal = principalEntities(caller, target.account, policiesOf, principalTags, entities, placed?.scopes ?? [], leafAncestors);
    const resource = { type: target.type, id: request.resource };
    const attrs: Record<string, string> = { account: target.account, arn: request.resource };
    if (manifest.resourceName === true) attrs["name"] = target.name;
    if (manifest.resourcePartition === true) attrs["partition"] = target.partition;
    entities.push({ uid: resource, attrs, parents: [], ...withTags(resourceTags) });
    return { principal, action: { type: CedarType.action, id: actionId(action.name) }, resource, context, entities };
  };
}

/**
 * The organization's accounts (request/unknown-keys.ts): the manifest's member accounts and its management
 * account (`null`: the bundle names none). A manifest with an organization but no `managementAccount`
 * member was written before it was kept: any account outside the tree may be its management account, so
 * every account counts as in the organization (fail closed: the organization keys a request leaves out are
 * unknown, never absent).
 */
export function organizationAccounts(manifest: CedarManifest): OrganizationAccounts | undefined {
  const org = manifest.layers?.organization;
  if (org === undefined) return undefined;
  if (org.managementAccount === undefined) return { members: { has: () => true }, management: undefined };
  return { members: new Set(org.accounts.map((a) => a.account)), management: org.managementAccount ?? undefined };
}

interface TargetEntity {
  readonly type: string;
  readonly kind: "key" | "alias" | "none";
  /** The target's partition and account; for `*` the caller's (docs/request-model.md). */
  readonly partition: string;
  readonly account: string;
  /** The key id or alias name (`key/ID` → `ID`), else empty. */
  readonly name: string;
}

const TARGET_TYPE = { key: CedarType.key, alias: CedarType.alias, none: CedarType.noResource } as const;

/** A key ARN, an alias ARN, the synthetic `arn:P:kms:R:A:*`, or `*` (the caller's account). */
function readTarget(resource: string, caller: CallerInfo): TargetEntity | undefined {
  const t = parseTarget(resource);
  if (t === undefined) return undefined;
  const own = resource === "*";
  return { type: TARGET_TYPE[t.kind], kind: t.kind, partition: own ? caller.partition : t.partition, account: own ? caller.account : t.account, name: t.name };
}

/**
 * Adds the caller and its ancestors: its account (root ARN form, itself in the bare account id),
 * for a session the role behind it (path-less), and the identity policies attached to it. A service
 * acts in the key's account and has no parents (docs/request-model.md).
 *
 * EXACT (issue 14, PERF: each entity costs cedar-wasm ~15 µs a call, 6-10% of a decision): the
 * ancestors that have no attributes, no tags and no parents of their own — the bare account
 * `Iam::Account::"A"`, the attached `Iam::Policy` entities and the layer scopes — are named as
 * parents only, not sent as entities. Cedar reads an entity's data in exactly three ways, and none
 * differs for such an entity between present and absent: `in` follows the parent edges of the
 * entities sent (a parent need not be sent: `principal in Iam::Policy::"p"` holds through the
 * caller's own edge, `in Iam::Account::"A"` through the root account's edge, which is sent); `has`
 * and `hasTag` are false for an entity that is absent or has no attributes or tags; reading an
 * attribute or a tag errors either way, and the strict validator rejects any policy that reads one
 * of these types (the schema gives them none). `==` and `is` read the uid only. Slicing finds the
 * policy ids among the parents (slice-policy-set.ts `policyEntitiesOf`). The conformance suite
 * decides every generated request with this encoder against the reference evaluator. With
 * `leafAncestors` (the AVP encoder) they are sent too, as before.
 */
function principalEntities(
  caller: CallerInfo, targetAccount: string, policiesOf: (caller: CallerInfo) => readonly string[], tags: Record<string, string>, out: EntityJson[], scopes: readonly string[],
  leafAncestors: boolean,
): EntityUidJson {
  const leaf = (e: EntityUidJson): void => {
    if (leafAncestors) out.push({ uid: e, attrs: {}, parents: [] });
  };
  const uid = { type: callerType(caller.kind), id: caller.arn };
  const scopeParents = scopes.map((id) => ({ type: CedarType.policy, id }));
  scopeParents.forEach(leaf);
  if (caller.kind === "service") {
    out.push({ uid, attrs: { account: targetAccount }, parents: scopeParents, ...withTags(tags) });
    return uid;
  }
  const rootAccount = { type: CedarType.account, id: accountId(caller.partition, caller.account) };
  const bareAccount = { type: CedarType.account, id: caller.account };
  out.push({ uid: rootAccount, attrs: {}, parents: [bareAccount] });
  leaf(bareAccount);
  const parents: EntityUidJson[] = [];
  if (caller.kind === "session") {
    const role = { type: CedarType.role, id: sessionRoleId(caller.partition, caller.account, caller.roleName) };
    out.push({ uid: role, attrs: { account: caller.account }, parents: [rootAccount] });
    parents.push(role);
  } else {
    parents.push(rootAccount);
  }
  for (const id of policiesOf(caller)) {
    const policy = { type: CedarType.policy, id };
    parents.push(policy);
    leaf(policy);
  }
  parents.push(...scopeParents);
  out.push({ uid, attrs: { account: caller.account }, parents, ...withTags(tags) });
  return uid;
}

function withTags(tags: Record<string, string>): { tags?: Record<string, string> } {
  // INVARIANT: `tags` has no prototype (encode-context.ts), so a tag named `__proto__` is an own entry.
  return Object.keys(tags).length === 0 ? {} : { tags };
}

function failure(code: string, message: string): DecisionError {
  return { error: { code, message } };
}
