// The step both property tests share, on the conformance harness: ready the engines on a generated
// bundle (prepareBundle, the one engine harness), decide a request, check the differential laws
// (differential-laws.ts), and count the outcome.
import { expect } from "vitest";
import type { DecisionResult } from "@kms-cedar/runtime";
import { outcomeKind } from "../../src/compare/outcome.js";
import { prepareBundle } from "../../src/engines/prepare-bundle.js";
import type { Decide, EngineName } from "../../src/engines/engine-types.js";
import { cedarAgreesWithReference, cedarNeverErrors, graphAgreesWithReference } from "../../src/laws/differential-laws.js";

export type Engines = Readonly<Partial<Record<EngineName, Decide>>>;

/** The engines of `names` on `bundle`, or undefined when the checks reject it; an engine that is unavailable fails the test. */
export function enginesFor(bundle: unknown, names: readonly EngineName[]): Engines | undefined {
  const prepared = prepareBundle(bundle, { engines: names });
  if (prepared.errors.length > 0) return undefined;
  const out: Partial<Record<EngineName, Decide>> = {};
  for (const name of names) {
    const setup = prepared.engines[name];
    expect("decide" in setup ? "ready" : setup.unavailable, name).toBe("ready");
    if ("decide" in setup) out[name] = setup.decide;
  }
  return out;
}

/** Decision and error code, and the statements named (all of them: stricter than the Deny-only judge). */
export function namedSummary(result: DecisionResult): string {
  if ("error" in result) return result.error.code;
  const named = result.reasons.map((r) => `${r.policy}#${r.statement}`).sort();
  return `${result.decision} ${JSON.stringify(named)}`;
}

/** The checks of a request or an operation, each decided alone (an operation stops at its first error). */
function checksOf(request: unknown): readonly unknown[] {
  return typeof request === "object" && request !== null && "checks" in request && Array.isArray(request.checks) ? request.checks : [request];
}

/**
 * Decides `request` with every engine of `engines` and checks the laws: the graph names the reference's
 * statements (`graph_agrees_with_reference`, and every reason, not only Deny ones); Cedar gives the
 * reference's outcome (`cedar_agrees_with_reference`) and never errors on any check (`cedar_never_errors`).
 * Returns the outcome kind (the same for every engine once the laws hold), for the test's decision mix.
 */
export function decideAndCheck(engines: Engines, request: unknown, label: string): string {
  // Called directly, not through safeDecide: a throw fails the test even when two engines throw alike.
  const reference = engines.reference!(request);
  if (engines.graph !== undefined) {
    const graph = engines.graph(request);
    expect(graphAgreesWithReference.check({ reference, graph, cedar: undefined, "avp-local": undefined }), label).toBeUndefined();
    expect(namedSummary(graph), `graph_agrees_with_reference ${label}`).toBe(namedSummary(reference));
  }
  if (engines.cedar !== undefined) {
    for (const one of checksOf(request)) {
      const cedar = engines.cedar(one);
      expect(cedarNeverErrors.check({ reference: undefined, graph: undefined, cedar, "avp-local": undefined }), `cedar_never_errors ${label} ${JSON.stringify(one)}`).toBeUndefined();
    }
    const cedar = engines.cedar(request);
    expect(cedarAgreesWithReference.check({ reference, graph: undefined, cedar, "avp-local": undefined }), `cedar_agrees_with_reference ${label} ${JSON.stringify(request)}`).toBeUndefined();
  }
  return outcomeKind(reference);
}
