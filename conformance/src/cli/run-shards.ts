// Parallel runs: `run --workers N` forks N processes of this CLI, each deciding every N-th case
// batch of the same seed (so a seed means the same cases whatever N), and merges their results.
// Each worker shrinks and writes its own failures. Phase: conformance CLI.
import { fork } from "node:child_process";
import { V8_WORKAROUND_FLAG } from "@kms-cedar/runtime";
import type { RunResult } from "../run/run-conformance.js";
import { mergeLaws, mergeStatistics } from "../run/merge-statistics.js";

const BIN = new URL("../../bin/kms-cedar-conformance.js", import.meta.url).pathname;

/** Messages a worker sends its parent. */
export type ShardMessage = { readonly progress: [number, number, number] } | { readonly result: RunResult };

/**
 * Runs `args` (a `run` command line) in `count` workers; calls `onProgress` with the summed progress.
 * Within `within` (a `--shard i/n` of the whole run), worker j takes shard i + n·j of n·count: the
 * shards split the run's variants by index modulo the count, so these are exactly shard i's.
 */
export async function runShards(args: readonly string[], count: number, onProgress: (done: number, total: number, failures: number) => void,
  within: { readonly index: number; readonly count: number } = { index: 0, count: 1 }): Promise<RunResult> {
  const started = performance.now();
  const progress = Array.from({ length: count }, () => [0, 0, 0] as [number, number, number]);
  const results = await Promise.all(Array.from({ length: count }, (_, index) => new Promise<RunResult>((resolve, reject) => {
    const child = fork(BIN, ["run", ...args, "--worker", "--shard", `${within.index + within.count * index}/${within.count * count}`], { stdio: ["ignore", "ignore", "inherit", "ipc"], execArgv: [...process.execArgv, V8_WORKAROUND_FLAG] });
    let result: RunResult | undefined;
    child.on("message", (m: ShardMessage) => {
      if ("progress" in m) {
        progress[index] = m.progress;
        onProgress(progress.reduce((n, p) => n + p[0], 0), progress.reduce((n, p) => n + p[1], 0), progress.reduce((n, p) => n + p[2], 0));
      } else result = m.result;
    });
    child.on("error", reject);
    child.on("exit", (code) => (result !== undefined ? resolve(result) : reject(new Error(`worker ${index} exited with code ${code} and no result`))));
  })));
  const firsts = results.map((r) => r.firstFailureAtCase).filter((n): n is number => n !== undefined);
  return {
    seed: results[0]!.seed, elapsedMs: performance.now() - started, cpuMs: results.reduce((n, r) => n + r.cpuMs, 0),
    stats: mergeStatistics(results.map((r) => r.stats)), laws: mergeLaws(results.map((r) => r.laws)),
    failures: results.flatMap((r) => r.failures), violationCount: results.reduce((n, r) => n + r.violationCount, 0),
    firstFailureAtCase: firsts.length > 0 ? Math.min(...firsts) * count : undefined, cedar: results[0]!.cedar,
  };
}
