// Benchmark (a program, not a test): decisions per second of the graph evaluator, of cedar-wasm
// `statefulIsAuthorized` on equivalent hand-written Cedar (requests pre-encoded), of the compiled
// Cedar through `createCedarAuthorizer` (our encoder + cedar-wasm, the real path), and of the
// reference evaluator, on (a) the seed ABAC bundle and (b) a bundle of 50 varied statements.
// Prints medians and ratios.
// Run: node scripts/run-ts.js bench/decide.ts [--quick]
import { createRequire } from "node:module";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { DecisionResult } from "@kms-cedar/runtime";
import { fiftyStatements, seedAbac } from "./decide-bundles.js";
import type { BenchBundle } from "./decide-bundles.js";

const require = createRequire(import.meta.url);
const cedar = require("@cedar-policy/cedar-wasm/nodejs") as {
  preparsePolicySet(id: string, policies: { staticPolicies: Record<string, string> }): { type: string; errors?: unknown };
  statefulIsAuthorized(call: unknown): { type: string; response?: { decision: string }; errors?: unknown };
};

const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 3 : 7;

/** Median decisions per second of `run(n)` over ROUNDS rounds of about `seconds` each. */
function measure(run: (n: number) => number, seconds: number): number {
  let n = 1;
  while (true) {
    const t = performance.now();
    run(n);
    const ms = performance.now() - t;
    if (ms > 50) {
      n = Math.max(1, Math.round((n * seconds * 1000) / ms));
      break;
    }
    n *= 4;
  }
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    run(n);
    rates.push(n / ((performance.now() - t) / 1000));
  }
  rates.sort((x, y) => x - y);
  return rates[Math.floor(rates.length / 2)]!;
}

function kind(r: DecisionResult): string {
  return "error" in r ? r.error.code : r.decision;
}

function benchOne(b: BenchBundle): { graph: number; cedar: number; compiledCedar: number; reference: number } {
  const compiled = compileBundle(b.bundle);
  if (compiled.graph === undefined) throw new Error(`${b.name} does not compile: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
  const authorizer = createAuthorizer(compiled.graph);
  if (compiled.cedar === undefined) throw new Error(`${b.name} gives no Cedar output`);
  const compiledCedar = createCedarAuthorizer(compiled.cedar);
  const id = `bench-${b.name}`;
  const parsed = cedar.preparsePolicySet(id, { staticPolicies: b.cedar });
  if (parsed.type !== "success") throw new Error(`cedar does not parse: ${JSON.stringify(parsed.errors)}`);
  const calls = b.cedarCalls.map((c) => ({ ...c, preparsedPolicySetId: id, validateRequest: false }));

  // The three engines must agree on every request before anything is timed.
  const mix: Record<string, number> = {};
  b.requests.forEach((request, i) => {
    const g = kind(authorizer.decide(request));
    const r = kind(evaluateReference(b.bundle as never, request as never) as DecisionResult);
    const answer = cedar.statefulIsAuthorized(calls[i]);
    if (answer.type !== "success") throw new Error(`cedar failed on request ${i}: ${JSON.stringify(answer.errors)}`);
    const c = answer.response!.decision === "allow" ? "Allow" : "deny";
    const cc = kind(compiledCedar.decide(request));
    if (g !== r || cc !== r || (g === "Allow") !== (c === "Allow")) throw new Error(`${b.name} request ${i}: graph ${g}, reference ${r}, cedar ${c}, compiled cedar ${cc}`);
    mix[g] = (mix[g] ?? 0) + 1;
  });
  console.log(`${b.name}: ${b.statements} statements, ${compiled.graph.nodes.length} graph nodes, ${b.requests.length} requests ${JSON.stringify(mix)}, ${Object.keys(b.cedar).length} Cedar policies`);

  const requests = b.requests;
  let sink = 0;
  const graph = measure((n) => {
    for (let i = 0; i < n; i++) sink += authorizer.decide(requests[i % requests.length]!) === undefined ? 1 : 0;
    return sink;
  }, QUICK ? 0.2 : 0.5);
  const cedarRate = measure((n) => {
    for (let i = 0; i < n; i++) sink += cedar.statefulIsAuthorized(calls[i % calls.length]).type.length;
    return sink;
  }, QUICK ? 0.2 : 0.5);
  const compiledRate = measure((n) => {
    for (let i = 0; i < n; i++) sink += compiledCedar.decide(requests[i % requests.length]!) === undefined ? 1 : 0;
    return sink;
  }, QUICK ? 0.2 : 0.5);
  const reference = measure((n) => {
    for (let i = 0; i < n; i++) sink += evaluateReference(b.bundle as never, requests[i % requests.length] as never) === undefined ? 1 : 0;
    return sink;
  }, QUICK ? 0.2 : 0.5);
  return { graph, cedar: cedarRate, compiledCedar: compiledRate, reference };
}

const fmt = (x: number): string => Math.round(x).toLocaleString("en-US").padStart(12);
console.log(`decide benchmark: Node ${process.version}, median of ${ROUNDS} rounds, decisions/s`);
for (const b of [seedAbac(), fiftyStatements()]) {
  const r = benchOne(b);
  console.log(`  graph evaluator      ${fmt(r.graph)}`);
  console.log(`  cedar-wasm stateful  ${fmt(r.cedar)}   graph/cedar     ${(r.graph / r.cedar).toFixed(0)}×`);
  console.log(`  compiled Cedar (encoder + cedar-wasm) ${fmt(r.compiledCedar).trimStart()}   graph/compiled Cedar ${(r.graph / r.compiledCedar).toFixed(0)}×`);
  console.log(`  reference evaluator  ${fmt(r.reference)}   graph/reference ${(r.graph / r.reference).toFixed(0)}×`);
  const ok = (b.name.startsWith("(a)") ? r.graph >= 1_000_000 : true) && r.graph / Math.max(r.cedar, r.compiledCedar) >= 100;
  console.log(`  targets (${b.name.startsWith("(a)") ? "≥ 1,000,000/s and " : ""}≥ 100× cedar-wasm): ${ok ? "met" : "NOT met"}`);
}
