// Law `graph_agrees_with_reference`: for generated bundles (every operator family, qualifier,
// IfExists, Null, variables, both versions, Resource/NotResource, every principal form) and
// generated requests (every caller kind and KMS path, operations), the compiled graph decides
// exactly as the reference evaluator: same decision or error code, same statements named. The engines
// are readied and judged by the conformance harness (properties/engine-properties.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APP_ROLE_WITH_PATH, bundleArb, KEY_A } from "./properties/bundle-arbitraries.js";
import { conditionArb, contextForArb } from "./properties/condition-arbitraries.js";
import { decideAndCheck, enginesFor } from "./properties/engine-properties.js";
import { requestArb } from "./properties/request-arbitraries.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const RUNS = Number(process.env["FC_RUNS"] ?? 300);

const GRAPH = ["reference", "graph"] as const;

describe("graph_agrees_with_reference", () => {
  it("decides every generated request like the reference evaluator", () => {
    const mix: Record<string, number> = {};
    let compiled = 0;
    let rejected = 0;
    console.log(`graph_agrees_with_reference: seed ${SEED}, ${RUNS} bundles`);
    fc.assert(
      fc.property(bundleArb, fc.array(requestArb, { minLength: 4, maxLength: 12 }), (bundle, requests) => {
        const engines = enginesFor(bundle, GRAPH);
        if (engines === undefined) {
          rejected++;
          return; // a generated policy the checks reject (counted, and kept rare by the generators)
        }
        compiled++;
        for (const request of requests) {
          const kind = decideAndCheck(engines, request, JSON.stringify(request));
          // RetireGrant can never be allowed (spec §5.4): counted apart, so the Allow share below
          // measures the actions a policy can allow.
          const retire = (request as { action?: unknown }).action === "kms:RetireGrant";
          const bucket = retire ? `RetireGrant ${kind}` : kind;
          mix[bucket] = (mix[bucket] ?? 0) + 1;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`graph_agrees_with_reference: compiled ${compiled}, rejected by the checks ${rejected}; decisions ${JSON.stringify(mix)}`);
    expect(compiled).toBeGreaterThan(RUNS * 0.8);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny", "error", "RetireGrant ExplicitDeny", "RetireGrant ImplicitDeny"]) {
      expect(mix[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    expect(mix["RetireGrant Allow"] ?? 0).toBe(0);
    expect(mix["Allow"] ?? 0).toBeGreaterThan(((mix["ImplicitDeny"] ?? 0) + (mix["Allow"] ?? 0)) * 0.1);
  });

  it("decides every generated condition like the reference evaluator", () => {
    // One condition in an Allow (or a Deny beside an unconditional Allow), requests aimed at its key:
    // the operator semantics decide every outcome here.
    const mix: Record<string, number> = {};
    const operators = new Set<string>();
    const scenario = fc.record({ version: fc.constantFrom("2012-10-17", "2008-10-17"), deny: fc.boolean() })
      .chain(({ version, deny }) => conditionArb("identity", version === "2012-10-17").chain((condition) =>
        fc.array(contextForArb(condition), { minLength: 3, maxLength: 8 }).map((contexts) => ({ version, deny, condition, contexts }))));
    console.log(`condition agreement: seed ${SEED}, ${RUNS * 5} conditions`);
    fc.assert(
      fc.property(scenario, ({ version, deny, condition, contexts }) => {
        operators.add(condition.operator.replace(/IfExists$/, ""));
        const values = condition.values.length === 1 ? condition.values[0] : condition.values;
        const statement = { Effect: deny ? "Deny" : "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { [condition.operator]: { [condition.key]: values } } };
        const policy = { Version: version, Statement: deny ? [statement, { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] : [statement] };
        const dkp = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] };
        const bundle = { keys: { [KEY_A]: { policy: dkp } }, principals: { [APP_ROLE_WITH_PATH]: { policies: [policy] } } };
        const engines = enginesFor(bundle, GRAPH);
        if (engines === undefined) return;
        for (const context of contexts) {
          const request = { principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt", resource: KEY_A, context };
          const kind = decideAndCheck(engines, request, JSON.stringify({ policy, context }));
          mix[kind] = (mix[kind] ?? 0) + 1;
        }
      }),
      { seed: SEED, numRuns: RUNS * 5, endOnFailure: true },
    );
    console.log(`condition agreement: ${operators.size} operators; decisions ${JSON.stringify(mix)}`);
    expect(operators.size).toBeGreaterThanOrEqual(30);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny"]) expect(mix[kind] ?? 0).toBeGreaterThan(RUNS / 10);
  });
});
