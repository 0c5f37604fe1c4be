// The three engines side by side on one request: the reference evaluator (over the plain JSON
// bundle), the decision graph (createAuthorizer) and Cedar (when available). Each answers, or says
// why it cannot; agreement is judged as `kms-cedar eval --engine all` judges it.
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import { decisionsAgree, prepareEngine } from "@kms-cedar/compiler/api";
import type { Analysis } from "./analyze-input.js";

export type EngineName = "reference" | "graph" | "cedar";

/** One engine ready for a compiled input, or why it is not. */
export type EngineSetup = { readonly decide: (request: Request) => DecisionResult } | { readonly unavailable: string };

/** One engine's answer to a request. */
export interface EngineAnswer {
  readonly engine: EngineName;
  readonly result?: DecisionResult;
  readonly unavailable?: string;
  /** Whether it agrees with the reference evaluator (absent for the reference itself). */
  readonly agrees?: boolean;
}

/** The engines for one analysis; `cedar` prepares the Cedar engine (absent: not available). */
export function prepareEngines(analysis: Analysis, cedar?: (analysis: Analysis) => EngineSetup): Record<EngineName, EngineSetup> {
  const notCompiled = { unavailable: "fix the errors first: nothing is compiled" };
  if (analysis.graph === undefined || analysis.bundle === undefined) return { reference: notCompiled, graph: notCompiled, cedar: notCompiled };
  // The compiler front door's engine harness readies them, as it does for `kms-cedar eval`.
  const inputs = { bundle: analysis.bundle, graph: analysis.graph };
  return {
    reference: prepareEngine("reference", inputs),
    graph: prepareEngine("graph", inputs),
    cedar: cedar !== undefined ? cedar(analysis) : { unavailable: "Cedar: not available in this build" },
  };
}

/** Every engine's answer to `request`, in the order reference, graph, cedar. */
export function decideAll(engines: Record<EngineName, EngineSetup>, request: Request): EngineAnswer[] {
  const answer = (engine: EngineName): EngineAnswer => {
    const setup = engines[engine];
    if ("unavailable" in setup) return { engine, unavailable: setup.unavailable };
    try {
      return { engine, result: setup.decide(request) };
    } catch (failure) {
      // INVARIANT: engines return error entries, never throw; show a bug as what it is.
      return { engine, unavailable: `internal error: ${failure instanceof Error ? failure.message : String(failure)}` };
    }
  };
  const reference = answer("reference");
  return [reference, answer("graph"), answer("cedar")].map((a) =>
    a.engine === "reference" || a.result === undefined || reference.result === undefined
      ? a
      : { ...a, agrees: decisionsAgree(reference.result, a.result) });
}

/**
 * The engines as they answer request text with a member written twice: each its KR0007 entry, as the
 * CLI and the embedding example answer (JSON.parse would keep the last member; runtime
 * duplicate-member.ts). An unavailable engine stays unavailable.
 */
export function refusingEngines(engines: Record<EngineName, EngineSetup>, error: DecisionResult): Record<EngineName, EngineSetup> {
  const refuse = (setup: EngineSetup): EngineSetup => ("unavailable" in setup ? setup : { decide: () => error });
  return { reference: refuse(engines.reference), graph: refuse(engines.graph), cedar: refuse(engines.cedar) };
}
