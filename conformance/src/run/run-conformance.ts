// A conformance run over generated bundles: the budget is split evenly over the operator variants
// (27 bases × qualifiers × IfExists, or one operator's, or one variant), one fast-check stream per
// variant, so every variant is reached whatever the seed; a user's bundle (`source`) is one stream.
// Workers take every N-th variant. Phase: conformance harness.
import { focusVariants } from "../arbitraries/case-arbitrary.js";
import { cedarAvailability } from "../engines/cedar-engine.js";
import { mergeLaws, mergeStatistics } from "./merge-statistics.js";
import { runStream } from "./run-stream.js";
import type { Failure, RunOptions, RunResult } from "./run-stream.js";

export type { CaseSource, Failure, RunOptions, RunResult } from "./run-stream.js";
export { cpuMsSince, generatedSource } from "./run-stream.js";

/** Runs the conformance property for `options.cases` requests. */
export function runConformance(options: RunOptions): RunResult {
  if (options.source !== undefined || options.variant !== undefined || options.path !== undefined) return runStream(options);
  const started = performance.now();
  const variants = focusVariants(options.operator);
  const shard = options.shard ?? { index: 0, count: 1 };
  const n = variants.length;
  const mine = variants.map((v, j) => ({ variant: v, cases: Math.floor(options.cases / n) + (j < options.cases % n ? 1 : 0), j }))
    .filter((s) => s.cases > 0 && s.j % shard.count === shard.index);
  const total = mine.reduce((t, s) => t + s.cases, 0);
  const parts: RunResult[] = [];
  let done = 0;
  let shrunk = 0;
  let firstFailureAtCase: number | undefined;
  for (const slice of mine) {
    const r = runStream({
      ...options, variant: slice.variant, cases: slice.cases, shard: undefined,
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
