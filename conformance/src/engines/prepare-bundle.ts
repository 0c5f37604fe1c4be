// Compiles a bundle once and readies the three engines on it: the reference evaluator reads the
// plain JSON documents, the graph and Cedar engines read the compiler's output. Phase: conformance harness.
import "./avoid-v8-wasm-inlining-crash.js";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, evaluateReference, explainReference } from "@kms-cedar/runtime";
import type { Bundle } from "@kms-cedar/runtime";
import { prepareAvpLocal } from "./avp-local-engine.js";
import { prepareCedar } from "./cedar-engine.js";
import { DEFAULT_ENGINES } from "./engine-types.js";
import type { Decide, EngineName, EngineSetup, EngineWrapper, Explain, ExplainWrapper, PreparedBundle } from "./engine-types.js";

export interface PrepareOptions {
  /** Engines to ready (default: reference, graph, cedar); the others are reported unavailable. */
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Ready each engine's `explain` too (docs/explain.md); the Cedar engine's probes are emitted on first use. */
  readonly explain?: boolean;
  readonly wrapExplain?: ExplainWrapper;
}

/** Compiles `bundle` (plain JSON documents inline) and readies the engines. Never throws on user input. */
export function prepareBundle(bundle: unknown, options: PrepareOptions = {}): PreparedBundle {
  const wanted = new Set<EngineName>(options.engines ?? DEFAULT_ENGINES);
  const wrap = (name: EngineName, decide: Decide): Decide => (options.wrap ? options.wrap(name, decide) : decide);
  const skipped: EngineSetup = { unavailable: "not selected" };
  const explaining = (name: EngineName, explain: Explain): { explain?: Explain } =>
    options.explain === true ? { explain: options.wrapExplain ? options.wrapExplain(name, explain) : explain } : {};
  // PERF: the Cedar output (and its strict validation) only when the Cedar engine is wanted.
  const compiled = compileBundle(bundle as Bundle, { cedar: wanted.has("cedar") || wanted.has("avp-local"), avp: wanted.has("avp-local") });
  const messages = (list: readonly { code: string; severity: string; message: string }[]): string[] =>
    list.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
  // The bundle is rejected when there is no graph; Cedar-phase errors (KC3xxx, KC93xx) only take the Cedar engine out.
  const errors = compiled.graph === undefined ? messages(compiled.diagnostics) : [];
  const reference: EngineSetup = wanted.has("reference")
    ? { decide: wrap("reference", (r) => evaluateReference(bundle as never, r as never)), ...explaining("reference", (r) => explainReference(bundle as never, r)) }
    : skipped;
  let graph: EngineSetup = skipped;
  if (wanted.has("graph")) {
    if (compiled.graph === undefined) graph = { unavailable: `the compiler rejected the bundle: ${errors[0] ?? "no graph"}` };
    else {
      const authorizer = createAuthorizer(compiled.graph);
      graph = { decide: wrap("graph", (r) => authorizer.decide(r as never)), ...explaining("graph", (r) => authorizer.explain(r)) };
    }
  }
  let cedar: EngineSetup = skipped;
  if (wanted.has("cedar")) {
    const cedarErrors = messages(compiled.diagnostics.filter((d) => /^KC(3|93)/.test(d.code)));
    const setup = compiled.graph === undefined ? { unavailable: "the compiler rejected the bundle" }
      : compiled.cedar === undefined && cedarErrors.length > 0 ? { unavailable: `the Cedar emitter refused the bundle: ${cedarErrors[0]}` }
        : safePrepareCedar(compiled, options.explain === true);
    cedar = "decide" in setup ? { decide: wrap("cedar", setup.decide), ...(setup.explain ? explaining("cedar", setup.explain) : {}) } : setup;
  }
  let avpLocal: EngineSetup = skipped;
  if (wanted.has("avp-local")) {
    const avpErrors = messages(compiled.diagnostics.filter((d) => /^KC(3|93)/.test(d.code)));
    const setup = compiled.graph === undefined ? { unavailable: "the compiler rejected the bundle" }
      : compiled.avp === undefined ? { unavailable: `the AVP profile refused the bundle: ${avpErrors[0] ?? "no store"}` }
        : safely(() => prepareAvpLocal(compiled.avp!), "the avp-local engine failed to load the AVP store");
    avpLocal = "decide" in setup ? { decide: wrap("avp-local", setup.decide) } : setup;
  }
  return { errors, engines: { reference, graph, cedar, "avp-local": avpLocal } };
}

/** The Cedar engine, or why not; a throw while loading the emitted files is reported, not propagated. */
function safePrepareCedar(compiled: Parameters<typeof prepareCedar>[0], explain: boolean): EngineSetup {
  return safely(() => prepareCedar(compiled, explain), "the Cedar engine failed to load the emitted files");
}

function safely(prepare: () => EngineSetup, what: string): EngineSetup {
  try {
    return prepare();
  } catch (e) {
    return { unavailable: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
