// The adapter to the Cedar engine (compiler/src/emit/cedar + runtime/src/cedar, helper H6): the one
// place that knows its API. The Cedar files come from `compileBundle(...).cedar` when the pipeline
// carries them, else from the compiler's `emitCedar(graph)`; `createCedarAuthorizer` decides.
// When either is missing the engine says it is unavailable, and reports say so. Phase: conformance harness.
import * as compiler from "@kms-cedar/compiler";
import * as runtime from "@kms-cedar/runtime";
import type { DecisionGraph } from "@kms-cedar/runtime";
import type { Decide, EngineSetup, Explain } from "./engine-types.js";

interface CedarFiles { readonly policies: string; readonly schema: string | object; readonly manifest: string | object }
type Emit = (graph: DecisionGraph) => { files?: CedarFiles; diagnostics: readonly { code: string; severity: string; message: string }[] };
type Create = (files: CedarFiles & { explain?: string }) => { decide: Decide; explain: Explain };

function lookup<T>(module: unknown, name: string): T | undefined {
  const f = (module as Record<string, unknown>)[name];
  return typeof f === "function" ? (f as T) : undefined;
}

/** Whether this build offers the Cedar engine at all, and if not why. */
export function cedarAvailability(): { available: true } | { available: false; reason: string } {
  if (lookup<Create>(runtime, "createCedarAuthorizer") === undefined) return { available: false, reason: "@kms-cedar/runtime does not export `createCedarAuthorizer`" };
  if (lookup<Emit>(compiler, "emitCedar") === undefined) return { available: false, reason: "@kms-cedar/compiler gives no Cedar output (no `emitCedar`, no `compileBundle(...).cedar`)" };
  return { available: true };
}

/** The Cedar engine for one compile result, or why there is none (a KC3xxx/KC93xx error, say). */
export function prepareCedar(compiled: { readonly graph?: DecisionGraph; readonly cedar?: unknown }, explain = false): EngineSetup {
  const create = lookup<Create>(runtime, "createCedarAuthorizer");
  if (create === undefined) return { unavailable: "the Cedar engine is not available (`createCedarAuthorizer` is not exported)" };
  let files = isFiles(compiled.cedar) ? compiled.cedar : undefined;
  if (files === undefined) {
    const emit = lookup<Emit>(compiler, "emitCedar");
    if (emit === undefined || compiled.graph === undefined) return { unavailable: "the compiler produced no Cedar output" };
    const out = emit(compiled.graph);
    const error = out.diagnostics.find((d) => d.severity === "error");
    if (out.files === undefined || error !== undefined) return { unavailable: `the Cedar emitter refused the bundle: ${error ? `${error.code} ${error.message}` : "no files"}` };
    files = out.files;
  }
  const authorizer = create(files);
  if (!explain || compiled.graph === undefined) return { decide: (request) => authorizer.decide(request) };
  // Explanations: a second authorizer with the probes (docs/explain.md), made on first use.
  const graph = compiled.graph;
  const cedarFiles = files;
  let explaining: { explain: Explain } | undefined;
  return {
    decide: (request) => authorizer.decide(request),
    explain: (request) => (explaining ??= create({ ...cedarFiles, explain: compiler.emitCedarProbes(graph) })).explain(request),
  };
}

function isFiles(x: unknown): x is CedarFiles {
  return typeof x === "object" && x !== null && typeof (x as CedarFiles).policies === "string";
}
