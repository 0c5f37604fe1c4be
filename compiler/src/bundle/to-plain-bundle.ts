// The bundle the reference evaluator reads (DESIGN §2): plain JSON documents, what `JSON.parse`
// gives, keyed as in the bundle. Built with JSON.parse on purpose: the oracle shares no code with
// our parser. Assumes the policies passed the checks (they are valid JSON). The layer members
// (docs/request-model.md "Layers") are copied from the bundle file as plain JSON, each policy they
// name replaced by its document.
import type { Bundle } from "@kms-cedar/runtime";
import type { LoadedBundle } from "./load-bundle.js";

type Plain = Record<string, unknown>;

/** The plain bundle, or the location of a document `JSON.parse` rejects (a broken invariant). */
export function toPlainBundle(loaded: LoadedBundle): { readonly bundle: Bundle } | { readonly failed: string } {
  // Keyed by ARNs from the bundle: no prototype, so no member name can hit Object.prototype.
  const keys = Object.create(null) as Record<string, { policy: unknown }>;
  const principals = Object.create(null) as Record<string, { policies: unknown[] }>;
  for (const arn of loaded.principals) principals[arn] = { policies: [] };
  const documents = new Map<string, unknown>();
  for (const policy of loaded.policies) {
    let document: unknown;
    try {
      document = JSON.parse(policy.text.slice(policy.start, policy.end));
    } catch {
      return { failed: policy.location };
    }
    documents.set(policy.location, document);
    if (policy.layer !== undefined) continue;
    if (policy.kind === "key") keys[policy.owner] = { policy: document };
    else (principals[policy.owner] ??= { policies: [] }).policies.push(document);
  }
  const usesLayers = (loaded.layerUses?.length ?? 0) > 0 || loaded.policies.some((p) => p.layer !== undefined);
  if (!usesLayers) return { bundle: { keys, principals } };
  let tree: unknown;
  try {
    tree = JSON.parse(loaded.text, prototypeFree);
  } catch {
    return { failed: "the bundle" };
  }
  return { bundle: withLayers(tree as Plain, keys, principals, documents) };
}

/** The layer members of `tree`, the bundle file as plain JSON, with documents in place of policy values. */
function withLayers(tree: Plain, keys: Record<string, Plain>, principals: Record<string, Plain>, documents: ReadonlyMap<string, unknown>): Bundle {
  const doc = (location: string): unknown => documents.get(location);
  const treeKeys = own(tree, "keys") as Plain | undefined;
  for (const arn of Object.keys(keys)) {
    const entry = own(treeKeys, arn) as Plain | undefined;
    for (const name of ["grants", "awsManaged"]) {
      if (own(entry, name) !== undefined) keys[arn] = { ...keys[arn], [name]: own(entry, name) };
    }
  }
  const treePrincipals = own(tree, "principals") as Plain | undefined;
  for (const arn of Object.keys(principals)) {
    const entry = own(treePrincipals, arn) as Plain | undefined;
    if (own(entry, "boundary") !== undefined) principals[arn] = { ...principals[arn], boundary: doc(`principals[${arn}].boundary`) };
    const sessionPolicies = own(entry, "sessionPolicies");
    if (Array.isArray(sessionPolicies)) {
      // A session lists `policies` or `sessionPolicies`, not both (KC2938): the plain entry keeps the
      // file's choice, so the plain bundle compiles again (its `policies: []` made a session entry refused).
      const { policies, ...rest } = principals[arn] as Plain;
      principals[arn] = { ...(own(entry, "policies") !== undefined ? { policies } : {}), ...rest, sessionPolicies: sessionPolicies.map((_, i) => doc(`principals[${arn}].sessionPolicies[${i}]`)) };
    }
    if (own(entry, "federatedBy") !== undefined) principals[arn] = { ...principals[arn], federatedBy: own(entry, "federatedBy") };
  }
  const bundle: Plain = { keys, principals };
  const organization = own(tree, "organization") as Plain | undefined;
  if (organization !== undefined) {
    const root = own(organization, "root");
    const copy = Object.assign(Object.create(null) as Plain, organization);
    if (root !== undefined) copy["root"] = withPolicies(root, own(root as Plain, "id") ?? "root", doc);
    bundle["organization"] = copy;
  }
  const endpoints = own(tree, "endpoints") as Plain | undefined;
  if (endpoints !== undefined) {
    const copy = Object.create(null) as Plain;
    for (const id of Object.keys(endpoints)) copy[id] = { ...(endpoints[id] as Plain), policy: doc(`endpoints[${id}]`) };
    bundle["endpoints"] = copy;
  }
  return bundle as Bundle;
}

/** An organization node with its `scps` and `rcps` documents in place (ids as read-layers.ts reads them). */
function withPolicies(node: unknown, id: unknown, doc: (location: string) => unknown): unknown {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const copy = Object.assign(Object.create(null) as Plain, node);
  for (const name of ["scps", "rcps"]) {
    const list = own(copy, name);
    if (Array.isArray(list)) copy[name] = list.map((_, i) => doc(`organization[${String(id)}].${name}[${i}]`));
  }
  const children = own(copy, "children");
  if (Array.isArray(children)) {
    copy["children"] = children.map((child: unknown) => withPolicies(child, own(child as Plain, "account") ?? own(child as Plain, "ou"), doc));
  }
  return copy;
}

function own(object: unknown, name: string): unknown {
  if (typeof object !== "object" || object === null) return undefined;
  return Object.prototype.hasOwnProperty.call(object, name) ? (object as Plain)[name] : undefined;
}

/** JSON.parse reviver: objects without a prototype (house rule: maps keyed by user data have none). */
function prototypeFree(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const copy = Object.create(null) as Plain;
  for (const name of Object.keys(value)) copy[name] = (value as Plain)[name];
  return copy;
}
