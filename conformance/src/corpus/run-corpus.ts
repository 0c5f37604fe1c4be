// The corpus run: every policy of corpus/ whose kind the compiler takes, in a bundle that reaches
// every KMS path (corpus-bundle.ts), with requests generated for it as `verify` does; policies the
// compiler rejects are counted by first error. Phase: conformance corpus.
import { readTextFile } from "@kms-cedar/compiler/api";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";
import { mergeLaws, mergeStatistics } from "../run/merge-statistics.js";
import { cpuMsSince, runConformance } from "../run/run-conformance.js";
import type { Failure, RunOptions, RunResult } from "../run/run-conformance.js";
import { verifySource } from "../verify/verify-source.js";
import { identityPolicyBundle, keyPolicyBundle } from "./corpus-bundle.js";
import { readCorpusManifest } from "./corpus-manifest.js";

export interface CorpusOptions extends Omit<RunOptions, "cases" | "source"> {
  readonly dir: string;
  /** Requests per policy. */
  readonly casesPerPolicy: number;
  /** Only the first `limit` compilable-kind entries (for a quick run); default all. */
  readonly limit?: number;
  readonly onPolicy?: (index: number, total: number, file: string) => void;
}

export interface CorpusResult extends RunResult {
  readonly files: number;
  /** Files skipped because of their kind, by kind. */
  readonly skippedKinds: Readonly<Record<string, number>>;
  /** Policies the compiler rejected, by file (first error). */
  readonly rejectedFiles: Readonly<Record<string, string>>;
  readonly policies: number;
}

/** Runs the corpus. */
export function runCorpus(options: CorpusOptions): CorpusResult {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const entries = readCorpusManifest(options.dir);
  const skippedKinds: Record<string, number> = {};
  const taken = entries.filter((e) => {
    if (e.policyKind !== undefined) return true;
    skippedKinds[e.kind] = (skippedKinds[e.kind] ?? 0) + 1;
    return false;
  }).slice(0, options.limit ?? Infinity);
  const parts: RunResult[] = [];
  const rejectedFiles: Record<string, string> = {};
  const failures: Failure[] = [];
  taken.forEach((e, i) => {
    options.onPolicy?.(i, taken.length, e.file);
    let policy: unknown;
    const read = readTextFile(e.path);
    if ("error" in read) {
      rejectedFiles[e.file] = `unreadable: ${read.error}`;
      return;
    }
    try {
      policy = JSON.parse(read.text);
    } catch (err) {
      rejectedFiles[e.file] = `not JSON: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    const bundle: PlainBundleShape = e.policyKind === "key" ? keyPolicyBundle(policy) : identityPolicyBundle(policy);
    const per = Math.min(options.casesPerPolicy, 64);
    const result = runConformance({
      ...options, cases: options.casesPerPolicy, requestsPerBundle: per, source: verifySource(bundle, per, e.file), cacheBundles: true,
      // The corpus command's own `rerunCommand` is handed where the failure is: the policy and its batch.
      rerunCommand: (path) => options.rerunCommand?.(`policy ${e.file}, batch ${path}`)
        ?? `npx kms-cedar-conformance corpus --runs-per-policy ${options.casesPerPolicy} --seed ${options.seed} (policy ${e.file}, batch ${path})`,
    });
    if (result.stats.cases === 0 && result.stats.rejectedBundles > 0) {
      rejectedFiles[e.file] = Object.keys(result.stats.rejectedReasons)[0] ?? "rejected";
      return;
    }
    parts.push(result);
    failures.push(...result.failures.map((f) => ({ ...f, focus: e.file })));
  });
  const stats = mergeStatistics(parts.map((p) => p.stats));
  stats.rejectedBundles = Object.keys(rejectedFiles).length;
  stats.rejectedReasons = {};
  for (const reason of Object.values(rejectedFiles)) {
    const code = reason.split(" ")[0]!;
    stats.rejectedReasons[code] = (stats.rejectedReasons[code] ?? 0) + 1;
  }
  return {
    seed: options.seed, elapsedMs: performance.now() - started, cpuMs: cpuMsSince(cpuStart), stats, laws: mergeLaws(parts.map((p) => p.laws)), failures,
    violationCount: parts.reduce((n, p) => n + p.violationCount, 0), firstFailureAtCase: undefined,
    cedar: parts[0]?.cedar ?? { available: false, reason: "no policy compiled" },
    files: entries.length, skippedKinds, rejectedFiles, policies: parts.length,
  };
}
