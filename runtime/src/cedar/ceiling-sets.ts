// The ceiling set of a layered policy set (docs/cedar-mapping.md "Layers", "Why the ceilings are a second
// set"): the boundary and session-policy gates (role `ceiling`) with one runtime-added permit for
// everything, asked only when every satisfied permit of the main set is capped. The set allows exactly
// when C = B ∧ S holds.
//
// PERF (issue 14): an organisation has one gate per boundary and per session entry (502 on the layered
// organisation of bench/org-bundle.ts), and Cedar evaluates every policy of a set, so the whole set cost
// ~1.7 ms a call. Each gate is headed `principal in Iam::Policy::"<scope>"`; with slicing, a request is
// asked only the gates of the scopes its principal is a member of, and not asked at all when there is
// none. EXACT, as the main set's slicing (slice-policy-set.ts): a gate whose head is false for the
// request is neither satisfied nor errors, and every `Iam::Policy` ancestor of the principal is named in
// the request's entities (`policyEntitiesOf`). With no gate left the set is the one unconditional permit,
// which allows without error a request the main set has just validated against the same schema: C holds.
import type { CedarWasm } from "./load-cedar.js";
import type { EncodedRequest } from "./encode-request.js";
import type { ManifestPolicy } from "./cedar-manifest.js";
import { preparedSets, preparseWhole } from "./prepared-sets.js";
import type { Prepared } from "./prepared-sets.js";
import { reachedSlices, slicePolicySet } from "./slice-policy-set.js";
import { printable } from "../request/read-shape.js";

/** The id of the permit the runtime adds to the ceiling set (not an id the compiler emits: it has a space). */
export const CEILINGS_OPEN = "ceilings open";

/** The permit for everything, as a policy map of one. */
const OPEN: Readonly<Record<string, string>> = Object.freeze({ [CEILINGS_OPEN]: "permit (principal, action, resource);" });

/**
 * The preparsed ceiling set to ask about a request (its id); undefined when no gate can apply to the
 * request (C holds, nothing to ask); or why the set cannot be had.
 */
export type CeilingsFor = (encoded: EncodedRequest) => Prepared | undefined;

/** The main policies, and the `ceiling` ones (undefined when there are none). */
export function splitCeilings(policies: Record<string, string>, roles: ReadonlyMap<string, ManifestPolicy>): { main: Record<string, string>; ceilings?: Record<string, string> } {
  const main = Object.create(null) as Record<string, string>;
  const ceilings = Object.create(null) as Record<string, string>;
  let any = false;
  for (const id of Object.keys(policies)) {
    if (roles.get(id)?.role === "ceiling") {
      ceilings[id] = policies[id]!;
      any = true;
    } else {
      main[id] = policies[id]!;
    }
  }
  return any ? { main, ceilings } : { main };
}

/** Every gate for every request: one set, preparsed now (throws when it does not parse). */
export function wholeCeilings(cedar: CedarWasm, id: string, ceilings: Readonly<Record<string, string>>): CeilingsFor {
  // No prototype: the policy ids are the bundle's.
  preparseWhole(cedar, id, Object.assign(Object.create(null) as Record<string, string>, ceilings, OPEN));
  return () => id;
}

/**
 * The gates whose head can hold for the request: one set per list of ceiling scopes a principal is a
 * member of, preparsed on first use and kept (bounded by the bundle's boundary and session entries).
 */
export function slicedCeilings(cedar: CedarWasm, id: string, ceilings: Readonly<Record<string, string>>): CeilingsFor {
  const { common, byKey, byPolicy } = slicePolicySet(ceilings);
  // A gate that is not headed by a scope is asked always (the compiler emits none; a key-headed one too,
  // so the number of sets stays bounded by the principals' scope lists).
  const always = Object.assign(Object.create(null) as Record<string, string>, common, ...byKey.values()) as Record<string, string>;
  const noneAlways = Object.keys(always).length === 0;
  const sets = preparedSets(cedar, id, "ceiling slice");
  return (encoded) => {
    const named = reachedSlices(encoded.principal, encoded.entities, byPolicy);
    if (named.length === 0 && noneAlways) return undefined;
    return sets.get(JSON.stringify(named), () => [always, ...named.map((p) => byPolicy.get(p)!), OPEN]);
  };
}

/**
 * false when the ceilings hold; else the first ceiling gate that closed the request (policy order), or Cedar's
 * errors. Asked after the main set decided `encoded` without error, which validated it against the same schema:
 * PERF (issue 14) it is not validated again.
 */
export function askCeilings(
  cedar: CedarWasm, ceilingsFor: CeilingsFor, schemaId: string, encoded: EncodedRequest, order: ReadonlyMap<string, number>,
): false | { by: string } | { errors: string[] } {
  try {
    const set = ceilingsFor(encoded);
    if (set === undefined) return false;
    if (typeof set !== "string") return { errors: [set.failed] };
    const answer = cedar.statefulIsAuthorized({ ...encoded, preparsedPolicySetId: set, preparsedSchemaName: schemaId, validateRequest: false });
    if (answer.type !== "success") return { errors: answer.errors.map((e) => e.message) };
    const { decision, diagnostics } = answer.response;
    if (diagnostics.errors.length > 0) return { errors: diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`) };
    if (decision === "allow") return false;
    const by = [...diagnostics.reason].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
    // INVARIANT: a deny names a satisfied gate (the set has no other forbid).
    return by === undefined ? { errors: ["the ceiling set denied with no gate"] } : { by };
  } catch (thrown) {
    return { errors: [printable(thrown instanceof Error ? thrown.message : String(thrown))] };
  }
}
