// In-process allocation A/B: JS heap bytes per decision (measure.ts `measureAllocations`) of the graph of
// each runtime tree (argv), on the org bundles (plain and layered), alternating trees for ROUNDS rounds.
// Run: nice node --expose-gc --max-semi-space-size=64 scripts/run-ts.js bench/ab/alloc-ab.ts /work/main "$PWD" (SCALE, ROUNDS, ONLY="org"|"org with layers", JSON=1)
import { compileBundle } from "@kms-cedar/compiler";
import { measureAllocations, observerDone } from "../measure.js";
import { importTrees, orgScenarios } from "./ab-inputs.js";

const roots = process.argv.slice(2);
const mods = await importTrees(roots);
for (const [name, s] of orgScenarios()) {
  const graph = compileBundle(s.bundle, { cedar: false }).graph!;
  const auths = mods.map((m) => m.createAuthorizer(graph));
  // Warm up: every request once per tree (caches filled, code optimized), as the measured passes find them.
  for (const a of auths) for (let pass = 0; pass < 3; pass++) for (const r of s.requests) a.decide(r);
  const bytes: number[][] = roots.map(() => []);
  for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
    for (let t = 0; t < auths.length; t++) {
      const a = auths[t]!;
      const b = await measureAllocations((i) => a.decide(s.requests[i % s.requests.length]!), 4096);
      if (b !== undefined) bytes[t]!.push(b);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`${name}: B/decision ` + roots.map((r, t) => `${r.replace(/.*\//, "")} ${bytes[t]!.map((b) => b.toFixed(0)).join(" ")} (median ${median(bytes[t]!).toFixed(0)})`).join(" | "));
}
observerDone();
