// CLI start-up benchmark of issue 14 (a program, not a test): wall and CPU time of `kms-cedar --version`
// and of `kms-cedar check` on one small file, each a fresh `node compiler/bin/kms-cedar.js` process
// (spawnSync; median and max over RUNS), from the esbuild bundle (current after `npm ci`, which runs
// the root `prepare` script) and from the TypeScript sources through tsx (KMS_CEDAR_FROM_SOURCE=1),
// beside a bare `node -e 0` (the floor of any CLI start on this machine). CPU time (user + system of
// the child, from /proc/self/stat's cutime + cstime, 10 ms ticks) is the figure that means something
// on a shared, loaded machine; wall time is what a user waits. Prints the load average.
// With --fresh-clone it first clones this repository's HEAD into a temporary folder and runs `npm ci`
// there (timed: the install cost the `prepare` script adds is part of it), then measures that clone.
// Writes bench/results/cli.json. Run: node scripts/run-ts.js bench/cli-start.ts [--quick] [--fresh-clone]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleIsCurrent } from "../compiler/bin/launch.js";

const QUICK = process.argv.includes("--quick");
const RUNS = QUICK ? 5 : 15;
const FRESH = process.argv.includes("--fresh-clone");
const repository = fileURLToPath(new URL("..", import.meta.url));
const root = FRESH ? freshClone() : repository;
const cli = join(root, "compiler/bin/kms-cedar.js");
const bundle = join(root, "compiler/dist/cli.js");

/** Clones HEAD into a temporary folder and runs `npm ci` there (what CI and a newcomer do); returns the folder. */
function freshClone(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "kms-cedar-clone-")), "repo");
  process.on("exit", () => rmSync(dirname(dir), { recursive: true, force: true }));
  const git = spawnSync("git", ["clone", "-q", repository, dir], { stdio: "inherit" });
  if (git.status !== 0) throw new Error("cli-start: git clone failed");
  const t = performance.now();
  const npm = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
  if (npm.status !== 0) throw new Error(`cli-start: npm ci failed: ${npm.stderr}`);
  const prepared = /prepare: bundled .*/.exec(npm.stdout)?.[0] ?? "prepare printed nothing";
  console.log(`cli-start: fresh clone of HEAD in ${dir}; npm ci took ${((performance.now() - t) / 1000).toFixed(1)} s (${prepared})`);
  return dir;
}

/** CPU ms (user + system) of this process's waited-for children, or undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the parenthesised command name: utime is the 14th field, so cutime/cstime are 16th/17th.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
  } catch {
    return undefined;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing { medianMs: number; maxMs: number; cpuMedianMs: number | undefined }

function time(args: readonly string[], env: NodeJS.ProcessEnv, runs: number, script: readonly string[] = [cli]): Timing {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, [...script, ...args], { cwd: root, env, encoding: "utf8" });
    times.push(performance.now() - t);
    const after = childrenCpuMs();
    if (c !== undefined && after !== undefined) cpu.push(after - c);
    if (r.status !== 0) throw new Error(`kms-cedar ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return { medianMs: median(times), maxMs: Math.max(...times), cpuMedianMs: cpu.length === runs ? median(cpu) : undefined };
}

// The scenario is a fresh clone after `npm ci`, which runs the root `prepare` script: do what it does
// when the bundle is missing or older than a source file.
if (!FRESH && !bundleIsCurrent(bundle)) {
  console.log("cli-start: compiler/dist/cli.js missing or stale; running scripts/prepare-cli.js (what `npm ci` runs)");
  spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/prepare-cli.js", import.meta.url))], { stdio: "inherit" });
}
const current = bundleIsCurrent(bundle);
console.log(`cli-start: ${FRESH ? "fresh clone, " : ""}Node ${process.version}, ${RUNS} runs each; compiler/dist/cli.js is ${current ? "current" : "MISSING OR STALE (run `npm run prepare`)"}`);
const base = { ...process.env, NO_COLOR: "1" };
const cases = [
  { what: "kms-cedar --version", args: ["--version"] },
  { what: "kms-cedar check examples/abac/key-policy.json", args: ["check", "examples/abac/key-policy.json"] },
];
const rows = [];
for (const c of cases) {
  const bundled = time(c.args, base, RUNS);
  const source = time(c.args, { ...base, KMS_CEDAR_FROM_SOURCE: "1" }, Math.max(3, Math.floor(RUNS / 3)));
  rows.push({ what: c.what, bundleMs: bundled.medianMs, bundleCpuMs: bundled.cpuMedianMs, bundleMaxMs: bundled.maxMs, sourceMs: source.medianMs });
}
const bare = time(["-e", "0"], base, RUNS, []);
const load = loadavg().map((x) => x.toFixed(2)).join(", ");
const s = (ms: number | undefined): string => (ms === undefined ? "n/a" : `${(ms / 1000).toFixed(2)} s`);
console.log("");
console.log(`load average ${load}; a bare \`node -e 0\` takes ${s(bare.medianMs)} wall, ${s(bare.cpuMedianMs)} CPU here (the floor of any CLI start)`);
console.log("| command | bundle: wall (median) | bundle: CPU (median) | bundle: wall (max) | TypeScript through tsx: wall (median) | target < 0.5 s |");
console.log("|---|---:|---:|---:|---:|---|");
for (const r of rows) {
  console.log(`| ${r.what} | ${s(r.bundleMs)} | ${s(r.bundleCpuMs)} | ${s(r.bundleMaxMs)} | ${s(r.sourceMs)} | ${current && r.bundleMs < 500 ? "met" : "NOT met"} (wall)${r.bundleCpuMs !== undefined ? `, ${current && r.bundleCpuMs < 500 ? "met" : "NOT met"} (CPU)` : ""} |`);
}
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/cli.json", import.meta.url), `${JSON.stringify({ benchmark: "cli", quick: QUICK, freshClone: FRESH, node: process.version, date: new Date().toISOString(), loadAverage: loadavg(), bundleCurrent: current,
  nodeAloneMs: bare.medianMs, nodeAloneCpuMs: bare.cpuMedianMs, rows }, null, 2)}\n`);
console.log("\nwrote bench/results/cli.json");
