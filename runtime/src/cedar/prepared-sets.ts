// Policy sets handed to cedar-wasm by id (`preparsePolicySet`): the main set and its slices
// (create-cedar-authorizer.ts), the ceiling set and its slices (ceiling-sets.ts).
import type { CedarWasm } from "./load-cedar.js";

/** A preparsed set's id, or why it could not be preparsed. */
export type Prepared = string | { readonly failed: string };

/** Preparses `policies` as set `id` now; throws when it does not parse (a whole set is loaded with the authorizer). */
export function preparseWhole(cedar: CedarWasm, id: string, policies: Readonly<Record<string, string>>): string {
  const parsed = cedar.preparsePolicySet(id, { staticPolicies: policies as Record<string, string> });
  if (parsed.type !== "success") throw new Error(`cannot load Cedar policies: ${parsed.errors.map((e) => e.message).join("; ")}`);
  return id;
}

/**
 * Sets made of parts and named by the caller, each preparsed on its first use (as `<prefix>-<n>`) and
 * kept: the caller bounds the names. `parts` is called only then (PERF: nothing is built for a set
 * already kept). A set that does not parse is kept as `failed` (`what` says which
 * kind of set, for the message), so a request that needs it is an error, not a retry.
 */
export function preparedSets(cedar: CedarWasm, prefix: string, what: string) {
  const prepared = new Map<string, Prepared>();
  let next = 0;
  return {
    has: (name: string): boolean => prepared.has(name),
    get(name: string, parts: () => readonly (Readonly<Record<string, string>> | undefined)[]): Prepared {
      let set = prepared.get(name);
      if (set === undefined) {
        const id = `${prefix}-${next++}`;
        // No prototype: the policy ids are the bundle's.
        const policies = Object.assign(Object.create(null) as Record<string, string>, ...parts()) as Record<string, string>;
        const parsed = cedar.preparsePolicySet(id, { staticPolicies: policies });
        set = parsed.type === "success" ? id : { failed: `cannot load a Cedar ${what}: ${parsed.errors.map((e) => e.message).join("; ")}` };
        prepared.set(name, set);
      }
      return set;
    },
  };
}
