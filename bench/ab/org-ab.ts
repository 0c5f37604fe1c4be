// In-process A/B on the org bundles (plain and layered): the graph of each runtime tree (argv), alternating.
// Run: nice node --expose-gc --max-semi-space-size=64 scripts/run-ts.js bench/ab/org-ab.ts /work/main "$PWD" (SCALE, ROUNDS, BUDGET, ONLY="org"|"org with layers", JSON=1, CEDAR=1;
// FRESH=1: each tree decides fresh copies of each batch, as bench/decide-scale.ts does)
import { compileBundle } from "@kms-cedar/compiler";
import { FreshRequests, measureInterleaved } from "../measure.js";
import type { Timed } from "../measure.js";
import { importTrees, orgScenarios } from "./ab-inputs.js";
const roots = process.argv.slice(2);
const mods = await importTrees(roots);
for (const [name, s] of orgScenarios()) {
  const ratios: number[] = [];
  // CEDAR=1: compiled with Cedar too, as bench/decide-scale.ts does (a heap of hundreds of MB).
  const compiled = compileBundle(s.bundle, { cedar: process.env.CEDAR === "1" });
  const graph = compiled.graph!;
  let auths = mods.map((m) => m.createAuthorizer(graph));
  let names = [...roots];
  for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
    const timed = (decide: (r: unknown) => unknown): Timed => {
      if (process.env.FRESH !== "1") return (st: number, e: number) => { for (let i = st; i < e; i++) decide(s.requests[i]!); };
      const fresh = new FreshRequests(s.requests);
      return { decide: (st: number, e: number) => { for (let i = st; i < e; i++) decide(fresh.live[i]!); }, refresh: fresh.refresh };
    };
    const lat = measureInterleaved(auths.map((a) => timed((r) => a.decide(r))), s.requests.length, Number(process.env.BUDGET ?? 2000), 10);
    console.log(`${name} round ${round}: ` + names.map((n, i) => `${n.replace(/.*\//, "")} median ${(lat[i]!.medianUs * 1000).toFixed(0)} ns, rate ${(1e9 / lat[i]!.perSecond).toFixed(0)} ns`).join(" | "));
    const byName = new Map(names.map((n, i) => [n, lat[i]!.perSecond]));
    ratios.push(byName.get(roots[1]!)! / byName.get(roots[0]!)!);
    auths = [...auths].reverse(); names = [...names].reverse();
  }
  ratios.sort((x, y) => x - y);
  console.log(`${name}: rate ${roots[1]!.replace(/.*\//, "")}/${roots[0]!.replace(/.*\//, "")} per round, sorted: ${ratios.map((r) => r.toFixed(3)).join(" ")}; median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}`);
}
