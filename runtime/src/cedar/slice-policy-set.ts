// Slices a Cedar policy set so a request is decided by the policies that can apply to it, not by
// every policy of the organisation (issue 14). A policy is put in a slice by its head (scope) only:
//   - `resource == Kms::Key::"K"`            → the slice of key K (a key policy's statements and gate);
//   - `principal in Iam::Policy::"P"`        → the slice of identity policy P (its statements);
//   - anything else                          → the common slice, consulted for every request.
// EXACT: Cedar evaluates a policy as `scope && when && !unless` with `&&` short-circuiting, so a policy
// whose head is false for a request is neither satisfied nor errors: leaving it out changes neither
// the decision nor the determining policies nor the errors. `resource == K` is false unless the
// request resource is K; `principal in P` is false unless P is the principal or one of its ancestors,
// and every ancestor is named in the request's entities (uid or parent), see `policyEntitiesOf`.
// Heads of any other form (wildcards, `is`, a key named in the `when`, several keys sharing one key
// policy) stay in the common slice: a slower decision, never a dropped policy.
import type { EntityJson, EntityUidJson, PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";
import { CedarType } from "./cedar-names.js";
import type { CedarWasm } from "./load-cedar.js";

export interface PolicySlices {
  /** Policies consulted for every request (id → text, in policy-set order). */
  readonly common: Readonly<Record<string, string>>;
  /** Key ARN → the policies whose head is `resource == Kms::Key::"ARN"`. */
  readonly byKey: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Iam::Policy entity id → the policies whose head is `principal in Iam::Policy::"id"`. */
  readonly byPolicy: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** Which slice a policy head puts it in. */
export type SliceOf = { readonly kind: "common" } | { readonly kind: "key" | "policy"; readonly id: string };

const COMMON: SliceOf = { kind: "common" };

/** The slice of one policy from its JSON form (`policyToJson`). */
export function sliceOf(json: PolicyJson): SliceOf {
  const resource = json.resource;
  if (resource.op === "==" && "entity" in resource) {
    const uid = plainUid(resource.entity);
    if (uid.type === CedarType.key) return { kind: "key", id: uid.id };
  }
  const principal = json.principal;
  if (principal.op === "in" && "entity" in principal) {
    const uid = plainUid(principal.entity);
    if (uid.type === CedarType.policy) return { kind: "policy", id: uid.id };
  }
  return COMMON;
}

/** Slices `policies` (id → text, in order); throws when Cedar cannot read one (the set was split by Cedar already). */
export function slicePolicySet(cedar: CedarWasm, policies: Readonly<Record<string, string>>): PolicySlices {
  const common = Object.create(null) as Record<string, string>;
  const byKey = new Map<string, Record<string, string>>();
  const byPolicy = new Map<string, Record<string, string>>();
  for (const id of Object.keys(policies)) {
    const text = policies[id]!;
    const answer = cedar.policyToJson(text);
    if (answer.type !== "success") throw new Error(`cannot read Cedar policy \`${id}\`: ${answer.errors.map((e) => e.message).join("; ")}`);
    const slice = sliceOf(answer.json);
    if (slice.kind === "common") {
      common[id] = text;
      continue;
    }
    const map = slice.kind === "key" ? byKey : byPolicy;
    let group = map.get(slice.id);
    if (group === undefined) map.set(slice.id, (group = Object.create(null) as Record<string, string>));
    group[id] = text;
  }
  return { common, byKey, byPolicy };
}

/**
 * Every Iam::Policy id the request's entities name, as an entity or as a parent, sorted: a superset
 * of the principal's ancestors of that type (Cedar's `in` follows parents, named or not).
 */
export function policyEntitiesOf(principal: EntityUidJson, entities: readonly EntityJson[]): string[] {
  const ids = new Set<string>();
  const look = (e: EntityUidJson): void => {
    const uid = plainUid(e);
    if (uid.type === CedarType.policy) ids.add(uid.id);
  };
  look(principal);
  for (const entity of entities) {
    look(entity.uid);
    for (const parent of entity.parents) look(parent);
  }
  return [...ids].sort();
}

/** An entity uid's type and id, in either JSON form. */
export function plainUid(e: EntityUidJson): { readonly type: string; readonly id: string } {
  return "__entity" in e ? e.__entity : e;
}
