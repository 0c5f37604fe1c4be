// Adapters to the decision engines the CLI can run: the reference evaluator (`evaluateReference`
// of @kms-cedar/runtime), the decision graph (`compileBundle` + `createAuthorizer`) and Cedar
// (`createCedarAuthorizer`). An engine that has not landed yet is reported as unavailable.
import * as runtime from "@kms-cedar/runtime";
import type { Bundle, DecisionResult, Request } from "@kms-cedar/runtime";

export type EngineName = "reference" | "graph" | "cedar";

/** Decides one request. */
export type Decide = (request: Request) => DecisionResult;

/** An engine ready to decide requests on one bundle, or why it cannot. */
export type EngineSetup = { readonly decide: Decide } | { readonly unavailable: string };

/** Prepares `engine` for `bundle` (the plain JSON bundle of to-plain-bundle.ts). */
export function prepareEngine(engine: EngineName, bundle: Bundle): EngineSetup {
  if (engine === "reference") {
    const evaluate = (runtime as unknown as Record<string, unknown>)["evaluateReference"];
    if (typeof evaluate !== "function") return { unavailable: "the reference engine is not available yet" };
    const typed = evaluate as (bundle: Bundle, request: Request) => DecisionResult;
    return { decide: (request) => typed(bundle, request) };
  }
  // TODO(H5): compileBundle(bundle) → graph → createAuthorizer(graph).decide; cedar → createCedarAuthorizer.
  return { unavailable: `the ${engine} engine is not available yet` };
}
