// Where the layers of a decision graph sit in Cedar (docs/cedar-mapping.md "Layers", docs/semantics/README.md
// §2): the SCP and RCP levels of the organization, the boundaries and session policies by principal, the
// endpoints, the grants by key; each with the `Iam::Policy` scope id its policies are headed by and the
// encoder puts callers in, and the manifest's `layers`. Read from the graph's `layers` (lower-layers.ts is
// the one reader of the bundle's layer members), never from the bundle. Phase: emit; pure.
import type { DecisionGraph, GraphGrant, GraphGrantConstraints } from "@kms-cedar/runtime";
import type { ManifestAccount, ManifestLayers } from "@kms-cedar/runtime/cedar-names";
import { layerScopeId } from "@kms-cedar/runtime/cedar-names";

/** An SCP level with `scps` given: its policies (indices in `graph.policies`) and the scope of the level. */
export interface ScpLevel {
  readonly scope: string;
  /** `organization[<id>].scps`: the reason of the level's gap (docs/semantics/README.md §3). */
  readonly gap: string;
  readonly policies: readonly number[];
}

export interface CedarGrant {
  readonly key: string;
  readonly grant: GraphGrant;
  /**
   * The context attribute the encoder computes for it (`grant#<n>`: the n-th such grant of its key), when it
   * has constraints or lists CreateGrant (what the created grant may do: grant-constraints.ts `childGrantWithin`).
   */
  readonly attribute?: string;
}

export interface CedarLayers {
  readonly scpLevels: readonly ScpLevel[];
  readonly rcpLevels: readonly { readonly scope: string; readonly policies: readonly number[] }[];
  readonly boundaries: readonly { readonly principal: string; readonly scope: string; readonly policy: number }[];
  /** Session policies by caller ARN; `federated`: a federated-user ARN (none allows nothing, session-policy.md §2). */
  readonly sessions: readonly { readonly principal: string; readonly scope: string; readonly gap: string; readonly policies: readonly number[]; readonly federated: boolean }[];
  readonly endpoints: readonly { readonly id: string; readonly scope: string; readonly policy: number }[];
  readonly grants: readonly CedarGrant[];
  readonly manifest: ManifestLayers;
}

const FEDERATED = /^arn:[a-z][a-z0-9-]*:sts::\d{12}:federated-user\//;

/** The layers of `graph` as Cedar places them, or undefined when it has none that Cedar places. */
export function cedarLayers(graph: DecisionGraph): CedarLayers | undefined {
  const layers = graph.layers;
  if (layers === undefined) return undefined;
  const scpLevels: ScpLevel[] = [];
  const rcpLevels: { scope: string; policies: readonly number[] }[] = [];
  const accounts: ManifestAccount[] = [];
  const organization = layers.organization;
  if (organization !== undefined) {
    const placed = new Set<string>();
    // Accounts in organization order, each path root first: a level's first appearance is its tree order.
    for (const account of Object.keys(organization.accounts)) {
      const path = organization.accounts[account]!;
      for (const level of path) {
        if (placed.has(level.location)) continue;
        placed.add(level.location);
        // scp.md §3 (Our rule): `scps` absent ⇒ FullAWSAccess only; present ⇒ exactly those.
        if (level.scps !== undefined) scpLevels.push({ scope: layerScopeId("scp", level.location), gap: `${level.location}.scps`, policies: level.scps });
        // rcp.md §3: RCPFullAWSAccess everywhere; the customer RCPs add Deny statements.
        if (level.rcps.length > 0) rcpLevels.push({ scope: layerScopeId("rcp", level.location), policies: level.rcps });
      }
      // scp.md §2: the management account is not subject to SCPs; rcp.md §2: nor to RCPs.
      if (account === organization.managementAccount) continue;
      accounts.push({
        account,
        scp: unique(path.filter((l) => l.scps !== undefined).map((l) => layerScopeId("scp", l.location))),
        rcp: unique(path.filter((l) => l.rcps.length > 0).map((l) => layerScopeId("rcp", l.location))),
      });
    }
  }

  const boundaries: CedarLayers["boundaries"][number][] = [];
  const sessions: CedarLayers["sessions"][number][] = [];
  for (const principal of Object.keys(layers.principals)) {
    const entry = layers.principals[principal]!;
    if (entry.boundary !== undefined) {
      boundaries.push({ principal, scope: layerScopeId("boundary", graph.policies[entry.boundary]!.location), policy: entry.boundary });
    }
    if (entry.sessionPolicies !== undefined) {
      const gap = `principals[${principal}].sessionPolicies`;
      sessions.push({ principal, scope: layerScopeId("session", gap), gap, policies: entry.sessionPolicies, federated: FEDERATED.test(principal) });
    }
  }

  const endpoints = layers.endpoints === undefined ? undefined : Object.keys(layers.endpoints).map((id) => {
    const { policy, vpc } = layers.endpoints![id]!;
    return { id, scope: layerScopeId("endpoint", graph.policies[policy]!.location), policy, ...(vpc === undefined ? {} : { vpc }) };
  });

  const grants: CedarGrant[] = [];
  const awsManaged: string[] = [];
  for (const key of Object.keys(layers.keys)) {
    const entry = layers.keys[key]!;
    if (entry.awsManaged === true) awsManaged.push(key);
    // PERF (issue 14): numbered per key, so the schema declares as many grant attributes as the key with
    // the most constrained grants has, not one per grant of the organisation (every Cedar call pays for
    // each attribute of the context type). EXACT: every policy reading `grant#<n>` of a key holds only on
    // that key (`resource == <key>` heads it or comes first in its conjunction), and the encoder sets the
    // attributes of the request's key alone (manifest `layers.grants[].key`).
    let constrained = 0;
    for (const grant of entry.grants ?? []) {
      grants.push({ key, grant, ...(needsAttribute(grant) ? { attribute: `grant#${constrained++}` } : {}) });
    }
  }

  // A graph whose layers place nothing (e.g. `"grants": []`, or a `federatedBy` alone, which the pipeline
  // refuses for Cedar) gets the plain Cedar output.
  const any = organization !== undefined || boundaries.length > 0 || sessions.length > 0 || endpoints !== undefined || grants.length > 0 || awsManaged.length > 0;
  if (!any) return undefined;
  return {
    scpLevels, rcpLevels, boundaries, sessions, endpoints: endpoints ?? [], grants,
    manifest: {
      ...(organization === undefined ? {} : {
        organization: { accounts, managementAccount: organization.managementAccount ?? null },
      }),
      boundaries: boundaries.map(({ principal, scope }) => ({ principal, scope })),
      sessions: sessions.map(({ principal, scope }) => ({ principal, scope })),
      ...(endpoints === undefined ? {} : { endpoints: endpoints.map(({ id, scope, ...rest }) => ({ id, scope, ...("vpc" in rest ? { vpc: rest.vpc } : {}) })) }),
      awsManaged,
      grants: grants.flatMap((g) => (g.attribute === undefined ? [] : [{
        attribute: g.attribute, key: g.key,
        ...(g.grant.constraints === undefined ? {} : { constraints: writtenConstraints(g.grant.constraints) }),
        ...(g.grant.operations.includes("CreateGrant") ? { createGrantWithin: [...g.grant.operations] } : {}),
      }])),
    },
  };
}

/** Whether the encoder decides part of a grant: its constraints, or (it lists CreateGrant) the grant a request creates. */
export function needsAttribute(grant: GraphGrant): boolean {
  return grant.constraints !== undefined || grant.operations.includes("CreateGrant");
}

/** A grant's constraints in the bundle's shape (grants.md §2), which the manifest carries for the encoder. */
function writtenConstraints(constraints: GraphGrantConstraints): Record<string, unknown> {
  // Keyed by encryption-context keys (user data): no prototype.
  const pairs = (list: readonly (readonly [string, string])[]): Record<string, string> => {
    const out = Object.create(null) as Record<string, string>;
    for (const [key, value] of list) out[key] = value;
    return out;
  };
  const { encryptionContextEquals: equals, encryptionContextSubset: subset, sourceArn } = constraints;
  return {
    ...(equals === undefined ? {} : { encryptionContextEquals: pairs(equals) }),
    ...(subset === undefined ? {} : { encryptionContextSubset: pairs(subset) }),
    ...(sourceArn === undefined ? {} : { sourceArn }),
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
