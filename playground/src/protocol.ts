// The messages between the page (main.ts) and its worker (worker.ts). `id` pairs an answer with the
// question, so the page drops an answer to text that has changed since.
import type { DiffMessage, DiffView } from "./diff-versions.js";
import type { AnalysisView, AnalyzeMessage, CedarView, DecideView } from "./session.js";

export type ToWorker =
  | { readonly type: "analyze"; readonly id: number; readonly input: AnalyzeMessage }
  | { readonly type: "decide"; readonly id: number; readonly request: string }
  /** The diff view: OLD and NEW, diffed by the analysis package. */
  | { readonly type: "diff"; readonly id: number; readonly input: DiffMessage };

export type FromWorker =
  | { readonly type: "ready"; readonly cedar: boolean }
  | { readonly type: "analysis"; readonly id: number; readonly view: AnalysisView }
  /** The Cedar step of analysis `id` (`undefined` view: nothing compiled). */
  | { readonly type: "cedar"; readonly id: number; readonly view: CedarView | undefined }
  | { readonly type: "decision"; readonly id: number; readonly view: DecideView }
  | { readonly type: "diff"; readonly id: number; readonly view: DiffView }
  | { readonly type: "failure"; readonly of: "analyze" | "decide" | "diff"; readonly id: number; readonly message: string };
