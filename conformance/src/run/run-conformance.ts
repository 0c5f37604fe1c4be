// A conformance run over generated bundles: the budget is split evenly over the operator variants
// (27 bases × qualifiers × IfExists, or one operator's, or one variant), one fast-check stream per
// variant, so every variant is reached whatever the seed; a user's bundle (`source`) is one stream.
// Workers take every N-th variant, and every N-th bundle of the layered stream. Phase: conformance harness.
import { focusVariants } from "../arbitraries/case-arbitrary.js";
import { cedarAvailability } from "../engines/cedar-engine.js";
import { mergeLaws, mergeStatistics } from "./merge-statistics.js";
import { layeredSource, runStream } from "./run-stream.js";
import type { Failure, RunOptions, RunResult } from "./run-stream.js";

export type { CaseSource, Failure, RunOptions, RunResult } from "./run-stream.js";
export { cpuMsSince, generatedSource, layeredSource } from "./run-stream.js";

/** The share of a whole run's cases drawn with layers when `layerShare` is not given. */
export const DEFAULT_LAYER_SHARE = 0.2;

/**
 * Runs the conformance property for `options.cases` requests. A run over every operator gives
 * `layerShare` of its cases to one more stream, of bundles with the layers of the authorization
 * chain (layered-case.ts); a run narrowed to an operator or a variant has none unless asked.
 */
export function runConformance(options: RunOptions): RunResult {
  const narrowed = options.operator !== undefined || options.variant !== undefined;
  const share = Math.min(1, Math.max(0, options.layerShare ?? (narrowed ? 0 : DEFAULT_LAYER_SHARE)));
  const perBundle = Math.max(1, options.requestsPerBundle ?? 32);
  const layered = (): RunOptions => ({
    ...options, source: layeredSource(Math.max(perBundle, options.cedarRequests ?? perBundle)),
    rerunCommand: options.rerunCommand ?? ((path) => `npx kms-cedar-conformance run --seed ${options.seed} --layer-share 1 --requests-per-bundle ${perBundle} --path ${path}`),
  });
  if (share === 1 && options.source === undefined && !narrowed) return runStream(layered());
  if (options.source !== undefined || options.variant !== undefined || options.path !== undefined) return runStream(options);
  const started = performance.now();
  const variants = focusVariants(options.operator);
  const shard = options.shard ?? { index: 0, count: 1 };
  const n = variants.length;
  const layerCases = Math.round(options.cases * share);
  const operatorCases = options.cases - layerCases;
  const slices = variants.map((v, j) => ({ variant: v as typeof v | undefined, cases: Math.floor(operatorCases / n) + (j < operatorCases % n ? 1 : 0), j }));
  // The layered stream is one more slot, which every shard takes: it is one fast-check stream holding a
  // fifth of the run, so a shard that took it whole did 60% of a two-worker run while the other waited
  // (issue 14). Each shard decides every count-th bundle of it (runStream's `shard`: the others are
  // generated and skipped), so the shards together decide exactly the bundles one run decides.
  slices.push({ variant: undefined, cases: layerCases, j: n });
  const mine = slices.filter((s) => s.cases > 0 && (s.variant === undefined || s.j % shard.count === shard.index));
  const total = mine.reduce((t, s) => t + (s.variant === undefined ? Math.ceil(s.cases / shard.count) : s.cases), 0);
  const parts: RunResult[] = [];
  let done = 0;
  let shrunk = 0;
  let firstFailureAtCase: number | undefined;
  for (const slice of mine) {
    const r = runStream({
      ...(slice.variant === undefined ? layered() : { ...options, variant: slice.variant }), cases: slice.cases,
      shard: slice.variant === undefined && shard.count > 1 ? shard : undefined,
      maxCounterexamples: Math.max(0, (options.maxCounterexamples ?? 3) - shrunk),
      onProgress: (d, _t, f) => options.onProgress?.(done + d, total, parts.reduce((x, p) => x + p.violationCount, 0) + f),
    });
    parts.push(r);
    shrunk += r.failures.filter((f) => f.shrunk !== undefined).length;
    if (firstFailureAtCase === undefined && r.firstFailureAtCase !== undefined) firstFailureAtCase = done + r.firstFailureAtCase;
    done += r.stats.cases;
    if (options.stopOnFirst === true && firstFailureAtCase !== undefined) break;
  }
  const failures: Failure[] = parts.flatMap((p) => p.failures).slice(0, options.maxFailures ?? 50);
  return {
    seed: options.seed, elapsedMs: performance.now() - started, cpuMs: parts.reduce((t, p) => t + p.cpuMs, 0),
    stats: mergeStatistics(parts.map((p) => p.stats)), laws: mergeLaws(parts.map((p) => p.laws)), failures,
    violationCount: parts.reduce((t, p) => t + p.violationCount, 0), firstFailureAtCase,
    cedar: parts[0]?.cedar ?? cedarAvailability(),
  };
}
