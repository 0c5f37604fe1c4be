// A conformance run: draws case batches (a bundle around a focus operator and its requests) from
// a fixed seed, decides every request with every engine, checks every law, keeps the statistics,
// then shrinks the first failures (fast-check replay of the failing run, then greedy minimization)
// and writes them as case folders. Phase: conformance harness.
import fc from "fast-check";
import { conformanceCaseArb } from "../arbitraries/case-arbitrary.js";
import type { ConformanceCase } from "../arbitraries/case-arbitrary.js";
import type { BaseOperator, OperatorVariant } from "../arbitraries/operators.js";
import { operatorName } from "../arbitraries/operators.js";
import { cedarAvailability } from "../engines/cedar-engine.js";
import { ENGINE_NAMES } from "../engines/engine-types.js";
import type { EngineName, EngineWrapper, PreparedBundle } from "../engines/engine-types.js";
import { METAMORPHIC_LAWS } from "../laws/all-laws.js";
import type { LawTally, LawViolation } from "../laws/law-types.js";
import { evaluateCase } from "./evaluate-case.js";
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
  /** Default: generated bundles around every operator variant (or `operator`'s). */
  readonly source?: CaseSource;
  /** Requests to decide (each with every engine). */
  readonly cases: number;
  readonly operator?: BaseOperator;
  /** Requests per generated bundle (default 32): compiling is amortized over them. */
  readonly requestsPerBundle?: number;
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Check the metamorphic laws on one bundle in `lawEvery` (default 4; 0 = never). */
  readonly lawEvery?: number;
  /** Shrink and keep at most this many failures (default 3). */
  readonly maxCounterexamples?: number;
  /** Where to write counterexample folders (default: not written). */
  readonly counterexampleDir?: string;
  /** Replay only this fast-check path (a failing run printed by an earlier run). */
  readonly path?: string;
  /** Stop deciding after the first failure (to measure how many cases a check needs). */
  readonly stopOnFirst?: boolean;
  readonly onProgress?: (done: number, total: number, failures: number) => void;
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
  /** The shrunk case, when it was shrunk. */
  shrunk?: { readonly bundle: unknown; readonly requests: readonly unknown[]; readonly folder?: string };
}

export interface RunResult {
  readonly seed: number;
  readonly elapsedMs: number;
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

/** Runs the conformance property for `options.cases` requests. */
export function runConformance(options: RunOptions): RunResult {
  const started = performance.now();
  const perBundle = Math.max(1, options.requestsPerBundle ?? 32);
  const lawEvery = options.lawEvery ?? 4;
  const source = options.source ?? generatedSource(perBundle, options.operator);
  const arb = source.arbitrary;
  const cache = options.cacheBundles === true ? new WeakMap<object, PreparedBundle>() : undefined;
  const evalOptions = (metamorphic: boolean, laws?: ReadonlySet<string>): EvaluateOptions => ({
    ...(options.engines ? { engines: options.engines } : {}), ...(options.wrap ? { wrap: options.wrap } : {}),
    metamorphic, ...(laws ? { laws } : {}), ...(cache ? { cache } : {}),
  });
  const stats = newStatistics();
  const laws: Record<string, LawTally> = {};
  const failures: Failure[] = [];
  let violationCount = 0;
  let firstFailureAtCase: number | undefined;
  let runIndex = options.path !== undefined ? Number(options.path.split(":")[0]) : 0;
  let remaining = options.cases;

  const property = fc.property(arb, (c: ConformanceCase) => {
    const index = runIndex++;
    if (remaining <= 0 || (options.stopOnFirst === true && firstFailureAtCase !== undefined)) return true;
    const requests = c.requests.slice(0, Math.min(perBundle, remaining));
    const metamorphic = lawEvery > 0 && index % lawEvery === 0;
    const evaluation = evaluateCase(c.bundle, requests, c.extras, evalOptions(metamorphic));
    stats.bundles++;
    if (evaluation.rejected) {
      recordRejected(stats, evaluation.prepared.errors);
      return true;
    }
    remaining -= requests.length;
    const diverged = new Set(evaluation.violations.filter((v) => !METAMORPHIC.has(v.law)).map((v) => v.requestIndex));
    const engines = ENGINE_NAMES.filter((e) => "decide" in evaluation.prepared.engines[e]);
    for (const e of ENGINE_NAMES) {
      const setup = evaluation.prepared.engines[e];
      if ("unavailable" in setup && setup.unavailable !== "not selected") recordUnavailable(stats, e, setup.unavailable);
    }
    const before = stats.cases;
    evaluation.results.forEach((r, i) => recordRequest(stats, source.variantsOf(c, requests[i]), requests[i], r.reference!, diverged.has(i), engines));
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
      if (failures.length >= 50) break;
      if (failures.some((f) => f.law === v.law && f.engine === v.engine && f.runIndex === index)) continue;
      failures.push({
        law: v.law, engine: v.engine, message: v.message, runIndex: index, focus: source.labelOf(c),
        outcomes: v.outcomes, request: requests[v.requestIndex],
      });
    }
    options.onProgress?.(options.cases - remaining, options.cases, violationCount);
    return true;
  });
  // A few runs more than needed, for the rare bundle the compiler rejects (they decide nothing).
  const numRuns = options.path !== undefined ? 1 : Math.ceil((options.cases / perBundle) * 1.05) + 3;
  fc.check(property, { seed: options.seed, numRuns, ...(options.path !== undefined ? { path: options.path } : {}) });

  // Shrink the first failures, one per (law, engine).
  const seen = new Set<string>();
  let shrunkCount = 0;
  for (const f of failures) {
    const key = `${f.law} ${f.engine} ${f.focus}`;
    if (seen.has(key) || shrunkCount >= (options.maxCounterexamples ?? 3)) continue;
    seen.add(key);
    shrunkCount++;
    const lawSet = new Set([f.law]);
    const violates = (bundle: unknown, requests: readonly unknown[], extras: ConformanceCase["extras"]): LawViolation | undefined =>
      evaluateCase(bundle as never, requests, extras, evalOptions(METAMORPHIC.has(f.law), lawSet)).violations.find((v) => v.engine === f.engine);
    const replay = fc.check(fc.property(arb, (c) => violates(c.bundle, c.requests, c.extras) === undefined), {
      seed: options.seed, path: options.path ?? String(f.runIndex),
    });
    const found = replay.counterexample?.[0] as ConformanceCase | undefined;
    if (found === undefined) continue;
    const minimal = minimizeCase({ bundle: found.bundle, requests: found.requests }, (cand) => violates(cand.bundle, cand.requests, found.extras) !== undefined);
    const last = violates(minimal.bundle, minimal.requests, found.extras);
    f.shrunk = { bundle: minimal.bundle, requests: minimal.requests };
    if (options.counterexampleDir !== undefined && last !== undefined) {
      const evaluation = evaluateCase(minimal.bundle, minimal.requests, found.extras, evalOptions(false));
      const folder = writeCounterexample(options.counterexampleDir, `seed-${options.seed}-run-${f.runIndex}-${f.law}-${f.engine}`, minimal.bundle, minimal.requests, {
        law: f.law, engine: f.engine, message: last.message, seed: options.seed, path: String(f.runIndex), focus: f.focus,
        extras: found.extras, outcomes: evaluation.results.map((r) => outcomeTextsOf(r)),
        ...(last.transformed !== undefined ? { transformed: last.transformed } : {}),
      });
      f.shrunk = { ...f.shrunk, folder };
    }
  }
  return {
    seed: options.seed, elapsedMs: performance.now() - started, stats, laws, failures, violationCount,
    firstFailureAtCase, cedar: cedarAvailability(),
  };
}

/** Bundles generated around each operator variant (the `run` command). */
export function generatedSource(perBundle: number, operator?: BaseOperator): CaseSource {
  return {
    arbitrary: conformanceCaseArb({ requestsPerBundle: perBundle, ...(operator ? { operator } : {}) }),
    variantsOf: (c) => (c.focus !== undefined ? [c.focus] : []),
    labelOf: (c) => (c.focus !== undefined ? operatorName(c.focus) : "bundle"),
  };
}

function outcomeTextsOf(r: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v !== undefined) out[k] = JSON.stringify(v);
  }
  return out;
}
