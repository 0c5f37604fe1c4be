// Adds the statistics and law tallies of several runs (one per corpus policy) into one.
// Phase: conformance report.
import type { LawTally } from "../laws/law-types.js";
import type { Statistics, Tally } from "./statistics.js";
import { newStatistics, newTally } from "./statistics.js";

function addTally(into: Tally, t: Tally): void {
  into.cases += t.cases;
  into.Allow += t.Allow;
  into.ExplicitDeny += t.ExplicitDeny;
  into.ImplicitDeny += t.ImplicitDeny;
  into.error += t.error;
  into.divergences += t.divergences;
}

function addTallies(into: Record<string, Tally>, from: Record<string, Tally>): void {
  for (const [k, t] of Object.entries(from)) addTally((into[k] ??= newTally()), t);
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

/** The sum of `parts`. */
export function mergeStatistics(parts: readonly Statistics[]): Statistics {
  const out = newStatistics();
  for (const s of parts) {
    out.cases += s.cases;
    out.bundles += s.bundles;
    out.rejectedBundles += s.rejectedBundles;
    out.divergences += s.divergences;
    addCounts(out.rejectedReasons, s.rejectedReasons);
    addTally(out.decisions, s.decisions);
    addTallies(out.operators, s.operators);
    addTallies(out.qualifiers, s.qualifiers);
    addTallies(out.variants, s.variants);
    addTallies(out.paths, s.paths);
    addTallies(out.families, s.families ?? {});
    addTallies(out.layers, s.layers ?? {});
    addCounts(out.allowVia, s.allowVia);
    addCounts(out.errors, s.errors);
    addCounts(out.engineCases, s.engineCases);
    for (const [e, m] of Object.entries(s.unavailable)) addCounts((out.unavailable[e] ??= {}), m);
  }
  return out;
}

/** The sum of law tallies. */
export function mergeLaws(parts: readonly Readonly<Record<string, LawTally>>[]): Record<string, LawTally> {
  const out: Record<string, LawTally> = {};
  for (const p of parts) {
    for (const [k, t] of Object.entries(p)) {
      const x = (out[k] ??= { checked: 0, skipped: 0, violations: 0 });
      x.checked += t.checked;
      x.skipped += t.skipped;
      x.violations += t.violations;
    }
  }
  return out;
}
