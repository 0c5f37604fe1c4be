// Decision benchmark of issue 14 (a program, not a test): on distinct requests, for the seed ABAC
// bundle and the generated organisation-scale bundle (bench/org-bundle.ts), the median and p99
// latency per decision, decisions/s and JS heap bytes allocated per decision of
//   - the graph evaluator (createAuthorizer): decide, and decideMany in batches of 64;
//   - a hand-written closure for the seed bundle (bench/seed-abac.ts: the physical limit);
//   - the same organisation with grants and ceilings (orgLayeredScenario): graph and Cedar;
//   - the compiled Cedar through createCedarAuthorizer (our encoder + cedar-wasm statefulIsAuthorized):
//     decide, and decideMany;
// then the ratios the issue targets. Every engine is checked against the others on the requests
// before anything is timed. Every engine decides fresh copies of the requests (measure.ts), parsed
// again before each timed batch, as a service decides requests it has just parsed. Writes bench/results/decide.json (README figures: `npm run figures`).
// Run: node --expose-gc --max-semi-space-size=64 scripts/run-ts.js bench/decide-scale.ts [--quick]
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Bundle, DecisionResult, Request } from "@kms-cedar/runtime";
import { seedAbac } from "./decide-bundles.js";
import { BATCH, FreshRequests, measureAllocations, measureInterleaved, measureLatency, observerDone } from "./measure.js";
import type { Latency, Timed } from "./measure.js";
import { orgLayeredScenario, orgScenario, seedShaped } from "./org-bundle.js";
import { seedClosure, seedRequests } from "./seed-abac.js";

const QUICK = process.argv.includes("--quick");
const COUNT = QUICK ? 2048 : 4096;
const BUDGET_MS = QUICK ? 300 : 2000;
/** Requests checked against the reference evaluator and Cedar on the org bundle (each is slow there). */
const ORG_CHECKED = QUICK ? 256 : 1024;

interface Row extends Latency {
  readonly bundle: string;
  readonly engine: string;
  readonly bytesPerDecision: number | undefined;
}

const kind = (r: DecisionResult): string => ("error" in r ? `error ${r.error.code}` : r.decision);

function compile(name: string, bundle: Bundle) {
  const t = performance.now();
  const compiled = compileBundle(bundle);
  const ms = performance.now() - t;
  if (compiled.graph === undefined || compiled.cedar === undefined) {
    throw new Error(`${name} does not compile: ${compiled.diagnostics.filter((d) => d.severity === "error").slice(0, 3).map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return { graph: createAuthorizer(compiled.graph), cedar: createCedarAuthorizer(compiled.cedar), ms, nodes: compiled.graph.nodes.length };
}

/** Throws unless `a` and `b` give the same kind of answer on every request of `requests` (the first `limit`). */
function agree(what: string, requests: readonly Request[], a: (r: Request) => string, b: (r: Request) => string, limit = requests.length): Record<string, number> {
  const mix: Record<string, number> = {};
  for (let i = 0; i < Math.min(limit, requests.length); i++) {
    const x = a(requests[i]!);
    const y = b(requests[i]!);
    if (x !== y) throw new Error(`${what} disagree on request ${i} (${JSON.stringify(requests[i])}): ${x} vs ${y}`);
    mix[x] = (mix[x] ?? 0) + 1;
  }
  return mix;
}

/** `decide` timed on fresh copies of `requests` (measure.ts: parsed again before each batch, untimed). */
function onFresh(requests: readonly Request[], decide: (r: Request) => unknown): Timed {
  const fresh = new FreshRequests(requests);
  return { decide: (s, e) => { for (let i = s; i < e; i++) decide(fresh.live[i]!); }, refresh: fresh.refresh };
}

/** `decideMany` timed on fresh copies of `requests`, a batch at a time. */
function manyOnFresh(requests: readonly Request[], decideMany: (rs: readonly Request[]) => unknown): Timed {
  const fresh = new FreshRequests(requests);
  let batch: Request[] = [];
  return { decide: () => decideMany(batch), refresh: (s, e) => { fresh.refresh(s, e); batch = fresh.live.slice(s, e); } };
}

async function measureEngine(bundle: string, engine: string, requests: readonly Request[], decide: (r: Request) => unknown,
  decideMany: ((rs: readonly Request[]) => unknown) | undefined, budgetMs: number, measured?: Latency): Promise<Row[]> {
  const rows: Row[] = [];
  const single = measured ?? measureLatency(onFresh(requests, decide), requests.length, budgetMs);
  const bytes = await measureAllocations((i) => decide(requests[i % requests.length]!), Math.min(2048, requests.length));
  rows.push({ bundle, engine, ...single, bytesPerDecision: bytes });
  if (decideMany !== undefined) {
    const batches: Request[][] = [];
    for (let s = 0; s < requests.length; s += BATCH) batches.push(requests.slice(s, s + BATCH));
    const many = measureLatency(manyOnFresh(requests, decideMany), requests.length, budgetMs);
    const manyBytes = await measureAllocations((i) => (i % BATCH === 0 ? decideMany(batches[(i / BATCH) % batches.length]!) : undefined), Math.min(2048, requests.length));
    rows.push({ bundle, engine: `${engine} decideMany(${BATCH})`, ...many, bytesPerDecision: manyBytes });
  }
  return rows;
}

const fmt = (x: number, digits = 0): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

const CEDAR_BUDGET_MS = QUICK ? 1000 : 4000;
const contextKeys = (rs: readonly Request[]): number => rs.reduce((t, r) => t + Object.keys((r as { context?: object }).context ?? {}).length, 0) / rs.length;

/** The seed ABAC bundle: the closure and the graph in alternating turns (their ratio compares the same moments of the machine), and Cedar. */
async function measureSeed(rows: Row[]): Promise<{ contextKeys: number }> {
  const seed = seedAbac();
  const requests = seedRequests(COUNT);
  const engines = compile("seed", seed.bundle);
  const mix = agree("graph and closure", requests, (r) => kind(engines.graph.decide(r)), (r) => seedClosure(r));
  agree("graph and reference", requests, (r) => kind(engines.graph.decide(r)), (r) => kind(evaluateReference(seed.bundle as never, r as never) as DecisionResult));
  agree("graph and Cedar", requests, (r) => kind(engines.graph.decide(r)), (r) => kind(engines.cedar.decide(r)));
  console.log(`seed ABAC: ${seed.statements} statements, ${engines.nodes} graph nodes; closure, reference, graph and Cedar agree on all ${requests.length} requests ${JSON.stringify(mix)}`);
  const [closure, graph] = measureInterleaved([onFresh(requests, seedClosure), onFresh(requests, (r) => engines.graph.decide(r))], requests.length, BUDGET_MS, 10);
  rows.push(
    ...await measureEngine("seed", "closure (hand-written)", requests, seedClosure, undefined, BUDGET_MS, closure),
    ...await measureEngine("seed", "graph", requests, (r) => engines.graph.decide(r), (rs) => engines.graph.decideMany(rs), BUDGET_MS, graph),
    ...await measureEngine("seed", "cedar-wasm", requests, (r) => engines.cedar.decide(r), (rs) => engines.cedar.decideMany(rs), CEDAR_BUDGET_MS),
  );
  return { contextKeys: contextKeys(requests) };
}

/** The organisation without layers: graph (its requests, and reshaped like the seed's), Cedar, and the graph against the organisation's size. */
async function measureOrg(rows: Row[]) {
  // --quick: a quarter of the organisation (its Cedar compile takes minutes on a busy machine).
  const org = orgScenario(QUICK ? { keys: 250, roles: 500, requests: COUNT } : { requests: COUNT });
  const keys = Object.keys(org.bundle.keys ?? {}).length;
  const roles = Object.keys(org.bundle.principals ?? {}).length;
  const engines = compile("org", org.bundle);
  const mix = agree("graph and Cedar (org)", org.requests, (r) => kind(engines.graph.decide(r)), (r) => kind(engines.cedar.decide(r)), ORG_CHECKED);
  agree("graph and reference (org)", org.requests, (r) => kind(engines.graph.decide(r)), (r) => kind(evaluateReference(org.bundle as never, r as never) as DecisionResult), ORG_CHECKED);
  // The org bundle on requests of the seed's shape (five context keys): the bundle's share of the ratio.
  const seedShapedRequests = seedShaped(org.requests);
  const shapedMix = agree("graph and reference (org, seed-shaped requests)", seedShapedRequests, (r) => kind(engines.graph.decide(r)), (r) => kind(evaluateReference(org.bundle as never, r as never) as DecisionResult), ORG_CHECKED);
  const fullMix: Record<string, number> = {};
  for (const r of org.requests) { const k = kind(engines.graph.decide(r)); fullMix[k] = (fullMix[k] ?? 0) + 1; }
  console.log(`org: ${keys} keys, ${roles} roles, ${org.statements} statements (${org.keyStatements} in key policies, ${org.identityStatements} in identity policies), ${engines.nodes} graph nodes, compiled with Cedar in ${fmt(engines.ms / 1000, 1)} s`);
  // The two request sets differ in size, whatever the bundle: a decision reads its whole request (strictly, DESIGN §2).
  const shape = { orgContextKeys: contextKeys(org.requests), orgSeedShapedContextKeys: contextKeys(seedShapedRequests) };
  console.log(`  context keys per request: org ${shape.orgContextKeys.toFixed(1)}, org seed-shaped ${shape.orgSeedShapedContextKeys.toFixed(1)}; load average ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
  console.log(`  seed-shaped org requests: graph and reference agree on the first ${Math.min(ORG_CHECKED, seedShapedRequests.length)} ${JSON.stringify(shapedMix)}`);
  console.log(`  graph decisions on the ${org.requests.length} requests ${JSON.stringify(fullMix)}; reference, graph and Cedar agree on the first ${Math.min(ORG_CHECKED, org.requests.length)} ${JSON.stringify(mix)}`);
  rows.push(
    ...await measureEngine("org", "graph", org.requests, (r) => engines.graph.decide(r), (rs) => engines.graph.decideMany(rs), BUDGET_MS),
    ...await measureEngine("org", "graph, seed-shaped requests", seedShapedRequests, (r) => engines.graph.decide(r), undefined, BUDGET_MS),
    ...await measureEngine("org", "cedar-wasm", org.requests.slice(0, QUICK ? 256 : 1024), (r) => engines.cedar.decide(r), (rs) => engines.cedar.decideMany(rs), CEDAR_BUDGET_MS),
  );
  // The graph's cost per decision against the size of the organisation (same request generator):
  // flat when a decision walks only the statements of the request's key and caller.
  const bySize: { statements: number; perSecond: number; medianUs: number; p99Us: number }[] = [];
  for (const f of QUICK ? [1 / 8, 1] : [1 / 16, 1 / 4, 1]) {
    const scaled = f === 1 ? { bundle: org.bundle, requests: org.requests } : orgScenario({ keys: Math.round(keys * f), roles: Math.round(roles * f), requests: COUNT });
    const g = f === 1 ? engines.graph : createAuthorizer(compileBundle(scaled.bundle, { cedar: false }).graph!);
    const l = measureLatency(onFresh(scaled.requests, (r) => g.decide(r)), scaled.requests.length, BUDGET_MS / 2);
    bySize.push({ statements: g.graph.statements.length, perSecond: l.perSecond, medianUs: l.medianUs, p99Us: l.p99Us });
  }
  return {
    shape, bySize,
    summary: { scale: QUICK ? "quarter (--quick)" : "full", keys, roles, statements: org.statements, keyStatements: org.keyStatements, identityStatements: org.identityStatements, compileMs: engines.ms },
  };
}

/** The same organisation with grants and ceilings (SCPs, an RCP, boundaries, a VPC endpoint): graph and Cedar. */
async function measureLayered(rows: Row[]) {
  const layered = orgLayeredScenario(QUICK ? { keys: 250, roles: 500, requests: COUNT } : { requests: COUNT });
  const engines = compile("org with layers", layered.bundle);
  const mix = agree("graph and Cedar (org with layers)", layered.requests, (r) => kind(engines.graph.decide(r)), (r) => kind(engines.cedar.decide(r)), ORG_CHECKED);
  agree("graph and reference (org with layers)", layered.requests, (r) => kind(engines.graph.decide(r)), (r) => kind(evaluateReference(layered.bundle as never, r as never) as DecisionResult), ORG_CHECKED);
  const byLayer: Record<string, number> = {};
  for (const r of layered.requests) {
    const d = engines.graph.decide(r);
    const k = "error" in d ? `error ${d.error.code}` : `${d.decision}${[...new Set(d.reasons.flatMap((x) => ("layer" in x && x.layer !== undefined ? [` ${x.layer}`] : [])))].sort().join("")}`;
    byLayer[k] = (byLayer[k] ?? 0) + 1;
  }
  console.log(`org with layers: ${layered.grants} grants, ${layered.boundaries} boundaries, SCPs, an RCP, a VPC endpoint; compiled with Cedar in ${fmt(engines.ms / 1000, 1)} s`);
  console.log(`  graph decisions by deciding layer ${JSON.stringify(byLayer)}; reference, graph and Cedar agree on the first ${Math.min(ORG_CHECKED, layered.requests.length)} ${JSON.stringify(mix)}`);
  rows.push(
    ...await measureEngine("org with layers", "graph", layered.requests, (r) => engines.graph.decide(r), (rs) => engines.graph.decideMany(rs), BUDGET_MS),
    ...await measureEngine("org with layers", "cedar-wasm", layered.requests.slice(0, QUICK ? 256 : 1024), (r) => engines.cedar.decide(r), undefined, CEDAR_BUDGET_MS),
  );
  return { grants: layered.grants, boundaries: layered.boundaries, compileMs: engines.ms, decisions: byLayer };
}

async function main(): Promise<void> {
  console.log(`decide-scale: Node ${process.version}${QUICK ? " (--quick)" : ""}, ${COUNT} distinct requests per bundle, batches of ${BATCH}, ${BUDGET_MS} ms per measurement`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) console.log("  (no --expose-gc: allocation figures are less reliable)");
  // Each scenario is measured before the next is built, and dropped after: a figure carries the heap
  // of its own bundle only (the seed measured beside the organisations' 900 MB was a different
  // figure: the collector and the caches paid for a heap the seed does not have).
  const rows: Row[] = [];
  const seed = await measureSeed(rows);
  gc?.();
  const org = await measureOrg(rows);
  gc?.();
  const layers = await measureLayered(rows);
  observerDone();
  const requestShape = { seedContextKeys: seed.contextKeys, ...org.shape };
  const bySize = org.bySize;

  console.log("");
  console.log(`| bundle | engine | median µs/decision | p99 µs/decision | decisions/s | JS heap bytes/decision |`);
  console.log(`|---|---|---:|---:|---:|---:|`);
  for (const r of rows) {
    console.log(`| ${r.bundle} | ${r.engine} | ${fmt(r.medianUs, 3)} | ${fmt(r.p99Us, 3)} | ${fmt(r.perSecond)} | ${r.bytesPerDecision === undefined ? "n/a" : fmt(r.bytesPerDecision)} |`);
  }
  console.log("");
  console.log("| graph, org scaled: statements | median µs/decision | p99 µs/decision | decisions/s |");
  console.log("|---:|---:|---:|---:|");
  for (const b of bySize) console.log(`| ${fmt(b.statements)} | ${fmt(b.medianUs, 3)} | ${fmt(b.p99Us, 3)} | ${fmt(b.perSecond)} |`);
  const rate = (bundle: string, engine: string): number => rows.find((r) => r.bundle === bundle && r.engine === engine)!.perSecond;
  const ratios = [
    { name: "org/seed rate, graph", value: rate("org", "graph") / rate("seed", "graph"), target: 0.5 },
    // Not the target's measure (that is the org requests): how much of the ratio the bundle alone explains.
    { name: "org (seed-shaped requests)/seed rate, graph", value: rate("org", "graph, seed-shaped requests") / rate("seed", "graph") },
    { name: "org with layers/seed rate, graph", value: rate("org with layers", "graph") / rate("seed", "graph"), target: 0.5 },
    { name: "org/seed rate, Cedar", value: rate("org", "cedar-wasm") / rate("seed", "cedar-wasm"), target: 0.3 },
    { name: "org with layers/seed rate, Cedar", value: rate("org with layers", "cedar-wasm") / rate("seed", "cedar-wasm"), target: 0.3 },
    { name: "seed graph/closure rate", value: rate("seed", "graph") / rate("seed", "closure (hand-written)"), target: 0.5 },
    { name: "graph/cedar-wasm rate, seed", value: rate("seed", "graph") / rate("seed", "cedar-wasm"), target: 1000 },
    { name: "graph/cedar-wasm rate, org", value: rate("org", "graph") / rate("org", "cedar-wasm"), target: 1000 },
    { name: "graph/cedar-wasm rate, org with layers", value: rate("org with layers", "graph") / rate("org with layers", "cedar-wasm"), target: 1000 },
    // The physical limit's own ratio: a graph as fast as the hand-written closure reaches at most this.
    { name: "closure/cedar-wasm rate, seed", value: rate("seed", "closure (hand-written)") / rate("seed", "cedar-wasm") },
    { name: "graph rate, largest / smallest org", value: bySize[bySize.length - 1]!.perSecond / bySize[0]!.perSecond },
    { name: "decideMany/decide rate, graph seed", value: rate("seed", `graph decideMany(${BATCH})`) / rate("seed", "graph") },
    { name: "decideMany/decide rate, graph org", value: rate("org", `graph decideMany(${BATCH})`) / rate("org", "graph") },
    { name: "decideMany/decide rate, Cedar seed", value: rate("seed", `cedar-wasm decideMany(${BATCH})`) / rate("seed", "cedar-wasm") },
  ];
  console.log("");
  for (const r of ratios) {
    const verdict = r.target === undefined ? "" : `  (target ≥ ${r.target}: ${r.value >= r.target ? "met" : "NOT met"})`;
    console.log(`${r.name.padEnd(38)} ${r.value >= 100 ? fmt(r.value) : r.value.toFixed(2)}${verdict}`);
  }
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  const out = {
    benchmark: "decide", quick: QUICK, node: process.version, date: new Date().toISOString(), loadAverage: loadavg(), requests: COUNT, requestShape,
    org: org.summary,
    orgLayers: layers,
    rows, ratios, graphBySize: bySize,
  };
  writeFileSync(new URL("./results/decide.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  console.log("\nwrote bench/results/decide.json");
}

await main();
