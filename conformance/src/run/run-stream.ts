// One stream of a conformance run: draws case batches from one arbitrary (a bundle and its requests)
// with a fixed seed, decides every request with every engine, checks every law, keeps the
// statistics, then shrinks the first failures (regenerated from seed and path, then greedy
// minimization) and writes them as case folders. Phase: conformance harness.
import fc from "fast-check";
import { conformanceCaseArb } from "../arbitraries/case-arbitrary.js";
import { layeredCaseArb } from "../arbitraries/layered-case.js";
import type { ConformanceCase } from "../arbitraries/case-arbitrary.js";
import type { BaseOperator, OperatorVariant } from "../arbitraries/operators.js";
import { operatorName } from "../arbitraries/operators.js";
import { cedarAvailability } from "../engines/cedar-engine.js";
import { ENGINE_NAMES } from "../engines/engine-types.js";
import type { EngineName, EngineWrapper, ExplainWrapper, PreparedBundle } from "../engines/engine-types.js";
import { METAMORPHIC_LAWS } from "../laws/all-laws.js";
import { explanationsAgree } from "../laws/explanations-agree.js";
import type { LawTally, LawViolation } from "../laws/law-types.js";
import { evaluateCase } from "./evaluate-case.js";
import { bundleFacts, familiesOf, layersOf } from "./families.js";
import type { EvaluateOptions } from "./evaluate-case.js";
import { minimizeCase } from "./minimize-case.js";
import { newStatistics, recordRejected, recordRequest, recordUnavailable } from "./statistics.js";
import type { Statistics } from "./statistics.js";
import { writeCounterexample } from "./write-counterexample.js";

/** Where cases come from: generated bundles (`run`), or requests for one user bundle (`verify`, `corpus`). */
export interface CaseSource {
  readonly arbitrary: fc.Arbitrary<ConformanceCase>;
  /** The operator variants a request is counted under in the report. */
  variantsOf(c: ConformanceCase, request: unknown): readonly OperatorVariant[];
  /** Label for failures (the focus variant or the bundle's name). */
  labelOf(c: ConformanceCase): string;
}

export interface RunOptions {
  readonly seed: number;
  /** Default: generated bundles around every operator variant (or `operator`'s, or `variant`). */
  readonly source?: CaseSource;
  /** Only bundles around this operator variant. */
  readonly variant?: OperatorVariant;
  /** Requests to decide (each with every engine). */
  readonly cases: number;
  readonly operator?: BaseOperator;
  /** Requests per generated bundle (default 32): compiling is amortized over them. */
  readonly requestsPerBundle?: number;
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Check the metamorphic laws on one bundle in `lawEvery` (default 4; 0 = never). */
  readonly lawEvery?: number;
  /** Engines the metamorphic laws run (default all available). */
  readonly lawEngines?: readonly EngineName[];
  /**
   * Cedar on one bundle in `cedarEvery` only (the others: reference and graph). PERF: emitting and
   * validating Cedar is ~95% of a bundle's cost (≈180 ms against ≈8 ms), so many small bundles are
   * affordable only when most of them skip it.
   */
  readonly cedarEvery?: number;
  /**
   * Requests decided on a bundle Cedar runs on (default: `requestsPerBundle`). PERF: its bundle is
   * already paid for, and deciding is cheap next to emitting, so Cedar bundles decide more.
   */
  readonly cedarRequests?: number;
  /**
   * Cedar decides by policy-set slices, forced, on one bundle in `slicedEvery` (default 4; 0 = never;
   * `slicedBundle` says which): the runtime slices only sets above SLICE_ABOVE policies, which generated
   * bundles never reach, so the other bundles check the whole-set path and these the sliced one (the
   * path of an organisation's bundles).
   */
  readonly slicedEvery?: number;
  /** Check `explanations_agree` on one request in `explainEvery` of every bundle (default 0 = never; docs/explain.md). */
  readonly explainEvery?: number;
  readonly wrapExplain?: ExplainWrapper;
  /** Keep at most this many failures (default 50). */
  readonly maxFailures?: number;
  /** Shrink at most this many failures (default 3). */
  readonly maxCounterexamples?: number;
  /** Where to write counterexample folders (default: not written). */
  readonly counterexampleDir?: string;
  /** Replay only this fast-check path (a failing run printed by an earlier run). */
  readonly path?: string;
  /** Decide only the runs `i` with `i % count === index` (the others are generated and skipped): one worker's share. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Stop deciding after the first failure (to measure how many cases a check needs). */
  readonly stopOnFirst?: boolean;
  readonly onProgress?: (done: number, total: number, failures: number) => void;
  /** The command that regenerates run `path` unshrunk (default: a `run` command with this run's options). */
  readonly rerunCommand?: (path: string) => string;
  /** Most minimization attempts per failure (default 600). */
  readonly shrinkBudget?: number;
  /** Share of a whole run's cases drawn with the layers of the authorization chain (run-conformance.ts; default 0.2, 0 with `operator` or `variant`). */
  readonly layerShare?: number;
  /** Reuse prepared bundles across batches (when the source's bundle object never changes). */
  readonly cacheBundles?: boolean;
}

/** A law broken in the run, shrunk when it was among the first. */
export interface Failure {
  readonly law: string;
  readonly engine: EngineName;
  readonly message: string;
  readonly runIndex: number;
  readonly focus: string;
  readonly outcomes: Readonly<Record<string, string>>;
  /** The request as generated (before shrinking). */
  readonly request: unknown;
  /** The command that regenerates the unshrunk case. */
  readonly rerun: string;
  /** The shrunk case, when it was shrunk. */
  shrunk?: { readonly bundle: unknown; readonly requests: readonly unknown[]; readonly folder?: string };
}

export interface RunResult {
  readonly seed: number;
  readonly elapsedMs: number;
  /** CPU time of this process during the run (user + system), in ms: meaningful on a shared machine. */
  readonly cpuMs: number;
  readonly stats: Statistics;
  readonly laws: Readonly<Record<string, LawTally>>;
  readonly failures: readonly Failure[];
  /** All law violations (differential and metamorphic). */
  readonly violationCount: number;
  /** Cases decided when the first failure was seen (1-based), if any. */
  readonly firstFailureAtCase: number | undefined;
  readonly cedar: ReturnType<typeof cedarAvailability>;
}

const METAMORPHIC = new Set(METAMORPHIC_LAWS.map((l) => l.name));

/**
 * The fast-check seed of a stream: the run's seed, mixed with the variant's name when the stream is one
 * variant's. A whole run draws one stream per variant of an operator, and the variants of one base
 * differ only in the operator's name: with one seed they drew the same few bundles, so an operator's
 * six streams reached about four distinct bundles instead of twenty-four. Mixing in the name (not the
 * variant's index) keeps `--variant X --seed S` drawing exactly what the whole run drew for X.
 */
export function streamSeed(seed: number, variant: OperatorVariant | undefined): number {
  if (variant === undefined) return seed;
  // FNV-1a over the name, then xor: a deterministic 32-bit mix.
  let h = 0x811c9dc5;
  for (const ch of operatorName(variant)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (seed ^ h) | 0;
}

/** The default of `RunOptions.slicedEvery`. */
export const DEFAULT_SLICED_EVERY = 4;

/**
 * Whether run `index` of the stream with fast-check seed `seed` forces Cedar's sliced path: a mix of
 * both (not `index` alone, which would pick the same runs as `cedarEvery` and `lawEvery`, and only
 * every stream's first bundle in a whole run, whose streams have one or two bundles each).
 */
export function slicedBundle(seed: number, index: number, every: number): boolean {
  if (every <= 0) return false;
  const h = Math.imul((seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0, 0x85ebca6b);
  return ((h ^ (h >>> 15)) >>> 0) % every === 0;
}

/** Runs one stream of `options.cases` requests from `options.source` (default: generated around `operator`). */
export function runStream(options: RunOptions): RunResult {
  const started = performance.now();
  const seed = options.source === undefined ? streamSeed(options.seed, options.variant) : options.seed;
  const cpuStart = process.cpuUsage();
  const perBundle = Math.max(1, options.requestsPerBundle ?? 32);
  const lawEvery = options.lawEvery ?? 4;
  const cedarRequests = Math.max(perBundle, options.cedarRequests ?? perBundle);
  const source = options.source ?? generatedSource(cedarRequests, options.operator, options.variant);
  const rerun = options.rerunCommand ?? ((path: string) =>
    `npx kms-cedar-conformance run --seed ${options.seed}${options.variant ? ` --variant ${operatorName(options.variant)}` : options.operator ? ` --operator ${options.operator}` : ""} --requests-per-bundle ${perBundle} --path ${path}`);
  const arb = source.arbitrary;
  const cache = options.cacheBundles === true ? new WeakMap<object, PreparedBundle>() : undefined;
  const explainEvery = options.explainEvery ?? 0;
  const slicedEvery = options.slicedEvery ?? DEFAULT_SLICED_EVERY;
  const evalOptions = (metamorphic: boolean, laws?: ReadonlySet<string>, withoutCedar = false, explainEach = 0, runIndex?: number): EvaluateOptions => ({
    ...(explainEach > 0 ? { explain: true, explainEvery: explainEach, ...(options.wrapExplain ? { wrapExplain: options.wrapExplain } : {}) } : {}),
    ...(runIndex !== undefined && slicedBundle(seed, runIndex, slicedEvery) ? { cedarSlicing: true } : {}),
    ...(withoutCedar ? { engines: (options.engines ?? ENGINE_NAMES).filter((e) => e !== "cedar") } : options.engines ? { engines: options.engines } : {}), ...(options.wrap ? { wrap: options.wrap } : {}),
    metamorphic, ...(laws ? { laws } : {}), ...(cache ? { cache } : {}), ...(options.lawEngines ? { lawEngines: options.lawEngines } : {}),
  });
  const stats = newStatistics();
  const laws: Record<string, LawTally> = {};
  const failures: Failure[] = [];
  let violationCount = 0;
  let firstFailureAtCase: number | undefined;
  let runIndex = options.path !== undefined ? Number(options.path.split(":")[0]) : 0;
  const shard = options.shard ?? { index: 0, count: 1 };
  const bundlesNeeded = Math.ceil(options.cases / perBundle);
  let decided = 0;

  const property = fc.property(arb, (c: ConformanceCase) => {
    const index = runIndex++;
    // Run i decides the requests of budget slot i (the last slot may be partial); a shard takes every count-th run.
    const budget = Math.min(perBundle, options.cases - index * perBundle);
    if (options.path === undefined && (budget <= 0 || index % shard.count !== shard.index)) return true;
    if (options.stopOnFirst === true && firstFailureAtCase !== undefined) return true;
    const metamorphic = lawEvery > 0 && index % lawEvery === 0;
    const withoutCedar = options.cedarEvery !== undefined && options.cedarEvery > 1 && index % options.cedarEvery !== 0;
    const boosted = !withoutCedar && cedarRequests > perBundle && options.path === undefined;
    const requests = c.requests.slice(0, boosted ? cedarRequests : options.path === undefined ? budget : perBundle);
    const evaluation = evaluateCase(c.bundle, requests, c.extras, evalOptions(metamorphic, undefined, withoutCedar, explainEvery, index));
    stats.bundles++;
    if (evaluation.rejected) {
      recordRejected(stats, evaluation.prepared.errors);
      return true;
    }
    decided += requests.length;
    const diverged = new Set(evaluation.violations.filter((v) => !METAMORPHIC.has(v.law)).map((v) => v.requestIndex));
    const engines = ENGINE_NAMES.filter((e) => "decide" in evaluation.prepared.engines[e]);
    for (const e of ENGINE_NAMES) {
      const setup = evaluation.prepared.engines[e];
      if ("unavailable" in setup && setup.unavailable !== "not selected") recordUnavailable(stats, e, setup.unavailable);
    }
    const before = stats.cases;
    const facts = bundleFacts(c.bundle);
    evaluation.results.forEach((r, i) => recordRequest(stats, source.variantsOf(c, requests[i]), requests[i], r.reference!, diverged.has(i), engines, familiesOf(requests[i], facts), layersOf(requests[i], facts)));
    for (const [name, t] of Object.entries(evaluation.tallies)) {
      const sum = (laws[name] ??= { checked: 0, skipped: 0, violations: 0 });
      sum.checked += t.checked;
      sum.skipped += t.skipped;
      sum.violations += t.violations;
    }
    violationCount += evaluation.violations.length;
    if (evaluation.violations.length > 0 && firstFailureAtCase === undefined) {
      firstFailureAtCase = before + Math.min(...evaluation.violations.map((v) => v.requestIndex)) + 1;
    }
    for (const v of evaluation.violations) {
      if (failures.length >= (options.maxFailures ?? 50)) break;
      if (failures.some((f) => f.law === v.law && f.engine === v.engine && f.runIndex === index)) continue;
      failures.push({
        law: v.law, engine: v.engine, message: v.message, runIndex: index, focus: source.labelOf(c),
        outcomes: v.outcomes, request: requests[v.requestIndex], rerun: rerun(String(index)),
      });
    }
    options.onProgress?.(decided, Math.ceil(options.cases / shard.count), violationCount);
    return true;
  });
  const numRuns = options.path !== undefined ? 1 : bundlesNeeded;
  fc.check(property, { seed, numRuns, ...(options.path !== undefined ? { path: options.path } : {}) });

  // Shrink the first failures, one per (law, engine).
  const seen = new Set<string>();
  let shrunkCount = 0;
  for (const f of failures) {
    const key = `${f.law} ${f.engine} ${f.focus}`;
    if (seen.has(key) || shrunkCount >= (options.maxCounterexamples ?? 3)) continue;
    seen.add(key);
    shrunkCount++;
    const lawSet = new Set([f.law]);
    // PERF: shrink with the reference and the failing engine only (compiling Cedar is the slow part).
    const shrinkEngines: EngineName[] = f.engine === "reference" ? ["reference"] : ["reference", f.engine];
    const shrinkOptions: EvaluateOptions = { ...evalOptions(METAMORPHIC.has(f.law), lawSet, false, f.law === explanationsAgree.name ? 1 : 0, f.runIndex), engines: shrinkEngines };
    const violates = (bundle: unknown, requests: readonly unknown[], extras: ConformanceCase["extras"]): LawViolation | undefined =>
      evaluateCase(bundle as never, requests, extras, shrinkOptions).violations.find((v) => v.engine === f.engine);
    // Regenerate the failing case from its seed and path. fast-check's own shrinking is not used: on
    // these chained arbitraries it recursed deep enough to crash V8 (a fatal deoptimizer error), and the
    // greedy minimization below gives smaller cases anyway.
    const box: { found?: ConformanceCase } = {};
    fc.check(fc.property(arb, (c) => {
      box.found = c;
      return true;
    }), { seed, path: options.path ?? String(f.runIndex), numRuns: 1 });
    const found = box.found;
    if (found === undefined || violates(found.bundle, found.requests, found.extras) === undefined) continue;
    // Keep only the requests that break the law, then minimize.
    const first = evaluateCase(found.bundle, found.requests, found.extras, shrinkOptions).violations.filter((v) => v.engine === f.engine);
    const only = [...new Set(first.map((v) => v.requestIndex))].map((i) => found.requests[i]!);
    const start = only.length > 0 && violates(found.bundle, only, found.extras) !== undefined ? only : found.requests;
    const minimal = minimizeCase({ bundle: found.bundle, requests: start }, (cand) => violates(cand.bundle, cand.requests, found.extras) !== undefined, options.shrinkBudget ?? 600);
    const last = violates(minimal.bundle, minimal.requests, found.extras);
    f.shrunk = { bundle: minimal.bundle, requests: minimal.requests };
    if (options.counterexampleDir !== undefined && last !== undefined) {
      const evaluation = evaluateCase(minimal.bundle, minimal.requests, found.extras, evalOptions(false, undefined, false, 0, f.runIndex));
      const folder = writeCounterexample(options.counterexampleDir, `seed-${options.seed}-run-${f.runIndex}-${f.law}-${f.engine}`, minimal.bundle, minimal.requests, {
        law: f.law, engine: f.engine, message: last.message, rerun: f.rerun, focus: f.focus,
        extras: found.extras, outcomes: evaluation.results.map((r) => outcomeTextsOf(r)),
        ...(last.transformed !== undefined ? { transformed: last.transformed } : {}),
      });
      f.shrunk = { ...f.shrunk, folder };
    }
  }
  return {
    seed: options.seed, elapsedMs: performance.now() - started, cpuMs: cpuMsSince(cpuStart), stats, laws, failures, violationCount,
    firstFailureAtCase, cedar: cedarAvailability(),
  };
}

/** Bundles generated around each operator variant (or one), for the `run` command. */
export function generatedSource(perBundle: number, operator?: BaseOperator, variant?: OperatorVariant): CaseSource {
  return {
    arbitrary: conformanceCaseArb({ requestsPerBundle: perBundle, ...(operator ? { operator } : {}), ...(variant ? { variant } : {}) }),
    variantsOf: (c) => (c.focus !== undefined ? [c.focus] : []),
    labelOf: (c) => (c.focus !== undefined ? operatorName(c.focus) : "bundle"),
  };
}

/** Generated bundles with the layers of the authorization chain (issue 12), around every operator variant. */
export function layeredSource(perBundle: number): CaseSource {
  return {
    arbitrary: layeredCaseArb({ requestsPerBundle: perBundle }),
    variantsOf: (c) => (c.focus !== undefined ? [c.focus] : []),
    labelOf: (c) => `layers, ${c.focus !== undefined ? operatorName(c.focus) : "bundle"}`,
  };
}

/** CPU milliseconds (user + system) used since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function outcomeTextsOf(r: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v !== undefined) out[k] = JSON.stringify(v);
  }
  return out;
}
