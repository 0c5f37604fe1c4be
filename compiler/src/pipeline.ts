// The compiler's type-changing steps, one per line (STYLE "Passes"): input → loaded bundle →
// checked bundle → policy model → decision graph → optimized graph. Stops after the checks if any
// reported an error; after that nothing can fail.
import type { Bundle, DecisionGraph } from "@kms-cedar/runtime";
import type { LoadedBundle } from "./bundle/load-bundle.js";
import { loadInput } from "./load-input.js";
import type { LoadOptions } from "./load-input.js";
import { lowerBundle } from "./lower/lower-bundle.js";
import { checkSources } from "./normalize/check-sources.js";
import type { BundleDiagnostic } from "./normalize/check-sources.js";
import { normalizeBundle } from "./normalize/normalize-bundle.js";
import { runGraphPasses } from "./passes/graph-passes.js";

/** What compiling a bundle gives: the graph (absent when there were errors) and every diagnostic. */
export interface CompileResult {
  readonly graph: DecisionGraph | undefined;
  /** The Cedar output (DESIGN §2); not produced yet. */
  readonly cedar?: undefined;
  readonly diagnostics: readonly BundleDiagnostic[];
}

/** Compiles a bundle file path (or single policy file), or a bundle object (inline documents or paths). */
export function compileBundle(input: string | Bundle, options?: LoadOptions): CompileResult {
  return compileLoadedBundle(loadInput(input, options));
}

/** Compiles a bundle already loaded by the bundle loader (the CLI's entry: spans point into its files). */
export function compileLoadedBundle(loaded: LoadedBundle): CompileResult {
  const checked = checkSources(loaded);
  if (checked.diagnostics.some((d) => d.severity === "error")) return { graph: undefined, diagnostics: checked.diagnostics };
  const model = normalizeBundle(checked);
  const lowered = lowerBundle(model);
  const graph = runGraphPasses(lowered);
  return { graph, diagnostics: checked.diagnostics };
}
