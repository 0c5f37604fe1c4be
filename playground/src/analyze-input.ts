// What the playground shows for the pasted text: a bundle (inline documents) or a single policy is
// loaded, checked and compiled by the compiler's own modules, exactly as `kms-cedar compile` does,
// with every diagnostic's span in the pasted text. Runs in the browser and in Node (tests).
import type { Diagnostic } from "@kms-cedar/grammar";
import type { Bundle, DecisionGraph } from "@kms-cedar/runtime";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../compiler/src/bundle/arn-shapes.js";
import { LARGE_FILE_BYTES, parseJsonText } from "../../compiler/src/bundle/json-front-end.js";
import { loadBundleOrPolicy } from "../../compiler/src/bundle/load-bundle.js";
import { toPlainBundle } from "../../compiler/src/bundle/to-plain-bundle.js";
import { LineIndex } from "../../compiler/src/cli/render/line-index.js";
import { emitDot } from "../../compiler/src/emit/dot.js";
import { emitGraphText } from "../../compiler/src/emit/graph-text.js";
import { compileLoadedBundle } from "../../compiler/src/pipeline.js";

/** The name the pasted text goes by in messages. */
export const INPUT_NAME = "input.json";

/** A diagnostic with 1-based positions of both ends of its span (end exclusive). */
export interface PlacedDiagnostic extends Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The bundle location of the policy it is about, if any. */
  readonly location?: string;
}

export interface Analysis {
  readonly text: string;
  readonly shape: "bundle" | "key" | "identity";
  /** Why a single policy was read as this kind (when it was inferred). */
  readonly note?: string;
  /** In source order. */
  readonly diagnostics: readonly PlacedDiagnostic[];
  readonly errors: number;
  /** Present when there was no error. */
  readonly graph?: DecisionGraph;
  /** The plain JSON bundle the reference evaluator reads (present when there was no error). */
  readonly bundle?: Bundle;
  readonly graphText?: string;
  readonly dot?: string;
}

/** Checks and compiles `text`; `kind` attaches a single policy (default: inferred, like the CLI). */
export function analyzeInput(text: string, kind?: "key" | "identity"): Analysis {
  const parsed = parseJsonText(text, { maxBytes: LARGE_FILE_BYTES });
  const input = { file: INPUT_NAME, path: `/${INPUT_NAME}`, text, root: parsed.root, diagnostics: parsed.diagnostics };
  const loaded = loadBundleOrPolicy(input, "/", kind !== undefined ? { kind } : {}, {
    key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN,
  });
  const compiled = compileLoadedBundle(loaded);
  const index = new LineIndex(text);
  // INVARIANT: the playground reads no files, so every span points into the pasted text.
  const diagnostics = compiled.diagnostics
    .map((d): PlacedDiagnostic => {
      const start = index.position(d.span.start);
      const end = index.position(d.span.end);
      return { ...d, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const shape: Analysis["shape"] = loaded.single?.kind ?? "bundle";
  const note = loaded.single?.inferredBecause !== undefined
    ? `read as ${shape === "key" ? "a key" : "an identity"} policy (${loaded.single.inferredBecause}) of \`${loaded.single.arn}\``
    : undefined;
  const base = { text, shape, ...(note !== undefined ? { note } : {}), diagnostics, errors };
  if (compiled.graph === undefined || errors > 0) return base;
  const plain = toPlainBundle(loaded);
  return {
    ...base,
    graph: compiled.graph,
    ...("bundle" in plain ? { bundle: plain.bundle } : {}),
    graphText: emitGraphText(compiled.graph),
    dot: emitDot(compiled.graph),
  };
}
