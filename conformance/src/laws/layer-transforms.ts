// Rewrites of a bundle's layer members (docs/request-model.md "Layers") for the layer laws: which
// layers a bundle has, the bundle without one of them, and the bundle with every ceiling replaced by
// one that allows everything. Read from the bundle itself, so they apply to any bundle (generated or
// a user's). Inputs are never mutated. Phase: conformance laws.
import { LAYER_NAMES } from "../arbitraries/layer-arbitraries.js";
import type { LayerName } from "../arbitraries/layer-arbitraries.js";
import type { Json, PlainBundleShape } from "./bundle-transforms.js";

export { LAYER_NAMES, type LayerName };

/** The ceilings: every layer but the grants (docs/semantics/README.md §1). */
export const CEILINGS: readonly LayerName[] = LAYER_NAMES.filter((l) => l !== "grant");

const ALLOW_ALL: Json = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ALLOW_ALL_RESOURCE: Json = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };

/** A member of the bundle by name (the layer members are not in PlainBundleShape's type). */
const member = (bundle: PlainBundleShape, name: string): unknown => (bundle as Json)[name];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const entries = (v: unknown): [string, Json][] => (isObject(v) ? Object.entries(v).filter((e): e is [string, Json] => isObject(e[1])) : []);

/** Every node of the organization tree, root first. */
function orgNodes(bundle: PlainBundleShape): Json[] {
  const organization = member(bundle, "organization");
  if (!isObject(organization) || !isObject(organization["root"])) return [];
  const out: Json[] = [];
  const visit = (node: Json): void => {
    out.push(node);
    const children = node["children"];
    if (Array.isArray(children)) for (const c of children) if (isObject(c)) visit(c);
  };
  visit(organization["root"]);
  return out;
}

/** The layers `bundle` has: a member that can decide some request (an `rcps` or `grants` list that is empty cannot). */
export function layersIn(bundle: PlainBundleShape): LayerName[] {
  const nodes = orgNodes(bundle);
  const principals = entries(bundle.principals);
  const present: Record<LayerName, boolean> = {
    scp: nodes.some((n) => "scps" in n),
    rcp: nodes.some((n) => Array.isArray(n["rcps"]) && n["rcps"].length > 0),
    boundary: principals.some(([, p]) => "boundary" in p),
    session: principals.some(([, p]) => "sessionPolicies" in p),
    endpoint: entries(member(bundle, "endpoints")).length > 0,
    grant: entries(bundle.keys).some(([, k]) => Array.isArray(k["grants"]) && k["grants"].length > 0),
  };
  return LAYER_NAMES.filter((l) => present[l]);
}

/** The organization tree with `f` applied to every node. */
function mapOrg(bundle: PlainBundleShape, f: (node: Json) => Json): PlainBundleShape {
  const organization = member(bundle, "organization");
  if (!isObject(organization) || !isObject(organization["root"])) return bundle;
  const map = (node: Json): Json => {
    const children = node["children"];
    const next = f(node);
    return Array.isArray(children) ? { ...next, children: children.map((c) => (isObject(c) ? map(c) : c)) } : next;
  };
  return { ...bundle, organization: { ...organization, root: map(organization["root"]) } } as PlainBundleShape;
}

function without(node: Json, member: string): Json {
  const out: Json = Object.create(null) as Json;
  for (const [k, v] of Object.entries(node)) if (k !== member) out[k] = v;
  return out;
}

/** `bundle`'s entries of `member` (keys or principals) with `f` applied to each. */
function mapEntries(bundle: PlainBundleShape, name: "keys" | "principals", f: (entry: Json) => Json): PlainBundleShape {
  const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const [arn, entry] of entries(member(bundle, name))) out[arn] = f(entry);
  return { ...bundle, [name]: out };
}

/** `bundle` without `layer` (a missing SCP list means FullAWSAccess; no RCP list means RCPFullAWSAccess alone). */
export function withoutLayer(bundle: PlainBundleShape, layer: LayerName): PlainBundleShape {
  switch (layer) {
    case "scp": return mapOrg(bundle, (n) => without(n, "scps"));
    case "rcp": return mapOrg(bundle, (n) => without(n, "rcps"));
    case "boundary": return mapEntries(bundle, "principals", (p) => without(p, "boundary"));
    // A federation the bundle models (`federatedBy`) denies a session without session policies
    // (session-policy.md §2): there, the neutral session policy is one that allows everything.
    case "session": return mapEntries(bundle, "principals", (p) => ("federatedBy" in p ? { ...p, sessionPolicies: [ALLOW_ALL] } : without(p, "sessionPolicies")));
    case "endpoint": return without(bundle as Json, "endpoints") as PlainBundleShape;
    case "grant": return mapEntries(bundle, "keys", (k) => without(k, "grants"));
  }
}

/** `bundle` without any ceiling. */
export function withoutCeilings(bundle: PlainBundleShape): PlainBundleShape {
  return CEILINGS.reduce(withoutLayer, bundle);
}

/**
 * `bundle` with every ceiling allowing everything: each SCP list and boundary becomes allow-all, each
 * principal with session policies or a federating user gets one allow-all session policy, each
 * endpoint policy allows everything to everyone, and the customer RCPs go (RCPFullAWSAccess stays).
 */
export function withAllowAllCeilings(bundle: PlainBundleShape): PlainBundleShape {
  let out = mapOrg(bundle, (n) => ("scps" in n ? { ...without(n, "rcps"), scps: [ALLOW_ALL] } : without(n, "rcps")));
  out = mapEntries(out, "principals", (p) => {
    let next = "boundary" in p ? { ...p, boundary: ALLOW_ALL } : p;
    if ("sessionPolicies" in p || "federatedBy" in p) next = { ...next, sessionPolicies: [ALLOW_ALL] };
    return next;
  });
  const endpoints = entries(member(out, "endpoints"));
  if (endpoints.length === 0) return out;
  const allowAll: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const [id, endpoint] of endpoints) allowAll[id] = { ...endpoint, policy: ALLOW_ALL_RESOURCE };
  return { ...out, endpoints: allowAll } as PlainBundleShape;
}
