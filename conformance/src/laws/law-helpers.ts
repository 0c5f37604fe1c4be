// Shared machinery of the metamorphic laws: decide requests on a rewritten bundle with the same
// engines, and turn a broken relation into a violation. Phase: conformance laws.
import type { DecisionResult } from "@kms-cedar/runtime";
import { outcomeText, safeDecide } from "../compare/outcome.js";
import type { EngineName, PreparedBundle } from "../engines/engine-types.js";
import type { PlainBundleShape } from "./bundle-transforms.js";
import type { LawInput, LawTally, LawViolation } from "./law-types.js";

/** Decides request `i` of the case on `prepared` with `engine`, or `undefined` if the engine is not there. */
export function decideOn(prepared: PreparedBundle, engine: EngineName, request: unknown): DecisionResult | undefined {
  const setup = prepared.engines[engine];
  return "decide" in setup ? safeDecide(setup.decide, request) : undefined;
}

/** Prepares a rewrite, or `undefined` (counted as skipped) when the compiler rejects it. */
export function prepareRewrite(input: LawInput, bundle: PlainBundleShape, tally: LawTally): PreparedBundle | undefined {
  const prepared = input.prepare(bundle);
  if (prepared.errors.length > 0) {
    tally.skipped++;
    return undefined;
  }
  return prepared;
}

/**
 * Checks `relation(before, after)` for each engine on each request index, where `before` is the
 * engine's result on the case's bundle and `after` its result on `rewritten`.
 */
export function checkAgainstRewrite(
  input: LawInput, tally: LawTally, law: string, rewritten: PlainBundleShape, indices: readonly number[],
  relation: (before: DecisionResult, after: DecisionResult, engine: EngineName, index: number) => string | undefined,
): LawViolation[] {
  if (indices.length === 0) return [];
  const prepared = prepareRewrite(input, rewritten, tally);
  if (prepared === undefined) return [];
  const out: LawViolation[] = [];
  for (const engine of input.engines) {
    for (const i of indices) {
      const before = input.results[i]?.[engine];
      const after = decideOn(prepared, engine, input.requests[i]);
      if (before === undefined || after === undefined) continue;
      tally.checked++;
      const message = relation(before, after, engine, i);
      if (message !== undefined) {
        tally.violations++;
        out.push({ law, engine, requestIndex: i, message, transformed: rewritten, outcomes: { before: outcomeText(before), after: outcomeText(after) } });
      }
    }
  }
  return out;
}

/** The request errors KR0012 comes before (docs/request-model.md "Errors"). */
const LATER_ERRORS: ReadonlySet<string> = new Set(["KR0009", "KR0010", "KR0011"]);

/**
 * Whether `after` is KR0012 where `before` was decided, or was an error that comes after KR0012. That error
 * depends on which principals the bundle names (docs/request-model.md "The caller"): a rewrite that adds a
 * name (a Deny or a grant naming a session of the caller's role, session policies listed under one) may
 * refuse a role ARN as caller that the other bundle decides. It is no decision and never an Allow: a law
 * about decisions leaves it out.
 */
export function newlyRefusedByNames(before: DecisionResult, after: DecisionResult): boolean {
  // KR0012 comes before KR0009, KR0011 and KR0010 (docs/request-model.md "Errors"): it may replace one of them.
  return "error" in after && after.error.code === "KR0012" && (!("error" in before) || LATER_ERRORS.has(before.error.code));
}

/** Indices of the case's requests that satisfy `pred`. */
export function indicesWhere(input: LawInput, pred: (request: unknown, index: number) => boolean): number[] {
  const out: number[] = [];
  input.requests.forEach((r, i) => {
    if (pred(r, i)) out.push(i);
  });
  return out;
}
