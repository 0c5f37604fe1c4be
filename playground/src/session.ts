// The playground's work for one page, off the main thread (worker.ts runs it in a Web Worker; tests
// run it in Node): analyze the pasted text, lay out the graph, make the samples, decide a request with
// the three engines and say which statements and tests decided. Every result is plain data the page
// renders, so a 1.5 MB paste never blocks typing or scrolling.
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import { duplicateMemberError } from "@kms-cedar/runtime";
import { addCedar, analyzeInput, type AnalyzeOptions, type Analysis, type PlacedDiagnostic } from "./analyze-input.js";
import type { CedarEngineFactory } from "./cedar-engine.js";
import { decideAll, prepareEngines, refusingEngines, type EngineAnswer, type EngineName, type EngineSetup } from "./decide-engines.js";
import { diffVersions, type DiffMessage, type DiffView } from "./diff-versions.js";
import { sampleRequests, type SampleRequest } from "./sample-requests.js";
import { layoutGraph } from "@kms-cedar/compiler/render";
import { renderGraphSvg } from "@kms-cedar/compiler/render";

/** More diagnostics than this are counted but not sent to the editor (it stays fast; the first ones matter most). */
export const MAX_SHOWN_DIAGNOSTICS = 500;
/** A graph with more statements than this is not drawn (the Graph text tab has it all). */
export const MAX_DRAWN_STATEMENTS = 1500;

export interface AnalyzeMessage extends Omit<AnalyzeOptions, "cedar"> {
  readonly text: string;
}

/** The diagnostics as the editor and the summary show them. */
export interface DiagnosticsView {
  /** The first `MAX_SHOWN_DIAGNOSTICS`, in source order. */
  readonly diagnostics: readonly PlacedDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
  readonly total: number;
}

/** What the Cedar phase adds: the emitter's diagnostics (merged with the others) and the Cedar text. */
export interface CedarView extends DiagnosticsView {
  readonly cedarText: string;
  readonly ms: number;
}

/**
 * What the page shows for one analysis, before Cedar: emitting and validating Cedar is the slow part
 * of a large input (minutes for thousands of statements), so the worker sends it after (`CedarView`).
 */
export interface AnalysisView extends DiagnosticsView {
  readonly shape: Analysis["shape"];
  readonly note?: string;
  readonly attachedTo?: string;
  readonly attachError?: string;
  /** A Cedar phase follows (the graph compiled). */
  readonly cedarPending: boolean;
  /** The decision graph as SVG markup, or why there is none. */
  readonly svg?: string;
  readonly noGraph?: string;
  readonly cedarText: string;
  readonly graphText: string;
  readonly dot: string;
  readonly samples: readonly SampleRequest[];
  /** Milliseconds the analysis took (compile, layout, samples). */
  readonly ms: number;
}

/** Which parts of the graph decided a request: graph statement indices and node indices. */
export interface Highlight {
  readonly statements: readonly number[];
  readonly nodes: readonly number[];
}

export type DecideView =
  | { readonly answers: readonly EngineAnswer[]; readonly highlight: Highlight }
  | { readonly requestError: string };

export class PlaygroundSession {
  private analysis: Analysis | undefined;
  private engines: Record<EngineName, EngineSetup> | undefined;
  private pureCedar = false;

  constructor(private readonly cedar?: CedarEngineFactory) {}

  /** Checks and compiles the text; the reference and graph engines are ready after it, Cedar after `addCedar`. */
  analyze(message: AnalyzeMessage): AnalysisView {
    const started = performance.now();
    const { text, ...options } = message;
    const analysis = analyzeInput(text, { ...options, cedar: false });
    this.analysis = analysis;
    this.pureCedar = options.pureCedar === true;
    this.engines = { ...prepareEngines(analysis), cedar: { unavailable: analysis.graph !== undefined ? "Cedar: being emitted…" : "fix the errors first: nothing is compiled" } };
    const graph = analysis.graph;
    const picture = graph === undefined
      ? { noGraph: analysis.attachError !== undefined ? "no decision graph: fix the key or principal ARN first" : "no decision graph: fix the errors first" }
      : graph.statements.length > MAX_DRAWN_STATEMENTS
        ? { noGraph: `${graph.statements.length} statements are too many to draw here: the Graph text tab lists them` }
        : { svg: renderGraphSvg(layoutGraph(graph)) };
    const samples = graph !== undefined && analysis.bundle !== undefined ? sampleRequests({ graph, bundle: analysis.bundle, text }) : [];
    return {
      shape: analysis.shape,
      ...(analysis.note !== undefined ? { note: analysis.note } : {}),
      ...(analysis.attachedTo !== undefined ? { attachedTo: analysis.attachedTo } : {}),
      ...(analysis.attachError !== undefined ? { attachError: analysis.attachError } : {}),
      ...diagnosticsView(analysis),
      cedarPending: graph !== undefined,
      ...picture,
      cedarText: graph !== undefined ? "// Cedar: being emitted…" : cedarText(analysis),
      graphText: analysis.graphText ?? "", dot: analysis.dot ?? "",
      samples,
      ms: Math.round(performance.now() - started),
    };
  }

  /** Emits Cedar for the last analysis and readies the Cedar engine; `undefined` when nothing compiled. */
  addCedar(): CedarView | undefined {
    const current = this.analysis;
    if (current?.graph === undefined || this.engines === undefined) return undefined;
    const started = performance.now();
    const analysis = addCedar(current, this.pureCedar);
    this.analysis = analysis;
    this.engines = { ...this.engines, cedar: this.cedar !== undefined ? this.cedar(analysis) : { unavailable: "Cedar: not available in this build" } };
    return { ...diagnosticsView(analysis), cedarText: cedarText(analysis), ms: Math.round(performance.now() - started) };
  }

  /** Diffs two versions (the diff view); independent of the last analysis. */
  diff(message: DiffMessage): DiffView {
    return diffVersions(message, this.cedar);
  }

  /** Decides the request written in `requestText` with the engines of the last analysis. */
  decide(requestText: string): DecideView {
    let request: unknown;
    try {
      request = JSON.parse(requestText);
    } catch (failure) {
      return { requestError: `the request is not JSON: ${failure instanceof Error ? failure.message : String(failure)}` };
    }
    if (this.engines === undefined) return { requestError: "nothing is analyzed yet" };
    const twice = duplicateMemberError(requestText);
    const answers = decideAll(twice !== undefined ? refusingEngines(this.engines, twice) : this.engines, request as Request);
    return { answers, highlight: this.analysis !== undefined ? highlightOf(this.analysis, answers) : { statements: [], nodes: [] } };
  }
}

function diagnosticsView(analysis: Analysis): DiagnosticsView {
  return {
    diagnostics: analysis.diagnostics.slice(0, MAX_SHOWN_DIAGNOSTICS),
    errors: analysis.errors,
    warnings: analysis.diagnostics.filter((d) => d.severity === "warning").length,
    total: analysis.diagnostics.length,
  };
}

/** The statements named by the engines' reasons (graph first, then the others) and the tests they use. */
export function highlightOf(analysis: Analysis, answers: readonly EngineAnswer[]): Highlight {
  const graph = analysis.graph;
  if (graph === undefined) return { statements: [], nodes: [] };
  const byPlace = new Map(graph.statements.map((s, i) => [`${graph.policies[s.policy]?.location ?? ""}\u0000${s.statement}`, i]));
  const statements = new Set<number>();
  for (const answer of answers) {
    const result: DecisionResult | undefined = answer.result;
    if (result === undefined || "error" in result) continue;
    for (const reason of result.reasons) {
      const index = byPlace.get(`${reason.policy}\u0000${reason.statement}`);
      if (index !== undefined) statements.add(index);
    }
  }
  const nodes = new Set<number>();
  for (const index of statements) {
    const statement = graph.statements[index];
    if (statement === undefined) continue;
    if (statement.principal !== undefined) nodes.add(statement.principal);
    for (const test of statement.tests) nodes.add(test);
  }
  return { statements: [...statements].sort((a, b) => a - b), nodes: [...nodes].sort((a, b) => a - b) };
}

function cedarText(current: Analysis): string {
  if (current.graph === undefined) return "fix the errors first: nothing is compiled";
  const cedar = current.cedar;
  if (cedar?.files === undefined) return cedar?.unavailable ?? "Cedar: not available";
  const share = cedar.share;
  const native = share === undefined ? ""
    : `// native Cedar: ${share.conditions.native} of ${share.conditions.native + share.conditions.derived} conditions, ${share.resources.native} of ${share.resources.native + share.resources.derived} resource tests (the rest are derived attributes the encoder computes)\n\n`;
  return native + cedar.files.policies;
}
