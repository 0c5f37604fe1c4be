// The one harness of decision engines: readies the reference evaluator (over the plain JSON bundle),
// the graph evaluator (over the compiled graph) and Cedar (over the emitted files, or an engine the
// caller built, e.g. cedar-wasm's web build) for one bundle, each ready to decide or saying why not.
// `kms-cedar eval`, the playground and the conformance suite run their engines through it. With
// `explain`, each engine also explains (docs/explain.md): the reference by its own walk, the graph test
// by test, Cedar through a second policy set of probes emitted from the graph (made on first use).
import { attachSpans, createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Bundle, CedarBundle, DecisionGraph, DecisionResult, ExplanationResult } from "@kms-cedar/runtime";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";
import { emitCedarProbes } from "../emit/cedar/emit-probes.js";

export type EngineName = "reference" | "graph" | "cedar";

/** The engines in their fixed order: the oracle first. */
export const ENGINE_ORDER: readonly EngineName[] = ["reference", "graph", "cedar"];

/** An engine ready to decide requests and operations (never throws for a bad entry). */
export interface ReadyEngine {
  readonly decide: (request: unknown) => DecisionResult;
  readonly decideMany: (requests: readonly unknown[]) => DecisionResult[];
  /** Present when the inputs asked for explanations (`explain: true`). */
  readonly explain?: (request: unknown) => ExplanationResult;
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
  /** Ready each engine to explain too (the reference's spans and Cedar's probes come from `graph`). */
  readonly explain?: boolean;
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
    const ready: ReadyEngine = { decide, decideMany: (requests) => requests.map((r) => decide(r)) };
    if (inputs.explain !== true) return ready;
    const graph = inputs.graph;
    const explain = (request: unknown): ExplanationResult => {
      // Spans are presentation only: the oracle reads plain JSON, so they come from the compiled graph.
      const explained = explainReference(bundle, request as never) as ExplanationResult;
      return graph === undefined ? explained : attachSpans(explained, graph);
    };
    return { ...ready, explain };
  }
  if (name === "graph") {
    if (inputs.graph === undefined) return missing("the compiler produced no graph");
    const authorizer = createAuthorizer(inputs.graph);
    return { ...fromAuthorizer(authorizer), ...(inputs.explain === true ? { explain: (request: unknown) => authorizer.explain(request as never) } : {}) };
  }
  const cedar = inputs.cedar;
  if (cedar === undefined) return missing("the compiler produced no Cedar output");
  if ("decide" in cedar || "unavailable" in cedar) return cedar;
  try {
    const files = { policies: cedar.policies, schema: cedar.schema, manifest: cedar.manifest };
    const authorizer = createCedarAuthorizer(files);
    const ready = fromAuthorizer(authorizer);
    const graph = inputs.graph;
    if (inputs.explain !== true) return ready;
    // No graph (the caller gave only the Cedar files): no probes, the explanation gives the deciding policies.
    if (graph === undefined) return { ...ready, explain: (request: unknown) => authorizer.explain(request as never) };
    // Explanations: a second authorizer with the probes (docs/explain.md), made on first use.
    let explaining: ReturnType<typeof createCedarAuthorizer> | undefined;
    const explain = (request: unknown): ExplanationResult =>
      (explaining ??= createCedarAuthorizer({ ...files, explain: emitCedarProbes(graph) })).explain(request as never);
    return { ...ready, explain };
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
