// Adapters to the decision engines the CLI can run: the reference evaluator (`evaluateReference`
// of @kms-cedar/runtime, over the plain JSON bundle), the decision graph (`compileLoadedBundle` +
// `createAuthorizer`) and Cedar (`createCedarAuthorizer`, not landed yet: reported unavailable).
import * as runtime from "@kms-cedar/runtime";
import { createAuthorizer, evaluateReference } from "@kms-cedar/runtime";
import type { Bundle, DecisionResult, Request } from "@kms-cedar/runtime";
import type { LoadedBundle } from "../../bundle/load-bundle.js";
import { compileLoadedBundle } from "../../pipeline.js";

export type EngineName = "reference" | "graph" | "cedar";

/** Decides one request. */
export type Decide = (request: Request) => DecisionResult;

/** An engine ready to decide requests on one bundle, or why it cannot. */
export type EngineSetup = { readonly decide: Decide } | { readonly unavailable: string };

/** The checked bundle in both forms: plain JSON documents and the loaded texts. */
export interface EngineInput {
  readonly bundle: Bundle;
  readonly loaded: LoadedBundle;
}

/** Prepares `engine` for one bundle. */
export function prepareEngine(engine: EngineName, input: EngineInput): EngineSetup {
  if (engine === "reference") return { decide: (request) => evaluateReference(input.bundle, request) };
  if (engine === "graph") {
    const compiled = compileLoadedBundle(input.loaded);
    if (compiled.graph === undefined) {
      const first = compiled.diagnostics.find((d) => d.severity === "error");
      return { unavailable: `the graph engine cannot compile this bundle${first ? `: ${first.code} ${first.message}` : ""}` };
    }
    const authorizer = createAuthorizer(compiled.graph);
    return { decide: (request) => authorizer.decide(request) };
  }
  // TODO(H5): createCedarAuthorizer(compiled.cedar).decide once the Cedar emitter lands.
  const cedar = (runtime as unknown as Record<string, unknown>)["createCedarAuthorizer"];
  if (typeof cedar !== "function") return { unavailable: "the cedar engine is not available yet" };
  return { unavailable: "the cedar engine is not wired into the CLI yet" };
}
