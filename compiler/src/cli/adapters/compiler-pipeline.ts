// Adapter to the compiler: the decision graph (`compileChecked`, compiler/src/pipeline.ts) and
// its Cedar output, for `compile -o` and for the graph and Cedar engines of `eval`.
import type { Diagnostic } from "@kms-cedar/grammar";
import type { DecisionGraph } from "@kms-cedar/runtime";
import type { CheckedBundle } from "../../normalize/check-sources.js";
import type { CedarFiles } from "../../emit/cedar/emit-cedar.js";
import { emitDot } from "../../emit/dot.js";
import { emitGraphSvg } from "../../emit/graph-svg.js";
import { emitGraphJson } from "../../emit/graph-json.js";
import { emitGraphText } from "../../emit/graph-text.js";
import { compileChecked } from "../../pipeline.js";

/** A diagnostic of the compiler, with the file its span points into when it is about a policy. */
export type CompilerDiagnostic = Diagnostic & { readonly file?: string; readonly location?: string };

/** The graph, and the Cedar files when asked for; `failed` lists the errors that stopped it. */
export type Compiled =
  /** `graph` is undefined only with `graphOptional`, for a bundle with layers (Cedar only, docs/cedar-mapping.md "Layers"). */
  | { readonly graph: DecisionGraph | undefined; readonly cedar?: CedarFiles; readonly avp?: readonly OutputFile[]; readonly diagnostics: readonly CompilerDiagnostic[] }
  | { readonly failed: readonly CompilerDiagnostic[] };

/** Compiles `checked` (the checks do not run again) to a graph, and to Cedar when `cedar` is set. */
export function compileLoaded(
  checked: CheckedBundle, options: { readonly cedar: boolean; readonly pureCedar: boolean; readonly avp?: boolean; readonly graphOptional?: boolean },
): Compiled {
  const result = compileChecked(checked, options);
  const errorFree = !result.diagnostics.some((d) => d.severity === "error");
  if (options.graphOptional === true && options.cedar && errorFree && result.graph === undefined && result.cedar !== undefined) {
    return { graph: undefined, cedar: result.cedar, diagnostics: result.diagnostics };
  }
  if (!errorFree || result.graph === undefined) {
    // A bundle with layers compiles to Cedar only (the graph refuses them, KC2960 as a warning): the CLI
    // runs the graph too, so that refusal is its error here.
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    return { failed: errors.length > 0 ? errors : result.diagnostics.filter((d) => d.code === "KC2960").map((d) => ({ ...d, severity: "error" as const })) };
  }
  if (!options.cedar) return { graph: result.graph, diagnostics: result.diagnostics };
  if (result.cedar === undefined) return { failed: result.diagnostics.filter((d) => d.severity === "error") };
  // With `avp`, the AVP store's files (paths relative to `avp/`); an AVP refusal is an error above.
  return { graph: result.graph, cedar: result.cedar, ...(result.avp ? { avp: result.avp.files.files } : {}), diagnostics: result.diagnostics };
}

/** A file `compile -o <dir>` writes. */
export interface OutputFile {
  readonly name: string;
  readonly contents: string;
}

/** The files of a compilation, in a fixed order. */
export function outputFiles(graph: DecisionGraph | undefined, cedar: CedarFiles): OutputFile[] {
  const files = [
    { name: "policies.cedar", contents: cedar.policies },
    { name: "schema.cedarschema", contents: cedar.schema },
    { name: "schema.cedarschema.json", contents: cedar.schemaJson },
    { name: "manifest.json", contents: cedar.manifest },
  ];
  // A bundle with layers has no graph yet (KC2960 warning): its Cedar files only.
  if (graph === undefined) return files;
  return [
    ...files,
    { name: "graph.json", contents: emitGraphJson(graph) },
    { name: "graph.txt", contents: emitGraphText(graph) },
    { name: "graph.dot", contents: emitDot(graph) },
    { name: "graph.svg", contents: emitGraphSvg(graph) },
  ];
}
