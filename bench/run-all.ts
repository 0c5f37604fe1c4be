// `npm run bench [-- --quick]`: every benchmark of the project, each in its own process (fresh heap,
// its own node flags), in order: the JSON front end, decisions at seed and organisation scale, compile
// speed and cost curve, CLI start-up, conformance throughput. Each prints its table and writes
// bench/results/<name>.json; `npm run figures` then writes README's "Performance and figures".
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const QUICK = process.argv.includes("--quick");
const runTs = fileURLToPath(new URL("../scripts/run-ts.js", import.meta.url));
const at = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const quick = QUICK ? ["--quick"] : [];
const steps: { name: string; node?: string[]; file: string; args: string[] }[] = [
  { name: "front end", file: at("./front-end.ts"), args: QUICK ? ["--reps", "3", "--ms", "60"] : [] },
  // --expose-gc and a large young generation: the allocation measurement (bench/measure.ts).
  { name: "decisions", node: ["--expose-gc", "--max-semi-space-size=64"], file: at("./decide-scale.ts"), args: quick },
  { name: "compile", file: at("./compile.ts"), args: quick },
  { name: "CLI start", file: at("./cli-start.ts"), args: quick },
  { name: "conformance", file: at("./conformance-rate.ts"), args: quick },
];
let failed = 0;
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const r = spawnSync(process.execPath, [...(step.node ?? []), runTs, step.file, ...step.args], { stdio: "inherit" });
  if (r.status !== 0) failed++, process.stdout.write(`(${step.name} failed: exit ${r.status})\n`);
}
process.exitCode = failed > 0 ? 1 : 0;
