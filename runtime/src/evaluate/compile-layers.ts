// Compiles a graph's `layers` (docs/graph-format.md "Layers") into the lookups a request needs, so that
// its cost does not depend on the layers it does not touch: the organization path by account,
// boundaries and session policies by caller (found once per caller), endpoints by id, grants by key.
// Also the reasons an ImplicitDeny by a ceiling gives (docs/request-model.md "Reasons"). Pure.
import type { Reason } from "../contracts.js";
import type { GraphEndpoint, GraphGrant, GraphLayers, GraphOrgLevel } from "../graph/graph-types.js";
import type { DecisionGraph } from "../graph/graph-types.js";
import type { CallerInfo } from "../request/read-caller.js";
import { parseCaller, roleKeyOf } from "../request/read-caller.js";

/** A ceiling's gap: the ImplicitDeny reason of docs/semantics/README.md §3. */
export function gapReason(policy: string, layer: string): Reason {
  return Object.freeze({ policy, statement: 0, effect: "Deny" as const, path: "no-allow", layer });
}

/** One organization level, ready: its SCPs (undefined: FullAWSAccess only), RCPs, and its SCP gap reason. */
export interface OrgLevel {
  readonly scps: readonly number[] | undefined;
  readonly rcps: readonly number[];
  readonly scpGap: Reason;
}

/** What a caller brings to the chain (found once per caller, cached with it). */
export interface CallerLayers {
  /** Boundaries that cap it: its own, its role's (a session), its federating user's. Policy indices. */
  readonly boundaries: readonly number[];
  /** Its session policies; undefined when none are listed. */
  readonly sessionPolicies: readonly number[] | undefined;
  /** A federated user whose federation the bundle models (`federatedBy` or `sessionPolicies` given). */
  readonly federationModelled: boolean;
  /** Its federating IAM user (`federatedBy`), as a caller: key-policy statements naming it reach the session. */
  readonly federatedBy: CallerInfo | undefined;
  /** A service-linked role or a session of one: exempt from SCPs and RCPs (scp.md §2, rcp.md §2). */
  readonly serviceLinked: boolean;
  /** The gap reason of its session policies. */
  readonly sessionGap: Reason;
}

export interface CompiledLayers {
  /** Undefined: the bundle has no `organization`. */
  readonly organization: { readonly management: string | undefined; readonly accounts: ReadonlyMap<string, readonly OrgLevel[]> } | undefined;
  /** Undefined: the bundle has no `endpoints` (endpoints not modelled). */
  readonly endpoints: ReadonlyMap<string, GraphEndpoint & { readonly gap: Reason }> | undefined;
  readonly grants: ReadonlyMap<string, readonly CompiledGrant[]>;
  readonly awsManaged: ReadonlySet<string>;
  /** Per principal-test index: the exact `AWS` values of its node (for KDfree, permission-boundary.md §3). */
  readonly exactAws: readonly ReadonlySet<string>[];
  /** The layers of one caller (the federating user's identity policies are added by the authorizer). */
  callerLayers(info: CallerInfo): CallerLayers;
  /** The federating user of a federated-user caller, if `federatedBy` names one. */
  federatedByOf(info: CallerInfo): string | undefined;
}

/** A grant with what matching its grantee needs, read once (grant-allows.ts). */
export interface CompiledGrant extends GraphGrant {
  /** `partition:account:name` when the grantee is a role ARN (its sessions match it), else undefined. */
  readonly granteeRoleKey: string | undefined;
  /** The operations, as a set. */
  readonly operationSet: ReadonlySet<string>;
  /** The Allow reason it gives (made once; grants of one key with one name share it). */
  readonly reason: Reason;
}

/** The grants of key `keyArn`, compiled. */
export function compileGrants(keyArn: string, grants: readonly GraphGrant[]): CompiledGrant[] {
  const reasons = new Map<string, Reason>();
  return grants.map((grant) => {
    let reason = reasons.get(grant.name);
    if (reason === undefined) {
      reason = Object.freeze({ policy: `keys[${keyArn}].grants[${grant.name}]`, statement: 0, effect: "Allow" as const, path: "grant", layer: "grant" });
      reasons.set(grant.name, reason);
    }
    return {
      ...grant, granteeRoleKey: grant.granteePrincipal === undefined ? undefined : roleKeyOf(grant.granteePrincipal), operationSet: new Set(grant.operations), reason,
    };
  });
}

export function compileLayers(graph: DecisionGraph, layers: GraphLayers): CompiledLayers {
  const location = (p: number): string => graph.policies[p]!.location;
  let organization: CompiledLayers["organization"];
  if (layers.organization !== undefined) {
    const accounts = new Map<string, OrgLevel[]>();
    for (const account of Object.keys(layers.organization.accounts)) {
      accounts.set(account, layers.organization.accounts[account]!.map((level: GraphOrgLevel) => ({
        scps: level.scps, rcps: level.rcps, scpGap: gapReason(`${level.location}.scps`, "scp"),
      })));
    }
    organization = { management: layers.organization.managementAccount, accounts };
  }
  const endpoints = layers.endpoints === undefined ? undefined
    : new Map(Object.keys(layers.endpoints).map((id) => {
      const e = layers.endpoints![id]!;
      return [id, { ...e, gap: gapReason(location(e.policy), "endpoint") }] as const;
    }));
  const grants = new Map<string, readonly CompiledGrant[]>();
  const awsManaged = new Set<string>();
  for (const arn of Object.keys(layers.keys)) {
    const k = layers.keys[arn]!;
    if (k.grants !== undefined) grants.set(arn, compileGrants(arn, k.grants));
    if (k.awsManaged === true) awsManaged.add(arn);
  }
  const exactAws: ReadonlySet<string>[] = [];
  for (const node of graph.nodes) if (node.kind === "principal") exactAws.push(new Set(node.aws));

  // Principals with layer members, in bundle order; roles by `partition:account:name`.
  const entries = new Map(Object.keys(layers.principals).map((arn) => [arn, layers.principals[arn]!] as const));
  const roleArns = new Map<string, string[]>();
  for (const arn of Object.keys(graph.principals)) {
    const c = parseCaller(arn);
    if (c?.kind === "role") roleArns.set(c.roleKey, [...(roleArns.get(c.roleKey) ?? []), arn]);
  }
  const federatedByOf = (info: CallerInfo): string | undefined => (info.kind === "federated" ? entries.get(info.arn)?.federatedBy : undefined);

  const callerLayers = (info: CallerInfo): CallerLayers => {
    const sessionGap = gapReason(`principals[${info.kind === "service" ? "" : info.arn}].sessionPolicies`, "session");
    if (info.kind === "service") {
      return { boundaries: [], sessionPolicies: undefined, federationModelled: false, federatedBy: undefined, serviceLinked: false, sessionGap };
    }
    // permission-boundary.md §2: its own boundary; a session's role's (any path); a federated user's federating user's.
    const boundaries: number[] = [];
    const own = entries.get(info.arn);
    if (own?.boundary !== undefined) boundaries.push(own.boundary);
    if (info.kind === "session") {
      for (const arn of roleArns.get(info.roleKey) ?? []) {
        const b = entries.get(arn)?.boundary;
        if (arn !== info.arn && b !== undefined) boundaries.push(b);
      }
    }
    const by = federatedByOf(info);
    if (by !== undefined && by !== info.arn) {
      const b = entries.get(by)?.boundary;
      if (b !== undefined) boundaries.push(b);
    }
    const federated = by === undefined ? undefined : parseCaller(by);
    // scp.md §2, rcp.md §2: a service-linked role's path is `/aws-service-role/`; a session's only when the
    // bundle names exactly one role of that partition, account and name, with that path.
    const sameRole = info.kind === "session" ? roleArns.get(info.roleKey) ?? [] : [];
    const serviceLinked = info.kind === "role" ? info.arn.includes(":role/aws-service-role/")
      : info.kind === "session" && sameRole.length === 1 && sameRole[0]!.includes(":role/aws-service-role/");
    return {
      boundaries,
      sessionPolicies: own?.sessionPolicies,
      federationModelled: info.kind === "federated" && own !== undefined && (own.federatedBy !== undefined || own.sessionPolicies !== undefined),
      federatedBy: federated?.kind === "user" ? federated : undefined,
      serviceLinked,
      sessionGap,
    };
  };
  return { organization, endpoints, grants, awsManaged, exactAws, callerLayers, federatedByOf };
}
