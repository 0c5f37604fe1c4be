// Adapter to the compiler pipeline (`compileLoadedBundle`, compiler/src/pipeline.ts): compiles a
// checked bundle and lists the files `compile -o <dir>` writes. Cedar output joins when it lands.
import type { Diagnostic } from "@kms-cedar/grammar";
import type { LoadedBundle } from "../../bundle/load-bundle.js";
import { emitDot } from "../../emit/dot.js";
import { emitGraphJson } from "../../emit/graph-json.js";
import { emitGraphText } from "../../emit/graph-text.js";
import { compileLoadedBundle } from "../../pipeline.js";

/** A file to write into the output directory. */
export interface OutputFile {
  readonly name: string;
  readonly contents: string;
}

export type CompileOutcome =
  | { readonly files: readonly OutputFile[]; readonly notes: readonly string[] }
  | { readonly failed: readonly (Diagnostic & { readonly file: string })[] };

/** Compiles `loaded` (already checked); `pureCedar` refuses derived attributes (DESIGN §4). */
export function compileForOutput(loaded: LoadedBundle, options: { readonly pureCedar: boolean }): CompileOutcome {
  const result = compileLoadedBundle(loaded);
  if (result.graph === undefined) return { failed: result.diagnostics.filter((d) => d.severity === "error") };
  const files: OutputFile[] = [
    { name: "graph.json", contents: emitGraphJson(result.graph) },
    { name: "graph.txt", contents: emitGraphText(result.graph) },
    { name: "graph.dot", contents: emitDot(result.graph) },
  ];
  // TODO(H5): policies.cedar, the schema and manifest.json from result.cedar once the Cedar emitter lands.
  const notes = ["Cedar output (policies.cedar, schema, manifest.json) is not produced yet"];
  if (options.pureCedar) notes.push("`--pure-cedar` has no effect until Cedar output lands");
  return { files, notes };
}
