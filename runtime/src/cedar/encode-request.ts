// The request encoder (DESIGN §1 runtime, docs/request-model.md): reads a request exactly as the
// other engines do (same errors in the same order) and turns it into Cedar principal, action,
// resource, entities (session → role → account, attached identity policies, tags) and context.
import type { CedarValueJson, EntityJson, EntityUidJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { DecisionError, Request } from "../contracts.js";
import type { CedarManifest, ManifestAction } from "./cedar-manifest.js";
import { accountId, actionId, callerType, CedarType, parseCallerName, sessionRoleId } from "./cedar-names.js";
import type { CallerName } from "./cedar-names.js";
import { compileContext } from "./encode-context.js";
import { ContextIndex } from "./context-index.js";

/** One request, ready for cedar-wasm. */
export interface EncodedRequest {
  readonly principal: EntityUidJson;
  readonly action: EntityUidJson;
  readonly resource: EntityUidJson;
  readonly context: Record<string, CedarValueJson>;
  readonly entities: EntityJson[];
}

const KMS_ARN = /^arn:([a-z][a-z0-9-]*):kms:([a-z0-9-]+):(\d{12}):(.*)$/;

/** Compiles the manifest into an encoder; the encoder returns an error entry for an undecidable request. */
export function createEncoder(manifest: CedarManifest): (request: Request) => EncodedRequest | DecisionError {
  const actions = new Map<string, ManifestAction>(manifest.actions.map((a) => [a.name.toLowerCase(), a]));
  const keys = new Set(manifest.keys);
  const exact = new Map<string, string[]>();
  const byRole = new Map<string, string[]>();
  for (const { principal, policies } of manifest.identity) {
    exact.set(principal, [...(exact.get(principal) ?? []), ...policies]);
    const named = parseCallerName(principal);
    if (named?.kind === "role") {
      const role = sessionRoleId(named.partition, named.account, named.roleName);
      byRole.set(role, [...(byRole.get(role) ?? []), ...policies]);
    }
  }
  const buildContext = compileContext(manifest.attributes, manifest.markers);

  return (request) => {
    if (typeof request !== "object" || request === null || Array.isArray(request)) return failure("KR0007", "a request must be a JSON object");
    for (const field of ["principal", "action", "resource"] as const) {
      if (typeof request[field] !== "string") return failure("KR0007", `request field \`${field}\` must be a string`);
    }
    const rawContext: unknown = request.context === undefined ? {} : request.context;
    if (typeof rawContext !== "object" || rawContext === null || Array.isArray(rawContext)) return failure("KR0007", "request field `context` must be an object");
    for (const [key, value] of Object.entries(rawContext)) {
      const ok = typeof value === "string" || (Array.isArray(value) && isDenseStringArray(value));
      if (!ok) return failure("KR0006", `context value of \`${key}\` must be a string or an array of strings`);
    }
    const caller = parseCallerName(request.principal);
    if (caller === undefined) return failure("KR0001", `malformed principal \`${request.principal}\``);
    const colon = request.action.indexOf(":");
    const action = colon >= 0 && request.action.slice(0, colon).toLowerCase() === "kms" ? actions.get(request.action.toLowerCase()) : undefined;
    if (action === undefined) return failure("KR0002", `unknown action \`${request.action}\``);
    const target = readTarget(request.resource, caller);
    if (target === undefined) return failure("KR0003", `malformed resource \`${request.resource}\``);
    const fits = target.type === CedarType.alias ? action.target === "alias" : target.type === CedarType.noResource ? action.target === "none" : action.target !== "none";
    if (!fits) return failure("KR0005", `action \`${request.action}\` does not fit resource \`${request.resource}\``);
    if (target.type === CedarType.key && !keys.has(request.resource)) return failure("KR0004", `unknown key \`${request.resource}\``);

    // DESIGN §2 — the request resource `*` stands for the caller's own resource in an unnamed Region.
    const owner = request.resource === "*" ? { partition: caller.partition, account: caller.account } : undefined;
    const { context, resourceTags, principalTags } = buildContext(new ContextIndex(rawContext as Record<string, string | string[]>), request.resource, owner);
    const entities: EntityJson[] = [];
    const principal = principalEntities(caller, target.account, exact, byRole, principalTags, entities);
    const resource = { type: target.type, id: request.resource };
    const attrs: Record<string, string> = { account: target.account, arn: request.resource };
    if (manifest.resourceName === true) attrs["name"] = resourceName(request.resource);
    if (manifest.resourcePartition === true) attrs["partition"] = request.resource === "*" ? caller.partition : KMS_ARN.exec(request.resource)![1]!;
    entities.push({ uid: resource, attrs, parents: [], ...withTags(resourceTags) });
    return { principal, action: { type: CedarType.action, id: actionId(action.name) }, resource, context, entities };
  };
}

interface TargetEntity {
  readonly type: string;
  readonly account: string;
}

/** A key ARN, an alias ARN, the synthetic `arn:P:kms:R:A:*`, or `*` (the caller's account). */
function readTarget(resource: string, caller: CallerName): TargetEntity | undefined {
  if (resource === "*") return { type: CedarType.noResource, account: caller.account };
  const m = KMS_ARN.exec(resource);
  if (m === null) return undefined;
  const account = m[3]!;
  const rest = m[4]!;
  if (rest === "*") return { type: CedarType.noResource, account };
  if (/^key\/[^/:]+$/.test(rest)) return { type: CedarType.key, account };
  if (/^alias\/[^:]+$/.test(rest)) return { type: CedarType.alias, account };
  return undefined;
}

/**
 * Adds the caller and its ancestors: its account (root ARN form, itself in the bare account id),
 * for a session the role behind it (path-less), and the identity policies attached to it. A service
 * acts in the key's account and has no parents (docs/request-model.md).
 */
function principalEntities(
  caller: CallerName, targetAccount: string, exact: ReadonlyMap<string, readonly string[]>, byRole: ReadonlyMap<string, readonly string[]>,
  tags: Record<string, string>, out: EntityJson[],
): EntityUidJson {
  const uid = { type: callerType(caller.kind), id: caller.arn };
  if (caller.kind === "service") {
    out.push({ uid, attrs: { account: targetAccount }, parents: [], ...withTags(tags) });
    return uid;
  }
  const rootAccount = { type: CedarType.account, id: accountId(caller.partition, caller.account) };
  const bareAccount = { type: CedarType.account, id: caller.account };
  out.push({ uid: rootAccount, attrs: {}, parents: [bareAccount] }, { uid: bareAccount, attrs: {}, parents: [] });
  const parents: EntityUidJson[] = [];
  let policies: readonly string[] = [];
  if (caller.kind === "session") {
    const role = { type: CedarType.role, id: sessionRoleId(caller.partition, caller.account, caller.roleName) };
    out.push({ uid: role, attrs: { account: caller.account }, parents: [rootAccount] });
    parents.push(role);
    policies = [...(byRole.get(role.id) ?? []), ...(exact.get(caller.arn) ?? [])];
  } else {
    parents.push(rootAccount);
    if (caller.kind !== "root") policies = exact.get(caller.arn) ?? [];
  }
  for (const id of new Set(policies)) {
    const policy = { type: CedarType.policy, id };
    parents.push(policy);
    out.push({ uid: policy, attrs: {}, parents: [] });
  }
  out.push({ uid, attrs: { account: caller.account }, parents, ...withTags(tags) });
  return uid;
}

/** The sixth ARN component after its first `/` (`key/ID` → `ID`, `alias/NAME` → `NAME`), else empty. */
function resourceName(arn: string): string {
  const m = KMS_ARN.exec(arn);
  const sixth = m === null ? "" : m[4]!;
  const slash = sixth.indexOf("/");
  return slash < 0 ? "" : sixth.slice(slash + 1);
}

function withTags(tags: Record<string, string>): { tags?: Record<string, string> } {
  return Object.keys(tags).length === 0 ? {} : { tags };
}

function failure(code: string, message: string): DecisionError {
  return { error: { code, message } };
}

/** Every index holds a string. `Array.prototype.every` skips holes, so a sparse array would pass it. */
function isDenseStringArray(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "string") return false;
  return true;
}
