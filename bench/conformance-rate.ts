// Conformance throughput of issue 14 (a program, not a test): three-engine cases/s of
// `kms-cedar-conformance run --workers 2` (reference, graph and Cedar on every case), read from the
// run's own JSON report. Writes bench/results/conformance.json. Target ≥ 3,000 cases/s.
// Run: node scripts/run-ts.js bench/conformance-rate.ts [--quick] [--runs N]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const QUICK = process.argv.includes("--quick");
const at = process.argv.indexOf("--runs");
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : QUICK ? 4000 : 40000;
const bin = fileURLToPath(new URL("../conformance/bin/kms-cedar-conformance.js", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-rate-"));
try {
  const report = join(tmp, "report.json");
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, "run", "--runs", String(RUNS), "--workers", "2", "--report", report, "--counterexamples", join(tmp, "cx")], { encoding: "utf8" });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`conformance run exited ${r.status}: ${r.stderr}`);
  const json = JSON.parse(readFileSync(report, "utf8")) as { cases: number; casesPerSecond: number; casesPerCpuSecond: number; elapsedSeconds: number; cpuSeconds: number; engines: Record<string, { cases: number }> };
  const load = loadavg().map((x) => x.toFixed(2)).join(", ");
  console.log(`conformance: load average ${load} at the end of the run`);
  console.log(`conformance: ${json.cases} cases (cedar on ${json.engines["cedar"]?.cases}), 2 workers: ${json.casesPerSecond} cases/s over ${json.elapsedSeconds} s of run ` +
    `(${json.casesPerCpuSecond} per CPU second; ${(wallMs / 1000).toFixed(1)} s with process start); target ≥ 3,000: ${json.casesPerSecond >= 3000 ? "met" : "NOT met"}`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/conformance.json", import.meta.url), `${JSON.stringify({ benchmark: "conformance", quick: QUICK, node: process.version, date: new Date().toISOString(), runs: RUNS, workers: 2, loadAverage: loadavg(),
    cases: json.cases, casesPerSecond: json.casesPerSecond, casesPerCpuSecond: json.casesPerCpuSecond, elapsedSeconds: json.elapsedSeconds, wallMs }, null, 2)}\n`);
  console.log("wrote bench/results/conformance.json");
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
