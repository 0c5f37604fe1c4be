// In-process A/B on the seed bundle: the closure and the graph of each runtime tree (argv: roots), in
// measureInterleaved turns (10 per round); the trees' order is reversed every round (import-order bias).
// Run: nice node --expose-gc --max-semi-space-size=64 scripts/run-ts.js bench/ab/seed-ab.ts /work/main "$PWD" (ROUNDS, BUDGET ms, COUNT;
// FRESH=1: each engine decides fresh copies of each batch, as bench/decide-scale.ts does; else the same objects every pass)
import { compileBundle } from "@kms-cedar/compiler";
import { seedAbac } from "../decide-bundles.js";
import { seedRequests, seedClosure } from "../seed-abac.js";
import { FreshRequests, measureInterleaved } from "../measure.js";
import type { Timed } from "../measure.js";
import { importTrees } from "./ab-inputs.js";
const roots = process.argv.slice(2);
const mods = await importTrees(roots);
const requests = seedRequests(Number(process.env.COUNT ?? 4096));
const graph = compileBundle(seedAbac().bundle, { cedar: false }).graph!;
let auths = mods.map((m) => m.createAuthorizer(graph));
let names = roots.map((r) => r.replace(/.*\//, ""));
for (const r of requests) { const x = JSON.stringify(auths[0]!.decide(r)); for (const a of auths) if (JSON.stringify(a.decide(r)) !== x) throw new Error("disagree"); }
const paired: number[] = [];
const ratio: Record<string, number[]> = {};
for (let round = 0; round < Number(process.env.ROUNDS ?? 8); round++) {
  const timed = (decide: (r: (typeof requests)[number]) => unknown): Timed => {
    if (process.env.FRESH !== "1") return (s: number, e: number) => { for (let i = s; i < e; i++) decide(requests[i]!); };
    const fresh = new FreshRequests(requests);
    return { decide: (s: number, e: number) => { for (let i = s; i < e; i++) decide(fresh.live[i]!); }, refresh: fresh.refresh };
  };
  const lat = measureInterleaved([timed(seedClosure), ...auths.map((a) => timed((r) => a.decide(r)))], requests.length, Number(process.env.BUDGET ?? 1500), 10);
  const c = lat[0]!;
  const by = new Map(names.map((n, i) => [n, lat[i + 1]!]));
  console.log(`round ${round}: closure median ${(c.medianUs * 1000).toFixed(0)} ns | ` + names.map((n) => `${n} median ${(by.get(n)!.medianUs * 1000).toFixed(0)} ns, graph/closure rate ${(by.get(n)!.perSecond / c.perSecond).toFixed(2)}`).join(" | "));
  for (const n of names) (ratio[n] ??= []).push(by.get(n)!.perSecond / c.perSecond);
  const first = roots[0]!.replace(/.*\//, ""), second = (roots[1] ?? "").replace(/.*\//, "");
  if (roots.length === 2) paired.push(by.get(second)!.perSecond / by.get(first)!.perSecond);
  auths = [...auths].reverse(); names = [...names].reverse();
}
const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (const [n, xs] of Object.entries(ratio)) console.log(`${n}: graph/closure rate per round ${xs.map((x) => x.toFixed(2)).join(" ")}; median ${med(xs).toFixed(2)}`);
if (paired.length > 0) console.log(`rate ${roots[1]!.replace(/.*\//, "")}/${roots[0]!.replace(/.*\//, "")} per round: ${paired.map((x) => x.toFixed(3)).join(" ")}; median ${med(paired).toFixed(3)}`);
