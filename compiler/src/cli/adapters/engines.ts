// Adapters to the decision engines the CLI can run: the reference evaluator (over the plain JSON
// bundle), the decision graph and Cedar (over the emitted policies, schema and manifest), readied by
// the compiler front door's one engine harness (compiler/src/api/prepare-engines.ts).
import type { Bundle, DecisionResult, ExplanationResult, Request } from "@kms-cedar/runtime";
import { prepareEngine } from "../../api/prepare-engines.js";
import type { CheckedBundle } from "../../normalize/check-sources.js";
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
  readonly checked: CheckedBundle;
}

/** Prepares `engines` (in order) for one bundle; compiles it once if any engine needs it. */
export function prepareEngines(engines: readonly EngineName[], input: EngineInput, options: { readonly explain?: boolean } = {}): EngineSetup {
  // --explain: the reference's explanations get their spans from the compiled graph (presentation only).
  const explain = options.explain === true;
  const needsGraph = engines.some((e) => e !== "reference") || explain;
  // Without the graph engine a bundle with layers runs on Cedar alone (docs/cedar-mapping.md "Layers").
  const graphOptional = !engines.includes("graph");
  const compiled = needsGraph ? compileLoaded(input.checked, { cedar: engines.includes("cedar"), pureCedar: false, graphOptional }) : undefined;
  if (compiled !== undefined && "failed" in compiled) return { failed: compiled.failed };
  const deciders = engines.map((engine) => {
    // INVARIANT: compiled is set (and has Cedar files when "cedar" is asked for) when a compiled engine is.
    const ready = prepareEngine(engine, { bundle: input.bundle, graph: compiled?.graph, cedar: compiled?.cedar, explain });
    if ("unavailable" in ready) throw new Error(`internal error: ${ready.unavailable}`);
    return ready;
  });
  return {
    decide: deciders.map((d) => d.decide), decideMany: deciders.map((d) => d.decideMany),
    ...(explain ? { explain: deciders.map((d) => d.explain!) } : {}),
  };
}
