// Lowers the layer members of a bundle (docs/request-model.md "Layers") to the graph's `layers`
// (docs/graph-format.md "Layers"): the organization flattened to one path per account, boundaries and
// session policies by principal, endpoints by id, grants and `awsManaged` by key; every policy named
// by its index in the model. Phase: lower. Assumes the checks passed (read-layers.ts found no error), so
// every shape is the documented one and every layer policy is in the model.
import type { GraphGrant, GraphGrantConstraints, GraphKeyLayers, GraphLayers, GraphOrgLevel, GraphPrincipalLayers } from "@kms-cedar/runtime";
import type { LoadedBundle } from "../bundle/load-bundle.js";
import type { ModelBundle } from "../model/policy-model.js";

type Plain = Record<string, unknown>;

/** The graph's `layers`, or undefined when the bundle has none (its graph is then exactly as before). */
export function lowerLayers(loaded: LoadedBundle, model: ModelBundle): GraphLayers | undefined {
  const usesLayers = (loaded.layerUses?.length ?? 0) > 0 || model.policies.some((p) => p.layer !== undefined);
  if (!usesLayers) return undefined;
  // The bundle file as plain JSON, objects without a prototype (keys are user data).
  const tree = JSON.parse(loaded.text, prototypeFree) as unknown;
  const index = new Map<string, number>();
  model.policies.forEach((p, i) => {
    if (p.layer !== undefined) index.set(p.location, i);
  });
  const policy = (location: string): number => {
    const i = index.get(location);
    // INVARIANT: the checks passed, so every layer policy the bundle names was normalized.
    if (i === undefined) throw new Error(`internal error: no layer policy at \`${location}\``);
    return i;
  };
  const layers: { organization?: GraphLayers["organization"]; principals: Record<string, GraphPrincipalLayers>; endpoints?: GraphLayers["endpoints"]; keys: Record<string, GraphKeyLayers> } = {
    principals: Object.create(null) as Record<string, GraphPrincipalLayers>,
    keys: Object.create(null) as Record<string, GraphKeyLayers>,
  };

  const organization = own(tree, "organization");
  if (isPlain(organization)) {
    const accounts = Object.create(null) as Record<string, GraphOrgLevel[]>;
    const walk = (node: unknown, id: string, above: readonly GraphOrgLevel[]): void => {
      if (!isPlain(node)) return;
      const location = `organization[${id}]`;
      const scps = own(node, "scps");
      const rcps = own(node, "rcps");
      const level: GraphOrgLevel = {
        location,
        // scp.md §3 (Our rule): `scps` absent ⇒ FullAWSAccess only; present ⇒ exactly those.
        ...(Array.isArray(scps) ? { scps: scps.map((_, i) => policy(`${location}.scps[${i}]`)) } : {}),
        rcps: Array.isArray(rcps) ? rcps.map((_, i) => policy(`${location}.rcps[${i}]`)) : [],
      };
      const path = [...above, level];
      const account = own(node, "account");
      if (typeof account === "string") {
        // An account listed twice (KC2932 rejects it) would get every level of both paths: more ceilings.
        accounts[account] = [...(accounts[account] ?? []), ...path];
        return;
      }
      const children = own(node, "children");
      if (!Array.isArray(children)) return;
      for (const child of children) {
        const childId = own(child, "account") ?? own(child, "ou");
        if (typeof childId === "string") walk(child, childId, path);
      }
    };
    const root = own(organization, "root");
    const rootId = own(root, "id");
    walk(root, typeof rootId === "string" ? rootId : "root", []);
    const management = own(organization, "managementAccount");
    layers.organization = { ...(typeof management === "string" ? { managementAccount: management } : {}), accounts };
  }

  const principals = own(tree, "principals");
  if (isPlain(principals)) {
    for (const arn of Object.keys(principals)) {
      const entry = principals[arn];
      const boundary = own(entry, "boundary");
      const sessionPolicies = own(entry, "sessionPolicies");
      const federatedBy = own(entry, "federatedBy");
      const found: GraphPrincipalLayers = {
        ...(boundary !== undefined ? { boundary: policy(`principals[${arn}].boundary`) } : {}),
        ...(Array.isArray(sessionPolicies) ? { sessionPolicies: sessionPolicies.map((_, i) => policy(`principals[${arn}].sessionPolicies[${i}]`)) } : {}),
        ...(typeof federatedBy === "string" ? { federatedBy } : {}),
      };
      if (Object.keys(found).length > 0) layers.principals[arn] = found;
    }
  }

  const endpoints = own(tree, "endpoints");
  if (isPlain(endpoints)) {
    const out = Object.create(null) as Record<string, { policy: number; vpc?: string }>;
    for (const id of Object.keys(endpoints)) {
      const vpc = own(endpoints[id], "vpc");
      out[id] = { policy: policy(`endpoints[${id}]`), ...(typeof vpc === "string" ? { vpc } : {}) };
    }
    layers.endpoints = out;
  }

  const keys = own(tree, "keys");
  if (isPlain(keys)) {
    for (const arn of Object.keys(keys)) {
      const entry = keys[arn];
      const grants = own(entry, "grants");
      const found: GraphKeyLayers = {
        ...(own(entry, "awsManaged") === true ? { awsManaged: true as const } : {}),
        ...(Array.isArray(grants) ? { grants: grants.map(lowerGrant) } : {}),
      };
      if (Object.keys(found).length > 0) layers.keys[arn] = found;
    }
  }
  return layers;
}

/** One grant (grants.md §5 shape, checked): the members the runtime reads, pairs as `[key, value]`. */
function lowerGrant(grant: unknown): GraphGrant {
  const text = (name: string): Record<string, string> => {
    const v = own(grant, name);
    return typeof v === "string" ? { [name]: v } : {};
  };
  const operations = own(grant, "operations");
  const c = own(grant, "constraints");
  const pairs = (name: "encryptionContextEquals" | "encryptionContextSubset"): Partial<GraphGrantConstraints> => {
    const v = own(c, name);
    return isPlain(v) ? { [name]: Object.keys(v).map((k) => [k, String(v[k])] as const) } : {};
  };
  const sourceArn = own(c, "sourceArn");
  const constraints: GraphGrantConstraints | undefined = isPlain(c)
    ? { ...pairs("encryptionContextEquals"), ...pairs("encryptionContextSubset"), ...(typeof sourceArn === "string" ? { sourceArn } : {}) }
    : undefined;
  return {
    name: String(own(grant, "name")),
    operations: Array.isArray(operations) ? operations.map(String) : [],
    ...text("granteePrincipal"), ...text("granteeServicePrincipal"), ...text("retiringPrincipal"), ...text("retiringServicePrincipal"),
    ...(constraints === undefined ? {} : { constraints }),
  };
}

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function own(object: unknown, name: string): unknown {
  if (!isPlain(object)) return undefined;
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
}

/** JSON.parse reviver: objects without a prototype (house rule: maps keyed by user data have none). */
function prototypeFree(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const copy = Object.create(null) as Plain;
  for (const name of Object.keys(value)) copy[name] = (value as Plain)[name];
  return copy;
}
