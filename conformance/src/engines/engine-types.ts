// The engines as the conformance suite sees them (the three of DESIGN §1, and `avp-local`, the AVP
// profile decided locally, which runs only when asked for): something that decides a request (or an
// operation) on one prepared bundle, or says why it cannot. Phase: conformance harness.
import type { DecisionResult, ExplanationResult } from "@kms-cedar/runtime";

export type EngineName = "reference" | "graph" | "cedar" | "avp-local";

export const ENGINE_NAMES: readonly EngineName[] = ["reference", "graph", "cedar", "avp-local"];

/** The engines a run uses unless told otherwise. */
export const DEFAULT_ENGINES: readonly EngineName[] = ["reference", "graph", "cedar"];

/** Decides one request or operation (`{ operation, checks }`), as every engine's `decide` does. */
export type Decide = (request: unknown) => DecisionResult;

/** Decides and explains one request or operation (docs/explain.md), as every engine's `explain` does. */
export type Explain = (request: unknown) => ExplanationResult;

/** An engine ready for one bundle (with `explain` when explanations were asked for), or the reason it is not. */
export type EngineSetup = { readonly decide: Decide; readonly explain?: Explain } | { readonly unavailable: string };

/** A bundle compiled once for every engine. */
export interface PreparedBundle {
  /** Error diagnostics of the compiler (`code message`); empty when the graph compiled. */
  readonly errors: readonly string[];
  readonly engines: Readonly<Record<EngineName, EngineSetup>>;
}

/** Lets tests and the mutation check wrap an engine (e.g. to break it on purpose). */
export type EngineWrapper = (engine: EngineName, decide: Decide) => Decide;

/** The same for an engine's explanations (the `explanations_agree` law's mutants). */
export type ExplainWrapper = (engine: EngineName, explain: Explain) => Explain;
