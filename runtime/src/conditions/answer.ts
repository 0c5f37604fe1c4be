// The answer of a test under the fail-closed rule (spec §0.2), and what a condition key finds in the
// request (spec §3.2, A18): the vocabulary every engine built on the runtime decides with.

/** A test's answer: 0 false, 1 true, 2 undecidable (fail-closed by the statement's effect, spec §0.2). */
export type Tri = 0 | 1 | 2;

/**
 * What a condition key finds in the request: absent (or an empty set, spec §3.2), present, or
 * ambiguous (two context entries whose names differ only in case, A18).
 */
export type Presence = "absent" | "present" | "ambiguous";

/** A request value: one string, or a set of strings (a multi-valued key). */
export type RequestValue = string | readonly string[];

/** Whether an array holds two or more distinct values (context values are sets, spec §3.2). */
export function hasSeveralValues(v: readonly string[]): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return true;
  return false;
}
