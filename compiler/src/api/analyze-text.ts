// The front door's analysis of a text (what the playground shows for the pasted text): a bundle
// (inline documents) or a single policy is loaded, checked once and compiled, exactly as
// `kms-cedar compile` does, with every diagnostic's span in the text. A single policy is attached to
// the key or principal ARN given, with the CLI's own `--key`/`--principal` checks. Runs in the browser
// and in Node.
import type { Diagnostic } from "@kms-cedar/grammar";
import type { Bundle, DecisionGraph } from "@kms-cedar/runtime";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../bundle/arn-shapes.js";
import { LARGE_FILE_BYTES, parseJsonText } from "../bundle/json-front-end.js";
import { inferPolicyKind } from "../bundle/infer-kind.js";
import { loadBundleOrPolicy, type AttachOptions } from "../bundle/load-bundle.js";
import { looksLikeBundle } from "../bundle/read-bundle.js";
import { attachOf } from "../cli/args/option-values.js";
import { toPlainBundle } from "../bundle/to-plain-bundle.js";
import { LineIndex } from "../cli/render/line-index.js";
import { emitCedar, type CedarFiles, type NativeShare } from "../emit/cedar/emit-cedar.js";
import { emitDot } from "../emit/dot.js";
import { emitGraphText } from "../emit/graph-text.js";
import { compileChecked } from "../pipeline.js";
import { checkBundle } from "./check-bundle.js";

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

/** The Cedar output of the compiled input, or why there is none. */
export interface CedarOutput {
  readonly files?: CedarFiles;
  /** How many conditions and resources compiled to native Cedar. */
  readonly share?: NativeShare;
  readonly unavailable?: string;
}

/** How to read the pasted text. */
export interface AnalyzeOptions {
  /** Attach a single policy as this kind (default: inferred, like the CLI). */
  readonly kind?: "key" | "identity";
  /** The key a single key policy is attached to, as `--key` (empty or absent: the placeholder key). */
  readonly key?: string;
  /** The principal a single identity policy is attached to, as `--principal` (empty or absent: the placeholder role). */
  readonly principal?: string;
  /** Refuse derived attributes, as `kms-cedar compile --pure-cedar`. */
  readonly pureCedar?: boolean;
  /** `false`: leave Cedar out (the worker adds it with `addCedar` once the rest is shown: it is the slow part). */
  readonly cedar?: boolean;
}

export interface Analysis {
  readonly text: string;
  readonly shape: "bundle" | "key" | "identity";
  /** Why a single policy was read as this kind (when it was inferred). */
  readonly note?: string;
  /** The key or principal ARN a single policy is attached to. */
  readonly attachedTo?: string;
  /** Why the key or principal ARN given cannot be used (the CLI's usage error for `--key`/`--principal`); nothing is compiled. */
  readonly attachError?: string;
  /** In source order. */
  readonly diagnostics: readonly PlacedDiagnostic[];
  readonly errors: number;
  /** Present when there was no error. */
  readonly graph?: DecisionGraph;
  /** The plain JSON bundle the reference evaluator reads (present when there was no error). */
  readonly bundle?: Bundle;
  readonly graphText?: string;
  readonly dot?: string;
  /** Present when the graph compiled. */
  readonly cedar?: CedarOutput;
}

/** Checks and compiles `text` to the decision graph and Cedar. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const kind = options.kind;
  const parsed = parseJsonText(text, { maxBytes: LARGE_FILE_BYTES });
  const input = { file: INPUT_NAME, path: `/${INPUT_NAME}`, text, root: parsed.root, diagnostics: parsed.diagnostics };
  const attach = attachmentOf(input.root, options);
  if ("error" in attach) {
    const shape = kind ?? inferPolicyKind(input.root).kind;
    return { text, shape, diagnostics: [], errors: 0, attachError: attach.error };
  }
  const loaded = loadBundleOrPolicy(input, "/", attach.attach, {
    key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN,
  });
  const compiled = compileChecked(checkBundle(loaded), { cedar: false }); // Cedar below, with the page's options
  // INVARIANT: the playground reads no files, so every span points into the pasted text.
  const diagnostics = placeDiagnostics(text, compiled.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const shape: Analysis["shape"] = loaded.single?.kind ?? "bundle";
  const note = loaded.single?.inferredBecause !== undefined
    ? `read as ${shape === "key" ? "a key" : "an identity"} policy (${loaded.single.inferredBecause}) of \`${loaded.single.arn}\``
    : undefined;
  const attachedTo = loaded.single?.arn;
  const base = { text, shape, ...(note !== undefined ? { note } : {}), ...(attachedTo !== undefined ? { attachedTo } : {}), diagnostics, errors };
  if (compiled.graph === undefined || errors > 0) return base;
  const plain = toPlainBundle(loaded);
  const analysis: Analysis = {
    ...base,
    graph: compiled.graph,
    ...("bundle" in plain ? { bundle: plain.bundle } : {}),
    graphText: emitGraphText(compiled.graph),
    dot: emitDot(compiled.graph),
  };
  return options.cedar === false ? analysis : addCedar(analysis, options.pureCedar === true);
}

/** `analysis` with the Cedar emitted for its graph and the emitter's diagnostics (none without a graph). */
export function addCedar(analysis: Analysis, pureCedar: boolean): Analysis {
  if (analysis.graph === undefined) return analysis;
  const cedar = emitCedarOutput(analysis.graph, pureCedar);
  const diagnostics = [...analysis.diagnostics, ...placeDiagnostics(analysis.text, cedar.diagnostics)]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ...analysis, diagnostics, errors: diagnostics.filter((d) => d.severity === "error").length, cedar: cedar.output };
}

/** `diagnostics` with line and column of both ends, in source order. */
function placeDiagnostics(text: string, diagnostics: readonly Diagnostic[]): PlacedDiagnostic[] {
  if (diagnostics.length === 0) return [];
  const index = new LineIndex(text);
  return diagnostics
    .map((d): PlacedDiagnostic => {
      const start = index.position(d.span.start);
      const end = index.position(d.span.end);
      return { ...d, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * How to attach a single policy, as the CLI's `--kind`/`--key`/`--principal` (the same checks, by
 * `attachOf`): the key ARN for a key policy, the principal ARN for an identity policy (the field that
 * does not apply to the policy's kind is ignored, as the page hides it). A bundle ignores both.
 */
function attachmentOf(root: Parameters<typeof looksLikeBundle>[0], options: AnalyzeOptions): { attach: AttachOptions } | { error: string } {
  if (looksLikeBundle(root)) return { attach: {} };
  const kind = options.kind ?? inferPolicyKind(root).kind;
  const arn = (kind === "key" ? options.key : options.principal)?.trim() ?? "";
  const given = { ...(options.kind !== undefined ? { kind: options.kind } : {}), ...(arn === "" ? {} : kind === "key" ? { key: arn } : { principal: arn }) };
  const checked = attachOf(given);
  if ("error" in checked) return checked;
  // Keep the kind inferred (not implied by the ARN) so the page can still say why it was read so.
  return { attach: { ...(options.kind !== undefined ? { kind: options.kind } : {}), ...(checked.attach.arn !== undefined ? { arn: checked.attach.arn } : {}) } };
}

/** The Cedar files (cedar-wasm must be loadable: in the page, after `initCedarWeb`). */
function emitCedarOutput(graph: DecisionGraph, pureCedar: boolean): { output: CedarOutput; diagnostics: Diagnostic[] } {
  // Fail closed: emitCedar(graph) alone would ignore the layers and could Allow what AWS denies. The
  // compiler emits a layered bundle's Cedar from its checked bundle (pipeline.ts, cedar-layers.ts); the
  // page does not yet, so it offers the reference and the graph for such a bundle.
  if (graph.layers !== undefined) {
    return { output: { unavailable: "Cedar: KC2960 the page does not emit Cedar for a bundle with layers (SCPs, RCPs, boundaries, session and endpoint policies, grants) yet; `kms-cedar compile` does, and the reference and the graph decide it here" }, diagnostics: [] };
  }
  let emitted: ReturnType<typeof emitCedar>;
  try {
    emitted = emitCedar(graph, { pureCedar });
  } catch (failure) {
    return { output: { unavailable: `Cedar: not available (${failure instanceof Error ? failure.message : String(failure)})` }, diagnostics: [] };
  }
  const refused = emitted.files === undefined ? { unavailable: "Cedar: not emitted, see the diagnostics" } : { files: emitted.files };
  return { output: { ...refused, share: emitted.share }, diagnostics: [...emitted.diagnostics] };
}
