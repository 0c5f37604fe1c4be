// CLI start-up benchmark of issue 14 (a program, not a test): wall time of `kms-cedar --version` and
// of `kms-cedar check` on one small file, each a fresh `node compiler/bin/kms-cedar.js` process
// (spawnSync; median and max over RUNS), from the esbuild bundle (current after `npm ci`, which runs
// the root `prepare` script) and from the TypeScript sources through tsx (KMS_CEDAR_FROM_SOURCE=1).
// Writes bench/results/cli.json. Run: node scripts/run-ts.js bench/cli-start.ts [--quick]
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleIsCurrent } from "../compiler/bin/launch.js";

const QUICK = process.argv.includes("--quick");
const RUNS = QUICK ? 5 : 15;
const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../compiler/bin/kms-cedar.js", import.meta.url));
const bundle = fileURLToPath(new URL("../compiler/dist/cli.js", import.meta.url));

function time(args: readonly string[], env: NodeJS.ProcessEnv, runs: number, script: readonly string[] = [cli]): { medianMs: number; maxMs: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [...script, ...args], { cwd: root, env, encoding: "utf8" });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`kms-cedar ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]! };
}

// The scenario is a fresh clone after `npm ci`, which runs the root `prepare` script: do what it does
// when the bundle is missing or older than a source file.
if (!bundleIsCurrent(bundle)) {
  console.log("cli-start: compiler/dist/cli.js missing or stale; running scripts/prepare-cli.js (what `npm ci` runs)");
  spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/prepare-cli.js", import.meta.url))], { stdio: "inherit" });
}
const current = bundleIsCurrent(bundle);
console.log(`cli-start: Node ${process.version}, ${RUNS} runs each; compiler/dist/cli.js is ${current ? "current" : "MISSING OR STALE (run `npm run prepare`)"}`);
const base = { ...process.env, NO_COLOR: "1" };
const cases = [
  { what: "kms-cedar --version", args: ["--version"] },
  { what: "kms-cedar check examples/abac/key-policy.json", args: ["check", "examples/abac/key-policy.json"] },
];
const rows = [];
for (const c of cases) {
  const bundled = time(c.args, base, RUNS);
  const source = time(c.args, { ...base, KMS_CEDAR_FROM_SOURCE: "1" }, Math.max(3, Math.floor(RUNS / 3)));
  rows.push({ what: c.what, bundleMs: bundled.medianMs, bundleMaxMs: bundled.maxMs, sourceMs: source.medianMs });
}
const bare = time(["-e", "0"], base, RUNS, []);
console.log("");
console.log(`(a bare \`node -e 0\` takes ${(bare.medianMs / 1000).toFixed(2)} s here: the floor of any CLI start)`);
console.log("| command | bundle (median) | bundle (max) | TypeScript through tsx (median) | target |");
console.log("|---|---:|---:|---:|---|");
for (const r of rows) {
  console.log(`| ${r.what} | ${(r.bundleMs / 1000).toFixed(2)} s | ${(r.bundleMaxMs / 1000).toFixed(2)} s | ${(r.sourceMs / 1000).toFixed(2)} s | < 0.5 s: ${current && r.bundleMs < 500 ? "met" : "NOT met"} |`);
}
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/cli.json", import.meta.url), `${JSON.stringify({ benchmark: "cli", quick: QUICK, node: process.version, date: new Date().toISOString(), bundleCurrent: current, nodeAloneMs: bare.medianMs, rows }, null, 2)}\n`);
console.log("\nwrote bench/results/cli.json");
