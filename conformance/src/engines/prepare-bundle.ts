// Compiles a bundle once and readies the engines on it through the compiler front door's engine
// harness: the reference evaluator reads the plain JSON documents, the graph and Cedar engines read
// the compiler's output; avp-local (conformance only) reads the AVP store. Phase: conformance harness.
import { compileBundle, prepareEngine } from "@kms-cedar/compiler/api";
import type { EngineReadiness } from "@kms-cedar/compiler/api";
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import type { Bundle, CedarBundle } from "@kms-cedar/runtime";
import { prepareAvpLocal } from "./avp-local-engine.js";
import { DEFAULT_ENGINES } from "./engine-types.js";
import type { Decide, EngineName, EngineSetup, EngineWrapper, Explain, ExplainWrapper, PreparedBundle } from "./engine-types.js";

export interface PrepareOptions {
  /** Engines to ready (default: reference, graph, cedar); the others are reported unavailable. */
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Ready each engine's `explain` too (docs/explain.md); the Cedar engine's probes are emitted on first use. */
  readonly explain?: boolean;
  readonly wrapExplain?: ExplainWrapper;
  /**
   * Cedar decides by policy-set slices (`true`) or by the whole set (`false`) whatever the set's size;
   * default: as the runtime chooses (slices above SLICE_ABOVE policies). Not with `explain`, whose
   * Cedar engine is readied as the CLI readies it.
   */
  readonly cedarSlicing?: boolean;
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
  // KC2960: a bundle with layers the Cedar backend does not decide yet (the graph decides them).
  const cedarErrors = messages(compiled.diagnostics.filter((d) => /^KC(3|93|2960)/.test(d.code)));
  const cedarInput = compiled.cedar === undefined || options.cedarSlicing === undefined || options.explain === true ? compiled.cedar : readyCedar(compiled.cedar, options.cedarSlicing);
  const inputs = {
    bundle: bundle as Bundle, graph: compiled.graph, cedar: cedarInput, explain: options.explain === true,
    why: {
      graph: `the compiler rejected the bundle: ${errors[0] ?? "no graph"}`,
      cedar: compiled.graph === undefined ? "the compiler rejected the bundle" : `the Cedar emitter refused the bundle: ${cedarErrors[0] ?? "no files"}`,
    },
  };
  const ready = (name: "reference" | "graph" | "cedar"): EngineSetup => {
    if (!wanted.has(name)) return skipped;
    const setup: EngineReadiness = prepareEngine(name, inputs);
    return "decide" in setup ? { decide: wrap(name, setup.decide), ...(setup.explain ? explaining(name, setup.explain as Explain) : {}) } : setup;
  };
  const reference = ready("reference");
  const graph = ready("graph");
  const cedar = ready("cedar");
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

/** The Cedar engine on the emitted files with slicing forced on or off (prepareEngine's, with an option). */
function readyCedar(files: CedarBundle, slicing: boolean): EngineReadiness {
  try {
    const authorizer = createCedarAuthorizer({ policies: files.policies, schema: files.schema, manifest: files.manifest }, { slicing });
    return { decide: (request) => authorizer.decide(request as never), decideMany: (requests) => authorizer.decideMany(requests as readonly never[]) };
  } catch (failure) {
    return { unavailable: `the Cedar engine failed to load the emitted files: ${failure instanceof Error ? failure.message : String(failure)}` };
  }
}

function safely(prepare: () => EngineSetup, what: string): EngineSetup {
  try {
    return prepare();
  } catch (e) {
    return { unavailable: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
