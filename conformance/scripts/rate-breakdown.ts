// Where a three-engine conformance case spends its CPU (issue 14: ≥ 3,000 cases/s with 2 workers, i.e.
// ≤ 0.67 ms of CPU a case). Draws generated bundles as `run` does (128 requests each, one per operator
// variant spread over the list, fixed seeds) and measures, per bundle: the first compile with Cedar
// (its strict validation alone too: the schema's parse, then the policies), the engines' readying, and
// per request each engine's decision and cedar-wasm's call without the runtime around it, taken apart
// (no policies; no schema; no context; no entities). Prints the per-bundle cost F, the per-request cost
// r, and the CPU a case needs at 128 requests a bundle (F/128 + r) and with any number (r).
// A program, not a test. Run: node scripts/run-ts.js conformance/scripts/rate-breakdown.ts [--bundles N]
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler/api";
import { createAuthorizer, createCedarAuthorizer, loadCedar } from "@kms-cedar/runtime";
import type { CedarManifest } from "@kms-cedar/runtime";
import { splitPolicyTexts } from "@kms-cedar/runtime/cedar-names";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { conformanceCaseArb, focusVariants } from "../src/arbitraries/case-arbitrary.js";
// The runtime's encoder is internal (not exported): the breakdown reaches it to time cedar-wasm's call alone.
import { createEncoder } from "../../runtime/src/cedar/encode-request.js";

const at = process.argv.indexOf("--bundles");
const BUNDLES = at >= 0 ? Number(process.argv[at + 1]) : 16;
const PER_BUNDLE = 128;
const cedar = loadCedar();

/** CPU milliseconds of `f()` (user + system): the machine is shared, wall time is not a measure. */
function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** The best of `rounds` CPU timings of `f`, after one warm-up call. */
function best(f: () => void, rounds = 3): number {
  f();
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, cpuMs(f));
  return min;
}

const totals = new Map<string, number>();
const add = (name: string, ms: number): void => void totals.set(name, (totals.get(name) ?? 0) + ms);
const variants = focusVariants();
// The first bundles pay for JIT warm-up (the first compile takes ~0.9 s): measured, not counted.
const WARM_UP = 3;
let seen = 0;
let bundles = 0;
let requests = 0;
for (let i = 0; bundles < BUNDLES && i < variants.length * 4; i += Math.max(1, Math.floor(variants.length / (BUNDLES + WARM_UP)))) {
  const [c] = fc.sample(conformanceCaseArb({ requestsPerBundle: PER_BUNDLE, variant: variants[i % variants.length]! }), { seed: 20261123 + i, numRuns: 1 });
  let compiled: ReturnType<typeof compileBundle> | undefined;
  const compileMs = cpuMs(() => (compiled = compileBundle(c!.bundle as never, { cedar: true })));
  const files = compiled?.cedar;
  if (compiled?.graph === undefined || files === undefined) continue;
  if (++seen > WARM_UP) bundles++;
  requests += c!.requests.length;
  add("bundle: first compile with Cedar (emit + self-check)", compileMs);
  add("bundle:   of which graph only (compile without Cedar)", best(() => compileBundle(c!.bundle as never, { cedar: false }), 1));
  // The self-check's validation, again (cedar-wasm is not memoized here): the schema alone, then all.
  const split = splitPolicyTexts(cedar, [files.policies]);
  if ("error" in split) throw new Error(split.error);
  const validate = (policies: Record<string, string>) => () => {
    const answer = cedar.validate({ schema: files.schema, policies: { staticPolicies: policies }, validationSettings: { mode: "strict" } });
    if (answer.type !== "success" || answer.validationErrors.length > 0) throw new Error("the emitted policies do not validate");
  };
  add("bundle:   strict validation, schema parse (no policies)", best(validate({}), 1));
  add("bundle:   strict validation, all policies", best(validate(split.policies), 1));
  add("bundle: ready Cedar (createCedarAuthorizer: split + preparse)", cpuMs(() => createCedarAuthorizer(files, { slicing: false })));
  add("bundle: ready graph (createAuthorizer: readGraph + digest)", cpuMs(() => createAuthorizer(compiled!.graph!)));
  const cedarEngine = createCedarAuthorizer(files, { slicing: false });
  const graphEngine = createAuthorizer(compiled.graph);
  add("request: reference decide", best(() => c!.requests.forEach((r) => evaluateReference(c!.bundle as never, r as never))));
  add("request: graph decide", best(() => c!.requests.forEach((r) => graphEngine.decide(r as never))));
  add("request: Cedar decide (runtime)", best(() => c!.requests.forEach((r) => cedarEngine.decide(r as never))));
  // cedar-wasm alone, on the encoded requests, taken apart.
  const encode = createEncoder(JSON.parse(files.manifest) as CedarManifest);
  const encoded = c!.requests.map((r) => encode(r)).filter((e): e is Exclude<ReturnType<typeof encode>, { error: unknown }> => !("error" in e));
  add("request:   encode (JS)", best(() => c!.requests.forEach((r) => encode(r))));
  const id = `breakdown-${bundles}`;
  cedar.preparsePolicySet(id, { staticPolicies: split.policies });
  cedar.preparsePolicySet(`${id}-empty`, { staticPolicies: {} });
  cedar.preparseSchema(id, files.schema);
  const call = (shape: (e: (typeof encoded)[number]) => Parameters<typeof cedar.statefulIsAuthorized>[0]) => () => {
    for (const e of encoded) if (cedar.statefulIsAuthorized(shape(e)).type !== "success") throw new Error("cedar-wasm failed");
  };
  add("request:   cedar-wasm call as the runtime makes it", best(call((e) => ({ ...e, preparsedPolicySetId: id, preparsedSchemaName: id, validateRequest: true }))));
  add("request:   … with no policies", best(call((e) => ({ ...e, preparsedPolicySetId: `${id}-empty`, preparsedSchemaName: id, validateRequest: true }))));
  add("request:   … with no policies, no schema", best(call((e) => ({ ...e, preparsedPolicySetId: `${id}-empty`, validateRequest: false }))));
  add("request:   … with no policies, no schema, no context", best(call((e) => ({ ...e, context: {}, preparsedPolicySetId: `${id}-empty`, validateRequest: false }))));
  add("request:   … with no policies, no schema, no context, no entities", best(call((e) => ({ ...e, context: {}, entities: [], preparsedPolicySetId: `${id}-empty`, validateRequest: false }))));
  if (seen <= WARM_UP) {
    totals.clear();
    requests = 0;
  }
  process.stderr.write(`\r${bundles}/${BUNDLES} bundles`);
}
process.stderr.write("\n");
console.log(`${bundles} generated bundles, ${requests} requests (${(requests / bundles).toFixed(0)} a bundle); CPU:`);
for (const [name, ms] of totals) {
  const perRequest = name.startsWith("request");
  console.log(`  ${name.padEnd(70)} ${perRequest ? `${(ms / requests * 1000).toFixed(0).padStart(6)} µs a request` : `${(ms / bundles).toFixed(1).padStart(6)} ms a bundle`}`);
}
const f = ["bundle: first compile with Cedar (emit + self-check)", "bundle: ready Cedar (createCedarAuthorizer: split + preparse)", "bundle: ready graph (createAuthorizer: readGraph + digest)"]
  .reduce((t, k) => t + (totals.get(k) ?? 0), 0) / bundles;
const r = ["request: reference decide", "request: graph decide", "request: Cedar decide (runtime)"].reduce((t, k) => t + (totals.get(k) ?? 0), 0) / requests;
console.log(`F (compile + ready, without the laws and generation) ${f.toFixed(0)} ms a bundle; r (three decisions) ${(r * 1000).toFixed(0)} µs a request`);
console.log(`a case at ${PER_BUNDLE} requests a bundle: ${(f / PER_BUNDLE + r).toFixed(2)} ms of CPU (${(1000 / (f / PER_BUNDLE + r)).toFixed(0)} cases per CPU second); ` +
  `with any number: ≥ ${r.toFixed(2)} ms (${(1000 / r).toFixed(0)}); the target needs ≤ 0.67 ms`);
