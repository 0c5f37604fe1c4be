// Compile benchmark of issue 14 (a program, not a test):
//   1. the corpus: every identity and key policy of ../shared/corpus (MANIFEST.tsv), one bundle each,
//      Cedar emitted and strictly validated, in this one process (target ≤ 10 s); and the share of
//      native Cedar, by the computation compiler/test/cedar/cedar-corpus.test.ts uses;
//   2. the organisation-scale bundle (bench/org-bundle.ts) with Cedar, in a fresh process: time and
//      peak memory (targets ≤ 30 s, ≤ 2 GB); then the same with grants and ceilings;
//   3. the cost curve: compile time against the number of statements (the org bundle scaled), and
//      against statements per policy at a fixed total.
// Writes bench/results/compile.json. Run: node scripts/run-ts.js bench/compile.ts [--quick]
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { compileCorpusCedar, nativePercent } from "../compiler/scripts/corpus-cedar.js";
import { findCorpusDir } from "../compiler/scripts/corpus-files.js";

const QUICK = process.argv.includes("--quick");
const runTs = fileURLToPath(new URL("../scripts/run-ts.js", import.meta.url));
const one = fileURLToPath(new URL("./compile-one.ts", import.meta.url));

interface Point { shape: string; a: number; b: number; statements: number; wallMs: number; cpuMs: number; maxRssMb: number; cedar: boolean; errors: string[] }

function child(...args: (string | number)[]): Point {
  const r = spawnSync(process.execPath, [runTs, one, ...args.map(String)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`compile-one ${args.join(" ")} failed: ${r.stderr}`);
  const point = JSON.parse(r.stdout.trim().split("\n").pop()!) as Point;
  if (!point.cedar) throw new Error(`compile-one ${args.join(" ")}: no Cedar output (${point.errors.join(", ")})`);
  return point;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
console.log(`compile: Node ${process.version}${QUICK ? " (--quick: smaller org and curve)" : ""}; wall and CPU time (the machine may be shared); load average ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);

// 1. The corpus.
const dir = findCorpusDir();
let corpus: Record<string, unknown> | undefined;
if (dir === undefined) console.log("corpus: not found (set KMS_CEDAR_CORPUS); skipped");
else {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const totals = compileCorpusCedar(dir);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  corpus = { policies: totals.passed + totals.rejected + totals.crashed, compiled: totals.passed, rejected: totals.rejected, crashed: totals.crashed, wallMs, cpuMs,
    native: totals.native, derived: totals.derived, nativePercent: nativePercent(totals), resourcesNative: totals.resourcesNative, resourcesDerived: totals.resourcesDerived, kinds: totals.kinds };
  console.log(`corpus: ${totals.passed + totals.rejected + totals.crashed} policies, ${totals.passed} compiled to validated Cedar, ${totals.rejected} rejected by the checks, in ${s(wallMs)} (CPU ${s(cpuMs)}); target ≤ 10 s: ${wallMs <= 10_000 ? "met" : "NOT met"} (wall), ${cpuMs <= 10_000 ? "met" : "NOT met"} (CPU)`);
  console.log(`corpus: conditions native ${totals.native}, derived ${totals.derived} (${nativePercent(totals)}% native); resources native ${totals.resourcesNative}, derived ${totals.resourcesDerived}`);
}

// 2. The organisation-scale bundle, and 3a. the curve over its size.
const full = QUICK ? { keys: 250, roles: 500 } : { keys: 1000, roles: 2000 };
const fractions = QUICK ? [1 / 8, 1 / 4, 1 / 2, 1] : [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1];
const bySize = fractions.map((f) => child("org", Math.round(full.keys * f), Math.round(full.roles * f)));
const org = bySize[bySize.length - 1]!;
console.log(`org (${full.keys} keys, ${full.roles} roles, ${org.statements} statements) with Cedar: ${s(org.wallMs)} (CPU ${s(org.cpuMs)}), peak RSS ${org.maxRssMb.toFixed(0)} MB; ` +
  `targets ≤ 30 s: ${org.wallMs <= 30_000 ? "met" : "NOT met"} (wall), ${org.cpuMs <= 30_000 ? "met" : "NOT met"} (CPU), ≤ 2 GB: ${org.maxRssMb <= 2048 ? "met" : "NOT met"}${QUICK ? " (quick: not the full org)" : ""}`);

// 2b. The same organisation with grants and ceilings (bench/org-bundle.ts orgLayeredScenario).
const layers = child("orglayers", full.keys, full.roles);
console.log(`org with grants, SCPs, an RCP, boundaries and a VPC endpoint, with Cedar: ${s(layers.wallMs)} (CPU ${s(layers.cpuMs)}), peak RSS ${layers.maxRssMb.toFixed(0)} MB; ` +
  `targets ≤ 30 s: ${layers.wallMs <= 30_000 ? "met" : "NOT met"} (wall), ${layers.cpuMs <= 30_000 ? "met" : "NOT met"} (CPU), ≤ 2 GB: ${layers.maxRssMb <= 2048 ? "met" : "NOT met"}${QUICK ? " (quick: not the full org)" : ""}`);

// 3b. Statements per policy at a fixed total.
const total = QUICK ? 512 : 2048;
const perPolicy = [1, 4, 16, 64].map((per) => child("policies", Math.round(total / per), per));

console.log("\n| statements | keys | roles | compile with Cedar | CPU | µs CPU per statement | peak RSS |");
console.log("|---:|---:|---:|---:|---:|---:|---:|");
for (const p of bySize) console.log(`| ${p.statements} | ${p.a} | ${p.b} | ${s(p.wallMs)} | ${s(p.cpuMs)} | ${Math.round((p.cpuMs * 1000) / p.statements)} | ${p.maxRssMb.toFixed(0)} MB |`);
console.log("\n| statements per policy | policies | statements | compile with Cedar | CPU | µs CPU per statement |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const p of perPolicy) console.log(`| ${p.b} | ${p.a} | ${p.statements} | ${s(p.wallMs)} | ${s(p.cpuMs)} | ${Math.round((p.cpuMs * 1000) / p.statements)} |`);
const first = bySize[0]!;
const growth = (org.cpuMs / org.statements) / (first.cpuMs / first.statements);
console.log(`\nCPU per statement, largest / smallest size: ${growth.toFixed(2)} (1.00 = linear)`);

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/compile.json", import.meta.url), `${JSON.stringify({ benchmark: "compile", quick: QUICK, node: process.version, date: new Date().toISOString(), loadAverage: loadavg(), corpus, org, orgLayers: layers, bySize, perPolicy, growth }, null, 2)}\n`);
console.log("\nwrote bench/results/compile.json");
