// Laws `cedar_agrees_with_reference` and `cedar_never_errors`: for generated bundles and requests
// (the graph law's generators, plus edge values Cedar cannot carry directly), the compiled Cedar run
// through the encoder and cedar-wasm decides exactly as the reference evaluator — same decision or
// error code, same Deny statements for ExplicitDeny — and Cedar never reports an evaluation error. The
// engines are readied and judged by the conformance harness (properties/engine-properties.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APP_ROLE_WITH_PATH, bundleArb, KEY_A } from "./properties/bundle-arbitraries.js";
import { edgeScenarioArb } from "./properties/edge-arbitraries.js";
import { decideAndCheck, enginesFor } from "./properties/engine-properties.js";
import { requestArb } from "./properties/request-arbitraries.js";

const SEED = Number(process.env["FC_SEED"] ?? 20260517);
const RUNS = Number(process.env["FC_RUNS"] ?? 150);

const CEDAR = ["reference", "cedar"] as const;

describe("cedar_agrees_with_reference and cedar_never_errors", () => {
  it("decides generated bundles and requests like the reference evaluator", () => {
    const mix: Record<string, number> = {};
    let compiled = 0;
    console.log(`cedar_agrees_with_reference (bundles): seed ${SEED}, ${RUNS} bundles`);
    fc.assert(
      fc.property(bundleArb, fc.array(requestArb, { minLength: 4, maxLength: 10 }), (bundle, requests) => {
        const engines = enginesFor(bundle, CEDAR);
        if (engines === undefined) return;
        compiled++;
        for (const request of requests) {
          const kind = decideAndCheck(engines, request, JSON.stringify(bundle));
          mix[kind] = (mix[kind] ?? 0) + 1;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`cedar_agrees_with_reference (bundles): compiled ${compiled}; decisions ${JSON.stringify(mix)}`);
    expect(compiled).toBeGreaterThan(RUNS * 0.8);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny", "error"]) expect(mix[kind] ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it("decides edge values (numbers, dates, IPs, ARNs, wildcards, sets, variables) like the reference evaluator", () => {
    const mix: Record<string, number> = {};
    const operators = new Set<string>();
    let compiled = 0;
    console.log(`cedar_agrees_with_reference (edge values): seed ${SEED}, ${RUNS * 4} conditions`);
    fc.assert(
      fc.property(edgeScenarioArb, ({ key, deny, operator, values, contexts, resource }) => {
        const statement = { Effect: deny ? "Deny" : "Allow", Action: "kms:Decrypt", ...resource, Condition: { [operator]: { [key]: values.length === 1 ? values[0] : values } } };
        const policy = { Version: "2012-10-17", Statement: deny ? [statement, { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] : [statement] };
        const dkp = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] };
        const bundle = { keys: { [KEY_A]: { policy: dkp } }, principals: { [APP_ROLE_WITH_PATH]: { policies: [policy] } } };
        const engines = enginesFor(bundle, CEDAR);
        if (engines === undefined) return;
        compiled++;
        operators.add(operator.replace(/IfExists$/, ""));
        for (const context of contexts) {
          const request = { principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt", resource: KEY_A, context };
          const kind = decideAndCheck(engines, request, JSON.stringify(policy));
          mix[kind] = (mix[kind] ?? 0) + 1;
        }
      }),
      { seed: SEED, numRuns: RUNS * 4, endOnFailure: true },
    );
    console.log(`cedar_agrees_with_reference (edge values): compiled ${compiled}, ${operators.size} operators; decisions ${JSON.stringify(mix)}`);
    expect(compiled).toBeGreaterThan(RUNS * 2);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny"]) expect(mix[kind] ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
