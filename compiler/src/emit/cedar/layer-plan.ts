// Where the layers of a bundle sit, for the Cedar emitter (docs/cedar-mapping.md "Layers",
// docs/semantics/README.md §2): the SCP and RCP levels of every member account, the boundaries and
// session policies by principal, the endpoints, the grants by key; each with the `Iam::Policy` scope id
// its policies are headed by and the encoder puts callers in. Read from the plain bundle (the checks
// have passed, so every member has its documented shape). Pure.
import type { ManifestAccount, ManifestLayers } from "@kms-cedar/runtime/cedar-names";
import { layerScopeId } from "@kms-cedar/runtime/cedar-names";

type Plain = Record<string, unknown>;

/** An SCP level with `scps` given: every one of its policies (locations) and the scope of the level. */
export interface ScpLevel {
  readonly scope: string;
  /** `organization[<id>].scps`: the reason of the level's gap (docs/semantics/README.md §3). */
  readonly gap: string;
  readonly policies: readonly string[];
}

export interface GrantPlan {
  readonly key: string;
  readonly name: string;
  readonly grant: Plain;
  /** The context attribute of its constraints, when it has some. */
  readonly attribute?: string;
}

export interface LayerPlan {
  readonly scpLevels: readonly ScpLevel[];
  readonly rcpLevels: readonly { readonly scope: string; readonly policies: readonly string[] }[];
  readonly boundaries: readonly { readonly principal: string; readonly scope: string; readonly location: string }[];
  /** Session policies by caller ARN; `federated`: a federated-user ARN (none allows nothing, session-policy.md §2). */
  readonly sessions: readonly { readonly principal: string; readonly scope: string; readonly gap: string; readonly policies: readonly string[]; readonly federated: boolean }[];
  readonly endpoints: readonly { readonly id: string; readonly scope: string; readonly location: string }[];
  readonly grants: readonly GrantPlan[];
  readonly manifest: ManifestLayers;
}

const FEDERATED = /^arn:[a-z][a-z0-9-]*:sts::\d{12}:federated-user\//;

/** The layer plan of a plain bundle (to-plain-bundle.ts), or undefined when it has no layer. */
export function planLayers(bundle: Plain): LayerPlan | undefined {
  const scpLevels: ScpLevel[] = [];
  const rcpLevels: { scope: string; policies: string[] }[] = [];
  const accounts: ManifestAccount[] = [];
  const organization = own(bundle, "organization") as Plain | undefined;
  if (organization !== undefined) {
    const management = own(organization, "managementAccount");
    const root = own(organization, "root") as Plain;
    const paths = new Map<string, { scp: string[]; rcp: string[] }>();
    const walk = (node: Plain, id: string, above: { scp: string[]; rcp: string[] }): void => {
      const location = `organization[${id}]`;
      const here = { scp: [...above.scp], rcp: [...above.rcp] };
      const scps = own(node, "scps");
      // scp.md §3 (Our rule): `scps` absent ⇒ FullAWSAccess only; present ⇒ exactly those.
      if (Array.isArray(scps)) {
        const scope = layerScopeId("scp", location);
        scpLevels.push({ scope, gap: `${location}.scps`, policies: scps.map((_, i) => `${location}.scps[${i}]`) });
        here.scp.push(scope);
      }
      const rcps = own(node, "rcps");
      // rcp.md §3: RCPFullAWSAccess everywhere; the customer RCPs add Deny statements.
      if (Array.isArray(rcps) && rcps.length > 0) {
        const scope = layerScopeId("rcp", location);
        rcpLevels.push({ scope, policies: rcps.map((_, i) => `${location}.rcps[${i}]`) });
        here.rcp.push(scope);
      }
      const account = own(node, "account");
      if (typeof account === "string") {
        // An account listed twice gets every level of every path (more ceilings: fail closed).
        const seen = paths.get(account) ?? { scp: [], rcp: [] };
        paths.set(account, { scp: [...seen.scp, ...here.scp], rcp: [...seen.rcp, ...here.rcp] });
        return;
      }
      const children = own(node, "children");
      for (const child of Array.isArray(children) ? (children as Plain[]) : []) {
        walk(child, String(own(child, "account") ?? own(child, "ou")), here);
      }
    };
    const rootId = own(root, "id");
    walk(root, typeof rootId === "string" ? rootId : "root", { scp: [], rcp: [] });
    for (const [account, path] of paths) {
      // scp.md §2: the management account is not subject to SCPs; rcp.md §2: nor to RCPs.
      if (account !== management) accounts.push({ account, scp: unique(path.scp), rcp: unique(path.rcp) });
    }
  }

  const boundaries: LayerPlan["boundaries"][number][] = [];
  const sessions: LayerPlan["sessions"][number][] = [];
  const principals = (own(bundle, "principals") ?? {}) as Plain;
  for (const arn of Object.keys(principals)) {
    const entry = principals[arn] as Plain;
    if (own(entry, "boundary") !== undefined) {
      const location = `principals[${arn}].boundary`;
      boundaries.push({ principal: arn, scope: layerScopeId("boundary", location), location });
    }
    const list = own(entry, "sessionPolicies");
    if (Array.isArray(list)) {
      const gap = `principals[${arn}].sessionPolicies`;
      sessions.push({
        principal: arn, scope: layerScopeId("session", gap), gap,
        policies: list.map((_, i) => `${gap}[${i}]`), federated: FEDERATED.test(arn),
      });
    }
  }

  const endpointsMember = own(bundle, "endpoints") as Plain | undefined;
  const endpoints = endpointsMember === undefined ? undefined : Object.keys(endpointsMember).map((id) => {
    const vpc = own(endpointsMember[id] as Plain, "vpc");
    const location = `endpoints[${id}]`;
    return { id, location, scope: layerScopeId("endpoint", location), ...(typeof vpc === "string" ? { vpc } : {}) };
  });

  const grants: GrantPlan[] = [];
  const awsManaged: string[] = [];
  const keys = (own(bundle, "keys") ?? {}) as Plain;
  for (const key of Object.keys(keys)) {
    const entry = keys[key] as Plain;
    if (own(entry, "awsManaged") === true) awsManaged.push(key);
    const list = own(entry, "grants");
    for (const grant of Array.isArray(list) ? (list as Plain[]) : []) {
      const constrained = own(grant, "constraints") !== undefined;
      grants.push({ key, name: String(own(grant, "name")), grant, ...(constrained ? { attribute: `grant#${grants.length}` } : {}) });
    }
  }

  const any = organization !== undefined || boundaries.length > 0 || sessions.length > 0 || endpoints !== undefined || grants.length > 0 || awsManaged.length > 0;
  if (!any) return undefined;
  return {
    scpLevels, rcpLevels, boundaries, sessions, endpoints: endpoints ?? [], grants,
    manifest: {
      ...(organization === undefined ? {} : { organization: { accounts } }),
      boundaries: boundaries.map(({ principal, scope }) => ({ principal, scope })),
      sessions: sessions.map(({ principal, scope }) => ({ principal, scope })),
      ...(endpoints === undefined ? {} : { endpoints: endpoints.map(({ id, scope, ...rest }) => ({ id, scope, ...("vpc" in rest ? { vpc: rest.vpc } : {}) })) }),
      awsManaged,
      grants: grants.flatMap((g) => (g.attribute === undefined ? [] : [{ attribute: g.attribute, constraints: own(g.grant, "constraints") }])),
    },
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function own(object: unknown, name: string): unknown {
  if (typeof object !== "object" || object === null) return undefined;
  return Object.prototype.hasOwnProperty.call(object, name) ? (object as Plain)[name] : undefined;
}
