// Decides one case batch with every engine and checks every law on it: the differential laws on
// each request, the metamorphic laws on rewrites of the bundle. Phase: conformance harness.
import type { DecisionResult, ExplanationResult } from "@kms-cedar/runtime";
import type { LawExtras } from "../arbitraries/case-arbitrary.js";
import { outcomeText, safeDecide } from "../compare/outcome.js";
import { DEFAULT_ENGINES, ENGINE_NAMES } from "../engines/engine-types.js";
import type { EngineName, EngineWrapper, ExplainWrapper, PreparedBundle } from "../engines/engine-types.js";
import { checkExplanations, explanationsAgree } from "../laws/explanations-agree.js";
import type { EngineExplanations } from "../laws/explanations-agree.js";
import { prepareBundle } from "../engines/prepare-bundle.js";
import { DIFFERENTIAL_LAWS, METAMORPHIC_LAWS } from "../laws/all-laws.js";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";
import type { EngineResults, LawTally, LawViolation } from "../laws/law-types.js";

export interface EvaluateOptions {
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Check the metamorphic laws too (they compile several rewrites of the bundle). */
  readonly metamorphic?: boolean;
  /** Only these laws (by name); default all. */
  readonly laws?: ReadonlySet<string>;
  /** Engines the metamorphic laws run (default: all available); compiling Cedar for every rewrite is slow. */
  readonly lawEngines?: readonly EngineName[];
  /** Check `explanations_agree` too (each engine explains every request; docs/explain.md). */
  readonly explain?: boolean;
  /** With `explain`, explain one request in this many (default 1: every request). */
  readonly explainEvery?: number;
  readonly wrapExplain?: ExplainWrapper;
  /** Cedar by policy-set slices or by the whole set, forced (prepare-bundle.ts); default: the runtime's choice. */
  readonly cedarSlicing?: boolean;
  /** Prepared bundles by bundle object: `verify` decides many batches on one bundle, compiled once. */
  readonly cache?: WeakMap<object, PreparedBundle>;
}

export interface CaseEvaluation {
  readonly prepared: PreparedBundle;
  /** Compiler errors: the bundle was rejected and nothing was decided. */
  readonly rejected: boolean;
  readonly results: readonly EngineResults[];
  readonly violations: readonly LawViolation[];
  /** Per-law tallies of this case. */
  readonly tallies: Readonly<Record<string, LawTally>>;
}

const newTally = (): LawTally => ({ checked: 0, skipped: 0, violations: 0 });

/** Evaluates `requests` on `bundle` with every engine and checks the laws. */
export function evaluateCase(
  bundle: PlainBundleShape, requests: readonly unknown[], extras: LawExtras, options: EvaluateOptions = {},
): CaseEvaluation {
  const explainOptions = options.explain === true ? { explain: true, ...(options.wrapExplain ? { wrapExplain: options.wrapExplain } : {}) } : {};
  const slicing = options.cedarSlicing === undefined ? {} : { cedarSlicing: options.cedarSlicing };
  const prepare = (b: PlainBundleShape): PreparedBundle => prepareBundle(b, { ...(options.engines ? { engines: options.engines } : {}), ...(options.wrap ? { wrap: options.wrap } : {}), ...explainOptions, ...slicing });
  const cached = options.cache?.get(bundle);
  const prepared = cached ?? prepare(bundle);
  if (cached === undefined) options.cache?.set(bundle, prepared);
  const tallies: Record<string, LawTally> = {};
  const tally = (name: string): LawTally => (tallies[name] ??= newTally());
  if (prepared.errors.length > 0) return { prepared, rejected: true, results: [], violations: [], tallies };
  const engines = ENGINE_NAMES.filter((e) => "decide" in prepared.engines[e]);
  const results: EngineResults[] = requests.map((request) => {
    const out: Record<EngineName, DecisionResult | undefined> = { reference: undefined, graph: undefined, cedar: undefined, "avp-local": undefined };
    for (const e of engines) {
      const setup = prepared.engines[e];
      if ("decide" in setup) out[e] = safeDecide(setup.decide, request);
    }
    return out;
  });
  const wanted = (name: string): boolean => options.laws === undefined || options.laws.has(name);
  const violations: LawViolation[] = [];
  const selected = options.engines ?? DEFAULT_ENGINES;
  for (const law of DIFFERENTIAL_LAWS) {
    if (!wanted(law.name) || (law.engine !== undefined && !selected.includes(law.engine))) continue;
    const t = tally(law.name);
    results.forEach((r, i) => {
      if (!law.applies(r)) return;
      t.checked++;
      const message = law.check(r);
      if (message === undefined) return;
      t.violations++;
      const engine: EngineName = law.engine ?? (law.name.startsWith("graph") ? "graph" : "cedar");
      violations.push({ law: law.name, engine, requestIndex: i, message, outcomes: outcomeTexts(r) });
    });
  }
  if (options.explain === true && wanted(explanationsAgree.name)) {
    const t = tally(explanationsAgree.name);
    const every = Math.max(1, options.explainEvery ?? 1);
    requests.forEach((request, i) => {
      if (i % every !== 0) return;
      const explained: EngineExplanations = {};
      for (const e of engines) {
        const setup = prepared.engines[e];
        if ("explain" in setup && setup.explain !== undefined) explained[e] = safeExplain(setup.explain, request);
      }
      if (explained.reference === undefined || Object.keys(explained).length < 2) return;
      t.checked++;
      const broken = checkExplanations(explained);
      if (broken === undefined) return;
      t.violations++;
      violations.push({ law: explanationsAgree.name, engine: broken.engine, requestIndex: i, message: broken.message, outcomes: outcomeTexts(results[i]!) });
    });
  }
  if (options.metamorphic === true) {
    const lawEngines = options.lawEngines === undefined ? engines : engines.filter((e) => options.lawEngines!.includes(e));
    const prepareLaw = (b: PlainBundleShape): PreparedBundle => prepareBundle(b, { engines: lawEngines, ...(options.wrap ? { wrap: options.wrap } : {}), ...slicing });
    const input = { bundle, requests, base: prepared, results, engines: lawEngines, prepare: prepareLaw, seed: extras.seed, extraDeny: extras.extraDeny };
    for (const law of METAMORPHIC_LAWS) {
      if (wanted(law.name)) violations.push(...law.check(input, tally(law.name)));
    }
  }
  return { prepared, rejected: false, results, violations, tallies };
}

/** Explains with an engine, turning a thrown exception into an error entry (code `throw`). */
function safeExplain(explain: (r: unknown) => ExplanationResult, request: unknown): ExplanationResult {
  try {
    return explain(request);
  } catch (e) {
    return { error: { code: "throw", message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Each engine's outcome text on one request. */
export function outcomeTexts(r: EngineResults): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of ENGINE_NAMES) {
    const x = r[e];
    if (x !== undefined) out[e] = outcomeText(x);
  }
  return out;
}
