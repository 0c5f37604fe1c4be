// The one harness of decision engines: readies the reference evaluator (over the plain JSON bundle),
// the graph evaluator (over the compiled graph) and Cedar (over the emitted files, or an engine the
// caller built, e.g. cedar-wasm's web build) for one bundle, each ready to decide or saying why not.
// `kms-cedar eval`, the playground and the conformance suite run their engines through it.
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Bundle, CedarBundle, DecisionGraph, DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";

export type EngineName = "reference" | "graph" | "cedar";

/** The engines in their fixed order: the oracle first. */
export const ENGINE_ORDER: readonly EngineName[] = ["reference", "graph", "cedar"];

/** An engine ready to decide requests and operations (never throws for a bad entry). */
export interface ReadyEngine {
  readonly decide: (request: unknown) => DecisionResult;
  readonly decideMany: (requests: readonly unknown[]) => DecisionResult[];
}

/** An engine ready on one bundle, or the reason it is not. */
export type EngineReadiness = ReadyEngine | { readonly unavailable: string };

/** What the engines read; an absent input leaves its engine unavailable, for the reason in `why`. */
export interface EngineInputs {
  readonly bundle?: Bundle | undefined;
  readonly graph?: DecisionGraph | undefined;
  /** The emitted files, or a Cedar engine the caller readied itself. */
  readonly cedar?: CedarBundle | EngineReadiness | undefined;
  readonly why?: Readonly<Partial<Record<EngineName, string>>>;
}

/** Readies each engine of `names` on `inputs`. */
export function prepareEngines(names: readonly EngineName[], inputs: EngineInputs): Partial<Record<EngineName, EngineReadiness>> {
  const out: Partial<Record<EngineName, EngineReadiness>> = {};
  for (const name of names) out[name] = prepareEngine(name, inputs);
  return out;
}

/** Readies one engine on `inputs`; a throw while loading the Cedar files is reported, not propagated. */
export function prepareEngine(name: EngineName, inputs: EngineInputs): EngineReadiness {
  const missing = (fallback: string): EngineReadiness => ({ unavailable: inputs.why?.[name] ?? fallback });
  if (name === "reference") {
    const bundle = inputs.bundle;
    if (bundle === undefined) return missing("no plain bundle to evaluate");
    const decide = (request: unknown): DecisionResult => evaluateReference(bundle, request as never);
    return { decide, decideMany: (requests) => requests.map((r) => decide(r)) };
  }
  if (name === "graph") {
    if (inputs.graph === undefined) return missing("the compiler produced no graph");
    return fromAuthorizer(createAuthorizer(inputs.graph));
  }
  const cedar = inputs.cedar;
  if (cedar === undefined) return missing("the compiler produced no Cedar output");
  if ("decide" in cedar || "unavailable" in cedar) return cedar;
  try {
    return fromAuthorizer(createCedarAuthorizer({ policies: cedar.policies, schema: cedar.schema, manifest: cedar.manifest }));
  } catch (failure) {
    return { unavailable: `the Cedar engine failed to load the emitted files: ${failure instanceof Error ? failure.message : String(failure)}` };
  }
}

function fromAuthorizer(authorizer: {
  decide(request: never): DecisionResult; decideMany(requests: readonly never[]): DecisionResult[];
}): ReadyEngine {
  return {
    decide: (request) => authorizer.decide(request as never),
    decideMany: (requests) => authorizer.decideMany(requests as readonly never[]),
  };
}
