// What a Resource / NotResource element means for one request (spec §1.7, §4.4), over its patterns
// with their variables already resolved: whether some pattern matches the request resource (the
// caller negates for NotResource). The one home of the request resource `*` rule (DESIGN §2), for the
// graph evaluator (evaluate/compile-resource.ts) and the Cedar encoder (cedar/evaluate-derived.ts).
import type { Tri } from "./answer.js";
import { matchResourcePattern } from "../operators/resource-pattern.js";
import type { ResourcePattern } from "../operators/resource-pattern.js";
import { starReach } from "../operators/resource-star.js";
import type { StarReach } from "../operators/resource-star.js";

/** What the request resource `*` stands for: the caller's partition and account ("" for a service). */
export interface StarOwner {
  readonly partition: string;
  readonly account: string;
}

/**
 * 1 when some pattern matches `resource`, 0 when none does, 2 when undecided. A `null` pattern (a
 * variable without a value) matches nothing. `reach` lets a caller remember a fixed pattern's reach.
 */
export function someResourcePatternMatches(
  patterns: readonly (ResourcePattern | null)[],
  resource: string,
  owner: StarOwner,
  reach: (pattern: ResourcePattern, index: number) => StarReach = (p) => starReach(p, owner.partition, owner.account),
): Tri {
  if (resource !== "*") {
    for (const p of patterns) if (p !== null && matchResourcePattern(p, resource)) return 1;
    return 0;
  }
  // AWS: §1.7 rule 1 — `*` alone matches everything, the request resource `*` too, whatever the others say.
  for (const p of patterns) if (p !== null && p.everything) return 1;
  // A service caller has no account of its own (and no identity policies): nothing else matches.
  if (owner.account === "") return 0;
  // DEVIATION: §1.7, A20, DESIGN §2 — `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region: a
  // pattern matching it in every Region matches; in some Regions only, it leaves the element undecided.
  let matched = false;
  let undecided = false;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (p == null) continue;
    const r = reach(p, i);
    if (r === "every") matched = true;
    else if (r === "some") undecided = true;
  }
  // Like an ambiguous variable, one undecided pattern leaves the whole element undecided.
  if (undecided) return 2;
  return matched ? 1 : 0;
}
