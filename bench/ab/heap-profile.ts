// Where the graph's decisions allocate: the inspector's sampling heap profiler over repeated passes of the
// org bundles' requests (one runtime tree, argv[2], default this one), top allocation sites by bytes.
// Run: nice node --expose-gc --max-semi-space-size=64 scripts/run-ts.js bench/ab/heap-profile.ts [tree] (SCALE, ONLY, PASSES, TOP)
import { Session } from "node:inspector/promises";
import { compileBundle } from "@kms-cedar/compiler";
import { importTrees, orgScenarios } from "./ab-inputs.js";

const root = process.argv[2] ?? new URL("../..", import.meta.url).pathname;
const { createAuthorizer } = (await importTrees([root]))[0]!;
process.env.ONLY ??= "org with layers";
const first = orgScenarios().next();
if (first.done === true) throw new Error(`ONLY=${process.env.ONLY}: no such scenario`);
const [which, s] = first.value;
const auth = createAuthorizer(compileBundle(s.bundle, { cedar: false }).graph!);
for (let pass = 0; pass < 3; pass++) for (const r of s.requests) auth.decide(r);
const session = new Session();
session.connect();
// A small interval (bytes) so that short-lived objects are sampled; the sites are compared with each other.
await session.post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const passes = Number(process.env.PASSES ?? 20);
for (let pass = 0; pass < passes; pass++) for (const r of s.requests) auth.decide(r);
const { profile } = await session.post("HeapProfiler.stopSampling");
interface Node { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; selfSize: number; children: Node[] }
const bySite = new Map<string, number>();
const walk = (n: Node, stack: string[]): void => {
  const here = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/.*\/src\//, "")}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const path = [...stack, here];
  if (n.selfSize > 0) { const key = path.slice(-Number(process.env.DEPTH ?? 3)).join(" ← "); bySite.set(key, (bySite.get(key) ?? 0) + n.selfSize); }
  for (const c of n.children) walk(c, path);
};
walk((profile as { head: Node }).head, []);
const decisions = passes * s.requests.length;
const rows = [...bySite].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.TOP ?? 25));
const total = [...bySite.values()].reduce((x, y) => x + y, 0);
console.log(`${which}: ~${(total / decisions).toFixed(0)} B/decision sampled over ${decisions} decisions`);
for (const [site, bytes] of rows) console.log(`${(bytes / decisions).toFixed(1).padStart(7)} B  ${site}`);
session.disconnect();
