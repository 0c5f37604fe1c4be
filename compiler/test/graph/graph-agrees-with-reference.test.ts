// Law `graph_agrees_with_reference`: for generated bundles (every operator family, qualifier,
// IfExists, Null, variables, both versions, Resource/NotResource, every principal form) and
// generated requests (every caller kind and KMS path, operations), the compiled graph decides
// exactly as the reference evaluator: same decision or error code, same statements named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Bundle, DecisionResult } from "@kms-cedar/runtime";
import { APP_ROLE_WITH_PATH, bundleArb, KEY_A } from "./arbitraries/bundle-arbitraries.js";
import { conditionArb, contextForArb } from "./arbitraries/condition-arbitraries.js";
import { requestArb } from "./arbitraries/request-arbitraries.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const RUNS = Number(process.env["FC_RUNS"] ?? 300);

function summary(result: DecisionResult): string {
  if ("error" in result) return result.error.code;
  const named = result.reasons.map((r) => `${r.policy}#${r.statement}`).sort();
  return `${result.decision} ${JSON.stringify(named)}`;
}

describe("graph_agrees_with_reference", () => {
  it("decides every generated request like the reference evaluator", () => {
    const mix: Record<string, number> = {};
    let compiled = 0;
    let rejected = 0;
    console.log(`graph_agrees_with_reference: seed ${SEED}, ${RUNS} bundles`);
    fc.assert(
      fc.property(bundleArb, fc.array(requestArb, { minLength: 4, maxLength: 12 }), (bundle, requests) => {
        const result = compileBundle(bundle as Bundle, { cedar: false });
        if (result.graph === undefined) {
          rejected++;
          return; // a generated policy the checks reject (counted, and kept rare by the generators)
        }
        compiled++;
        const authorizer = createAuthorizer(result.graph);
        for (const request of requests) {
          const graph = authorizer.decide(request as never);
          const reference = evaluateReference(bundle as never, request as never) as DecisionResult;
          const kind = "error" in graph ? "error" : graph.decision;
          // RetireGrant can never be allowed (spec §5.4): counted apart, so the Allow share below
          // measures the actions a policy can allow.
          const retire = (request as { action?: unknown }).action === "kms:RetireGrant";
          const bucket = retire ? `RetireGrant ${kind}` : kind;
          mix[bucket] = (mix[bucket] ?? 0) + 1;
          expect(summary(graph), JSON.stringify(request)).toBe(summary(reference));
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
        const result = compileBundle(bundle as Bundle, { cedar: false });
        if (result.graph === undefined) return;
        const authorizer = createAuthorizer(result.graph);
        for (const context of contexts) {
          const request = { principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt", resource: KEY_A, context };
          const graph = authorizer.decide(request as never);
          const reference = evaluateReference(bundle as never, request as never) as DecisionResult;
          const kind = "error" in graph ? "error" : graph.decision;
          // RetireGrant can never be allowed (spec §5.4): counted apart, so the Allow share below
          // measures the actions a policy can allow.
          const retire = (request as { action?: unknown }).action === "kms:RetireGrant";
          const bucket = retire ? `RetireGrant ${kind}` : kind;
          mix[bucket] = (mix[bucket] ?? 0) + 1;
          expect(summary(graph), JSON.stringify({ policy, context })).toBe(summary(reference));
        }
      }),
      { seed: SEED, numRuns: RUNS * 5, endOnFailure: true },
    );
    console.log(`condition agreement: ${operators.size} operators; decisions ${JSON.stringify(mix)}`);
    expect(operators.size).toBeGreaterThanOrEqual(30);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny"]) expect(mix[kind] ?? 0).toBeGreaterThan(RUNS / 10);
  });
});
