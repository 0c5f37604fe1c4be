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
  | {
    readonly decide: readonly Decide[]; readonly decideMany: readonly DecideMany[]; readonly explain?: readonly Explain[];
    /** With `skipRefusedCedar`: the engines left out (Cedar, refused with KC2960) and why; the lists above skip them. */
    readonly skipped?: readonly { readonly engine: EngineName; readonly why: string }[];
  }
  | { readonly failed: readonly CompilerDiagnostic[] };

/** The checked bundle in both forms: plain JSON documents and the loaded texts. */
export interface EngineInput {
  readonly bundle: Bundle;
  readonly checked: CheckedBundle;
}

/** Prepares `engines` (in order) for one bundle; compiles it once if any engine needs it. */
export function prepareEngines(
  requested: readonly EngineName[], input: EngineInput, options: { readonly explain?: boolean; readonly skipRefusedCedar?: boolean } = {},
): EngineSetup {
  // --explain: the reference's explanations get their spans from the compiled graph (presentation only).
  const explain = options.explain === true;
  const needsGraph = requested.some((e) => e !== "reference") || explain;
  let compiled = needsGraph ? compileLoaded(input.checked, { cedar: requested.includes("cedar"), pureCedar: false }) : undefined;
  let engines = requested;
  let skipped: { engine: EngineName; why: string }[] | undefined;
  // A layered bundle: Cedar refused (KC2960), the graph compiled. `eval --engine all` runs the others.
  if (compiled !== undefined && "failed" in compiled && compiled.graph !== undefined && options.skipRefusedCedar === true && requested.length > 1) {
    skipped = [{ engine: "cedar", why: compiled.failed.map((d) => `${d.code} ${d.message}`)[0] ?? "KC2960" }];
    engines = requested.filter((e) => e !== "cedar");
    compiled = { graph: compiled.graph, diagnostics: compiled.failed };
  }
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
    ...(skipped === undefined ? {} : { skipped }),
  };
}

/**
 * The engines of a deciding command (`eval`, `authorize`): prepared with `skipRefusedCedar`, so under
 * `--engine all` a Cedar that refuses a bundle (KC2960) is left out and said once on stderr; `names` are
 * the engines that remain, in the requested order.
 */
export function prepareCommandEngines(
  requested: readonly EngineName[], input: EngineInput, explain: boolean, err: (text: string) => void,
): { readonly setup: EngineSetup; readonly names: readonly EngineName[] } {
  const setup = prepareEngines(requested, input, { explain, skipRefusedCedar: true });
  const skipped = "failed" in setup ? [] : setup.skipped ?? [];
  for (const s of skipped) err(`kms-cedar: ${s.engine} skipped: ${s.why}\n`);
  return { setup, names: requested.filter((name) => !skipped.some((s) => s.engine === name)) };
}
