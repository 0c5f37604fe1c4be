// Counters of a conformance run: the decision mix per base operator, per qualifier × IfExists, per
// operator variant and per KMS path, errors, and how the Allows were reached. Every tally counts
// the reference's outcome and the divergences. Phase: conformance report.
import type { DecisionResult } from "@kms-cedar/runtime";
import type { OperatorVariant } from "../arbitraries/operators.js";
import { operatorName } from "../arbitraries/operators.js";
import { outcomeKind } from "../compare/outcome.js";
import { allowVia, kmsPath } from "./kms-path.js";

export interface Tally {
  cases: number;
  Allow: number;
  ExplicitDeny: number;
  ImplicitDeny: number;
  error: number;
  divergences: number;
}

export const newTally = (): Tally => ({ cases: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, error: 0, divergences: 0 });

export interface Statistics {
  cases: number;
  bundles: number;
  /** Generated bundles the compiler rejected (counted, never decided), by first error. */
  rejectedBundles: number;
  rejectedReasons: Record<string, number>;
  /** Requests on which at least one engine disagreed with the reference. */
  divergences: number;
  decisions: Tally;
  operators: Record<string, Tally>;
  /** `none`/`ForAnyValue`/`ForAllValues` × `plain`/`IfExists`. */
  qualifiers: Record<string, Tally>;
  /** Every variant (`ForAnyValue:StringLikeIfExists`, …). */
  variants: Record<string, Tally>;
  paths: Record<string, Tally>;
  /** The generator families of issue 10 (run/families.ts): prototype names, shapes, Unicode, RetireGrant, … */
  families: Record<string, Tally>;
  /** The layers of the authorization chain (issue 12), over the requests whose bundle has the layer (run/families.ts `layersOf`). */
  layers: Record<string, Tally>;
  allowVia: Record<string, number>;
  errors: Record<string, number>;
  /** Requests each engine decided. */
  engineCases: Record<string, number>;
  /** Bundles on which an engine was unavailable, by engine and reason. */
  unavailable: Record<string, Record<string, number>>;
}

export function newStatistics(): Statistics {
  return {
    cases: 0, bundles: 0, rejectedBundles: 0, rejectedReasons: {}, divergences: 0, decisions: newTally(),
    operators: {}, qualifiers: {}, variants: {}, paths: {}, families: {}, layers: {}, allowVia: {}, errors: {}, engineCases: {}, unavailable: {},
  };
}

function bump(t: Tally, reference: DecisionResult, diverged: boolean): void {
  t.cases++;
  t[outcomeKind(reference)]++;
  if (diverged) t.divergences++;
}

/** The qualifier row name of a variant. */
export function qualifierRow(v: OperatorVariant): string {
  return `${v.qualifier === "" ? "none" : v.qualifier} ${v.ifExists ? "IfExists" : "plain"}`;
}

/** Records one request, counted under each of `variants` (the case's focus, or the operators in play). */
export function recordRequest(
  stats: Statistics, variants: readonly OperatorVariant[], request: unknown, reference: DecisionResult,
  diverged: boolean, engines: readonly string[], families: readonly string[] = [], layers: readonly string[] = [],
): void {
  stats.cases++;
  bump(stats.decisions, reference, diverged);
  if (diverged) stats.divergences++;
  const bases = new Set(variants.map((v) => v.base));
  const rows = new Set(variants.map(qualifierRow));
  const names = new Set(variants.map(operatorName));
  for (const b of bases) bump((stats.operators[b] ??= newTally()), reference, diverged);
  for (const q of rows) bump((stats.qualifiers[q] ??= newTally()), reference, diverged);
  for (const n of names) bump((stats.variants[n] ??= newTally()), reference, diverged);
  bump((stats.paths[kmsPath(request, reference)] ??= newTally()), reference, diverged);
  for (const f of families) bump((stats.families[f] ??= newTally()), reference, diverged);
  for (const l of layers) bump((stats.layers[l] ??= newTally()), reference, diverged);
  const via = allowVia(reference);
  if (via !== undefined) stats.allowVia[via] = (stats.allowVia[via] ?? 0) + 1;
  if ("error" in reference) stats.errors[reference.error.code] = (stats.errors[reference.error.code] ?? 0) + 1;
  for (const e of engines) stats.engineCases[e] = (stats.engineCases[e] ?? 0) + 1;
}

/** Records a bundle the compiler rejected. */
export function recordRejected(stats: Statistics, errors: readonly string[]): void {
  stats.rejectedBundles++;
  const reason = errors[0] ?? "unknown";
  const code = reason.split(" ")[0] ?? reason;
  stats.rejectedReasons[code] = (stats.rejectedReasons[code] ?? 0) + 1;
}

/** Records that `engine` could not run on a bundle, and why. */
export function recordUnavailable(stats: Statistics, engine: string, reason: string): void {
  const m = (stats.unavailable[engine] ??= {});
  m[reason] = (m[reason] ?? 0) + 1;
}
