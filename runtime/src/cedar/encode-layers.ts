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
import { grantConstraintsHold } from "../conditions/grant-constraints.js";
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
  const boundaries = layers.boundaries.map((b) => ({ ...b, info: parseCaller(b.principal) }));

  /** scp.md §2, rcp.md §2: a service-linked role, or a session of the bundle's one role of that name with that path. */
  const serviceLinked = (caller: CallerInfo): boolean => {
    if (caller.kind === "role") return caller.arn.includes(SERVICE_LINKED);
    if (caller.kind !== "session") return false;
    const behind = roles.filter((r) => r.info.roleKey === caller.roleKey);
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
      // permission-boundary.md §2: its own entry's; for a role session, the role's (any path).
      for (const b of boundaries) {
        if (b.principal === caller.arn || (caller.kind === "session" && b.info?.kind === "role" && b.info.roleKey === caller.roleKey)) scopes.push(b.scope);
      }
      for (const s of layers.sessions) if (s.principal === caller.arn) scopes.push(s.scope);
    }
    const grants = layers.grants.map((g) => [g.attribute, constraintsHold(g.constraints, request.action.slice(4), request.rawContext ?? {})] as const);
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
  if (!isRecord(constraints)) return false;
  const names = Object.keys(constraints);
  if (!names.every((n) => n === "encryptionContextEquals" || n === "encryptionContextSubset" || n === "sourceArn")) return false;
  const equals = own(constraints, "encryptionContextEquals");
  const subset = own(constraints, "encryptionContextSubset");
  const sourceArn = own(constraints, "sourceArn");
  if (equals !== undefined && subset !== undefined) return false;
  if (sourceArn !== undefined && typeof sourceArn !== "string") return false;
  const pairs = equals ?? subset;
  const read = pairs === undefined ? undefined : readPairs(pairs);
  if (pairs !== undefined && read === undefined) return false;
  return grantConstraintsHold({
    ...(sourceArn !== undefined ? { sourceArn } : {}),
    ...(read !== undefined ? (equals !== undefined ? { encryptionContextEquals: read } : { encryptionContextSubset: read }) : {}),
  }, operation, raw);
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
