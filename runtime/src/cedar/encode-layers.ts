// Places one request in the layers of the authorization chain for Cedar (docs/cedar-mapping.md
// "Layers", docs/semantics/README.md §2): which scopes apply (SCP levels of the caller's account, RCP
// levels of the resource's account, the caller's boundary and session policies, the endpoint of
// `aws:SourceVpce`), the endpoint checks of docs/semantics/vpc-endpoint-policy.md §2 (KR0010, KR0011),
// and the value of each grant's constraints (grants.md §2). Written from docs/semantics/, sharing no
// code with the reference evaluator. Pure.
import type { DecisionError } from "../contracts.js";
import type { ManifestAccount, ManifestLayers } from "./cedar-manifest.js";
import type { ContextIndex } from "./context-index.js";
import { parseCaller } from "../request/read-caller.js";
import type { CallerInfo } from "../request/read-caller.js";
import { childGrantWithin, grantConstraintsHold, grantEntriesOf } from "../conditions/grant-constraints.js";
import type { GrantEntries } from "../conditions/grant-constraints.js";
import type { GraphGrantConstraints } from "../graph/graph-types.js";
import { requestEndpoint } from "../request/request-endpoint.js";

/** What the layers add to one encoded request. */
export interface LayerPlacement {
  /** `Iam::Policy` scope ids the principal is a member of (layer policies are headed by them). */
  readonly scopes: readonly string[];
  /** Context attribute → whether that grant's constraints hold. */
  readonly grants: readonly (readonly [string, boolean])[];
}

export interface LayerRequest {
  readonly caller: CallerInfo;
  /** `kms:Name`, catalog spelling. */
  readonly action: string;
  readonly target: { readonly kind: "key" | "alias" | "none"; readonly account: string };
  readonly resource: string;
  readonly index: ContextIndex;
  readonly rawContext: Readonly<Record<string, string | readonly string[]>> | undefined;
}

const SERVICE_LINKED = ":role/aws-service-role/";

/** Compiles the manifest's layers into a placement function. */
export function createLayerEncoder(layers: ManifestLayers, principals: readonly string[]): (request: LayerRequest) => LayerPlacement | DecisionError {
  const accounts = new Map<string, ManifestAccount>((layers.organization?.accounts ?? []).map((a) => [a.account, a]));
  const endpoints = layers.endpoints === undefined ? undefined : new Map(layers.endpoints.map((e) => [e.id, e]));
  const awsManaged = new Set(layers.awsManaged);
  const roles = principals.flatMap((arn) => {
    const info = parseCaller(arn);
    return info?.kind === "role" ? [{ arn, info }] : [];
  });
  // PERF (issue 14): what a request needs is found by lookups, never by a walk over the bundle's roles,
  // boundaries, session policies or grants. Each list keeps bundle order (the scopes' order).
  const rolesByKey = groupBy(roles, (r) => r.info.roleKey);
  // permission-boundary.md §2: a boundary caps its own principal; a role's also caps the role's sessions (any path).
  const boundariesByArn = groupBy(layers.boundaries.map((b, i) => ({ ...b, i })), (b) => b.principal);
  const roleBoundaries = groupBy(layers.boundaries.flatMap((b, i) => {
    const info = parseCaller(b.principal);
    return info?.kind === "role" ? [{ ...b, i, roleKey: info.roleKey }] : [];
  }), (b) => b.roleKey);
  const sessionsByArn = groupBy(layers.sessions, (s) => s.principal);
  // grants.md §2: the constraints and the operations read once; a shape that cannot be read holds nothing
  // (fail closed): `constraints` undefined.
  const grantsOf = new Map<string | undefined, EncodedGrant[]>();
  for (const g of layers.grants) {
    const list = grantsOf.get(g.key) ?? [];
    const constraints = Object.prototype.hasOwnProperty.call(g, "constraints") ? readConstraints(g.constraints) : NO_CONSTRAINTS;
    list.push({ attribute: g.attribute, constraints, within: readOperations(g.createGrantWithin) });
    grantsOf.set(g.key, list);
  }
  const keyless = grantsOf.get(undefined) ?? [];
  // The compiler numbers the attributes per key (grants of different keys share names): two grants that
  // could both be set on one request must not share one, or the later would overwrite the earlier.
  for (const [key, list] of grantsOf) {
    const names = new Set<string>();
    for (const g of [...(key === undefined ? [] : keyless), ...list]) {
      if (names.has(g.attribute)) throw new Error(`cannot load Cedar manifest: the grant attribute \`${g.attribute}\` is given twice for ${key === undefined ? "every key" : `key \`${key}\``}`);
      names.add(g.attribute);
    }
  }

  /** scp.md §2, rcp.md §2: a service-linked role, or a session of the bundle's one role of that name with that path. */
  const serviceLinked = (caller: CallerInfo): boolean => {
    if (caller.kind === "role") return caller.arn.includes(SERVICE_LINKED);
    if (caller.kind !== "session") return false;
    const behind = rolesByKey.get(caller.roleKey) ?? [];
    return behind.length === 1 && behind[0]!.arn.includes(SERVICE_LINKED);
  };

  return (request) => {
    const { caller, index } = request;
    const scopes: string[] = [];
    // vpc-endpoint-policy.md §2: the endpoint named by aws:SourceVpce, and the network keys consistent with it.
    if (endpoints !== undefined) {
      const through = endpointOf(index, endpoints);
      if (through !== undefined && "error" in through) return through;
      if (through !== undefined) scopes.push(through.scope);
    }
    const exempt = serviceLinked(caller);
    if (layers.organization !== undefined && !exempt) {
      // scp.md §2: IAM callers of member accounts (the management account is not listed).
      if (caller.kind !== "service") scopes.push(...(accounts.get(caller.account)?.scp ?? []));
      // rcp.md §2: the resource's account, for a key or alias, not an AWS managed key, not RetireGrant.
      const rcp = request.target.kind !== "none" && !awsManaged.has(request.resource) && request.action !== "kms:RetireGrant";
      if (rcp) scopes.push(...(accounts.get(request.target.account)?.rcp ?? []));
    }
    if (caller.kind !== "service") {
      // permission-boundary.md §2: its own entry's; for a role session, the role's (any path); in bundle order.
      const own = boundariesByArn.get(caller.arn) ?? [];
      const role = caller.kind === "session" ? roleBoundaries.get(caller.roleKey) ?? [] : [];
      for (const b of [...own, ...role].sort((x, y) => x.i - y.i)) scopes.push(b.scope);
      for (const s of sessionsByArn.get(caller.arn) ?? []) scopes.push(s.scope);
    }
    // Only the grants of the request's key: no other key's grant attribute is read (ManifestGrant.key).
    const raw = request.rawContext ?? {};
    const operation = request.action.slice(4);
    const grants: (readonly [string, boolean])[] = [];
    // The request was read once (request/snapshot-input.ts): reading its context again reads the same.
    const entries = grantEntriesOf(raw);
    for (const g of [...keyless, ...(request.target.kind === "key" ? grantsOf.get(request.resource) ?? [] : [])]) {
      grants.push([g.attribute, grantPartHolds(g, operation, entries)]);
    }
    return { scopes: [...new Set(scopes)], grants };
  };
}

type Endpoint = { readonly id: string; readonly vpc?: string; readonly scope: string };

/** The endpoint the request goes through, undefined when none, or KR0010 / KR0011 (the rule: request/request-endpoint.ts). */
function endpointOf(index: ContextIndex, endpoints: ReadonlyMap<string, Endpoint>): Endpoint | DecisionError | undefined {
  const through = requestEndpoint(endpoints, (lowerName) => index.get(lowerName));
  return through === undefined || "error" in through ? through : through.endpoint;
}

/**
 * grants.md §2: whether a grant's constraints (as the bundle gives them) hold for `operation`; their
 * meaning is conditions/grant-constraints.ts, shared with the graph. A shape that cannot be read: false
 * (fail closed; the checks reject it anyway).
 */
export function constraintsHold(constraints: unknown, operation: string, raw: Readonly<Record<string, string | readonly string[]>>): boolean {
  const read = readConstraints(constraints);
  return read !== undefined && grantConstraintsHold(read, operation, grantEntriesOf(raw));
}

/** A grant as the encoder decides its part (ManifestGrant): `constraints` undefined when they cannot be read. */
interface EncodedGrant {
  readonly attribute: string;
  readonly constraints: GraphGrantConstraints | undefined;
  /** The grant's operations when it lists CreateGrant (ManifestGrant.createGrantWithin), else undefined. */
  readonly within: ReadonlySet<string> | undefined;
}

/** A grant without constraints. */
const NO_CONSTRAINTS: GraphGrantConstraints = Object.freeze({});

/**
 * The grant's part the encoder decides (grants.md §2): its constraints hold and, for CreateGrant, the grant
 * the request creates has only operations of this one (`childGrantWithin`, shared with the graph).
 */
function grantPartHolds(g: EncodedGrant, operation: string, entries: GrantEntries): boolean {
  if (g.constraints === undefined) return false;
  if (operation === "CreateGrant" && (g.within === undefined || !childGrantWithin(g.within, entries))) return false;
  return g.constraints === NO_CONSTRAINTS || grantConstraintsHold(g.constraints, operation, entries);
}

/** The operations of ManifestGrant.createGrantWithin; undefined when absent or not a list of strings. */
function readOperations(value: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(value) || !value.every((op) => typeof op === "string")) return undefined;
  return new Set(value as string[]);
}

/** A grant's constraints as the bundle gives them, read; undefined when the shape cannot be read. */
function readConstraints(constraints: unknown): GraphGrantConstraints | undefined {
  if (!isRecord(constraints)) return undefined;
  const names = Object.keys(constraints);
  if (!names.every((n) => n === "encryptionContextEquals" || n === "encryptionContextSubset" || n === "sourceArn")) return undefined;
  const equals = own(constraints, "encryptionContextEquals");
  const subset = own(constraints, "encryptionContextSubset");
  const sourceArn = own(constraints, "sourceArn");
  if (equals !== undefined && subset !== undefined) return undefined;
  if (sourceArn !== undefined && typeof sourceArn !== "string") return undefined;
  const pairs = equals ?? subset;
  const read = pairs === undefined ? undefined : readPairs(pairs);
  if (pairs !== undefined && read === undefined) return undefined;
  return {
    ...(sourceArn !== undefined ? { sourceArn } : {}),
    ...(read !== undefined ? (equals !== undefined ? { encryptionContextEquals: read } : { encryptionContextSubset: read }) : {}),
  };
}

/** A constraint's pairs: 1–8 string values; undefined otherwise. */
function readPairs(value: unknown): (readonly [string, string])[] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.length > 8) return undefined;
  const pairs: (readonly [string, string])[] = [];
  for (const key of keys) {
    const v = value[key];
    if (typeof v !== "string") return undefined;
    pairs.push([key, v]);
  }
  return pairs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
}

/** `items` grouped by `keyOf`, each group in the order of `items`. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}
