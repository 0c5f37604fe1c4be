// Adapter to the compiler pipeline (`compileBundle` of @kms-cedar/compiler, helper H5): compiles a
// checked bundle and lists the files `compile -o <dir>` writes. Unavailable until it lands.
import type { Bundle } from "@kms-cedar/runtime";

/** A file to write into the output directory. */
export interface OutputFile {
  readonly name: string;
  readonly contents: string;
}

export type CompileOutcome = { readonly files: readonly OutputFile[] } | { readonly unavailable: string };

/** Compiles `bundle`; `pureCedar` refuses derived attributes (DESIGN §4). */
export function compileForOutput(bundle: Bundle, options: { readonly pureCedar: boolean }): CompileOutcome {
  void bundle;
  void options;
  // TODO(H5): compileBundle(bundle) → graph.json, graph.txt, graph.dot, policies.cedar, schema, manifest.json.
  return { unavailable: "`compile` is not available yet (the compiler pipeline has not landed)" };
}
