// Adapters to the decision engines the CLI can run: the reference evaluator (`evaluateReference`
// of @kms-cedar/runtime, over the plain JSON bundle), the decision graph (`createAuthorizer`) and
// Cedar (`createCedarAuthorizer` over the emitted policies, schema and manifest).
import { attachSpans, createAuthorizer, createCedarAuthorizer, evaluateReference, explainReference } from "@kms-cedar/runtime";
import type { Bundle, DecisionResult, ExplanationResult, Request } from "@kms-cedar/runtime";
import { emitCedarProbes } from "../../emit/cedar/emit-probes.js";
import type { LoadedBundle } from "../../bundle/load-bundle.js";
import { compileLoaded, type CompilerDiagnostic } from "./compiler-pipeline.js";

export type EngineName = "reference" | "graph" | "cedar";

/** Decides one request. */
export type Decide = (request: Request) => DecisionResult;

/** Decides a list of requests in order (the authorizers' `decideMany`). */
export type DecideMany = (requests: readonly Request[]) => DecisionResult[];

/** Decides and explains one request or operation (docs/explain.md). */
export type Explain = (request: unknown) => ExplanationResult;

/** The engines, ready to decide on one bundle, or the compiler errors that prevent it. */
export type EngineSetup =
  | { readonly decide: readonly Decide[]; readonly decideMany: readonly DecideMany[]; readonly explain?: readonly Explain[] }
  | { readonly failed: readonly CompilerDiagnostic[] };

/** The checked bundle in both forms: plain JSON documents and the loaded texts. */
export interface EngineInput {
  readonly bundle: Bundle;
  readonly loaded: LoadedBundle;
}

/** Prepares `engines` (in order) for one bundle; compiles it once if any engine needs it. */
export function prepareEngines(engines: readonly EngineName[], input: EngineInput, options: { readonly explain?: boolean } = {}): EngineSetup {
  // --explain: the reference's explanations get their spans from the compiled graph (presentation only).
  const needsGraph = engines.some((e) => e !== "reference") || options.explain === true;
  const compiled = needsGraph ? compileLoaded(input.loaded, { cedar: engines.includes("cedar"), pureCedar: false }) : undefined;
  if (compiled !== undefined && "failed" in compiled) return { failed: compiled.failed };
  const deciders = engines.map((engine): { decide: Decide; decideMany: DecideMany; explain?: Explain } => {
    if (engine === "reference") {
      const decide: Decide = (request) => evaluateReference(input.bundle, request);
      const graph = compiled?.graph;
      const explain: Explain = (request) => {
        const explained = explainReference(input.bundle, request);
        return graph === undefined ? explained : attachSpans(explained, graph);
      };
      return { decide, decideMany: (requests) => requests.map((r) => decide(r)), explain };
    }
    // INVARIANT: compiled is set (and has Cedar files when "cedar" is asked for) here.
    if (compiled === undefined) throw new Error("internal error: the bundle was not compiled");
    if (engine === "graph") {
      const authorizer = createAuthorizer(compiled.graph);
      return { decide: (request) => authorizer.decide(request), decideMany: (requests) => authorizer.decideMany(requests), explain: (r) => authorizer.explain(r) };
    }
    if (compiled.cedar === undefined) throw new Error("internal error: no Cedar output");
    const authorizer = createCedarAuthorizer({
      policies: compiled.cedar.policies, schema: compiled.cedar.schema, manifest: compiled.cedar.manifest,
      ...(options.explain === true ? { explain: emitCedarProbes(compiled.graph) } : {}),
    });
    return { decide: (request) => authorizer.decide(request), decideMany: (requests) => authorizer.decideMany(requests), explain: (r) => authorizer.explain(r) };
  });
  return {
    decide: deciders.map((d) => d.decide), decideMany: deciders.map((d) => d.decideMany),
    ...(options.explain === true ? { explain: deciders.map((d) => d.explain!) } : {}),
  };
}
