// Benchmark of the JSON front end: parseJson versus JSON.parse on a ~2 KB and a ~30 KB KMS key
// policy (bench/fixtures/), docs/s medians over interleaved repetitions, and their ratio.
// Run: `node scripts/run-ts.js bench/front-end.ts [--reps N] [--ms M]`. A program, not a test.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseJson, toPlainValue } from "@kms-cedar/grammar";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const REPETITIONS = option("--reps", 9);
const SLICE_MS = option("--ms", 150);

interface Fixture {
  readonly name: string;
  readonly text: string;
}

const fixtures: Fixture[] = ["key-policy-2kb.json", "key-policy-30kb.json"].map((name) => ({
  name,
  text: readFileSync(join(here, "fixtures", name), "utf8"),
}));

/** How many calls take about 5 ms: the batch between two clock readings (reading CPU time costs µs). */
function batchSize(parse: (text: string) => unknown, text: string): number {
  const start = performance.now();
  for (let i = 0; i < 16; i++) parse(text);
  const perCall = Math.max((performance.now() - start) / 16, 1e-4);
  return Math.max(16, Math.ceil(5 / perCall));
}

/**
 * Documents per CPU second of `parse` over about `ms` milliseconds of CPU time. CPU time, not
 * wall time, so that other processes on a shared machine distort the figures less.
 */
function throughput(parse: (text: string) => unknown, text: string, ms: number, batch: number): number {
  let count = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < ms * 1000) {
    for (let i = 0; i < batch; i++) parse(text);
    count += batch;
    const delta = process.cpuUsage(start);
    used = delta.user + delta.system;
  }
  return (count * 1e6) / used;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ours = (text: string): unknown => parseJson(text);
const native = (text: string): unknown => JSON.parse(text);

const results: { name: string; bytes: number; docsPerSecond: number; ratio: number }[] = [];
console.log(`node ${process.version}, ${REPETITIONS} interleaved repetitions of ${SLICE_MS} ms of CPU time per parser and document`);
for (const { name, text } of fixtures) {
  // Sanity: the fixture is valid and parseJson agrees with JSON.parse on it.
  const result = parseJson(text);
  if (result.diagnostics.length > 0 || result.root === undefined) {
    throw new Error(`${name}: parseJson reported ${result.diagnostics.map((d) => d.code).join(", ")}`);
  }
  if (!isDeepStrictEqual(toPlainValue(result.root), JSON.parse(text))) throw new Error(`${name}: trees differ`);

  throughput(ours, text, 300, 16); // warm-up
  throughput(native, text, 300, 16);
  const oursBatch = batchSize(ours, text);
  const nativeBatch = batchSize(native, text);
  const oursRates: number[] = [];
  const nativeRates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    const a = throughput(ours, text, SLICE_MS, oursBatch);
    const b = throughput(native, text, SLICE_MS, nativeBatch);
    oursRates.push(a);
    nativeRates.push(b);
    ratios.push(b / a);
  }
  const bytes = Buffer.byteLength(text);
  const oursMedian = median(oursRates);
  const nativeMedian = median(nativeRates);
  console.log(`\n${name} (${bytes} bytes)`);
  console.log(`  parseJson   ${oursMedian.toFixed(0).padStart(8)} docs/s  (${(1e6 / oursMedian).toFixed(1)} µs/doc)`);
  console.log(`  JSON.parse  ${nativeMedian.toFixed(0).padStart(8)} docs/s  (${(1e6 / nativeMedian).toFixed(1)} µs/doc)`);
  results.push({ name, bytes, docsPerSecond: oursMedian, ratio: nativeMedian / oursMedian });
  console.log(`  ratio parseJson/JSON.parse: ${(nativeMedian / oursMedian).toFixed(2)}x slower`
    + ` (median of per-repetition ratios ${median(ratios).toFixed(2)}x, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
}
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "front-end.json"), `${JSON.stringify({ benchmark: "front-end", node: process.version, date: new Date().toISOString(), repetitions: REPETITIONS, results }, null, 2)}\n`);
