// Laws `cedar_agrees_with_reference` and `cedar_never_errors`: for generated bundles and requests
// (the graph law's generators, plus edge values Cedar cannot carry directly), the compiled Cedar run
// through the encoder and cedar-wasm decides exactly as the reference evaluator — same decision or
// error code, same Deny statements for ExplicitDeny — and Cedar never reports an evaluation error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { Bundle, CedarAuthorizer, DecisionResult, Request } from "@kms-cedar/runtime";
import { emitCedar } from "../../src/emit/cedar/emit-cedar.js";
import { APP_ROLE_WITH_PATH, bundleArb, KEY_A } from "../graph/arbitraries/bundle-arbitraries.js";
import { requestArb } from "../graph/arbitraries/request-arbitraries.js";
import { edgeScenarioArb } from "./cedar-arbitraries.js";

const SEED = Number(process.env["FC_SEED"] ?? 20260517);
const RUNS = Number(process.env["FC_RUNS"] ?? 150);

/** Decision, error code, and for ExplicitDeny the Deny statements (what engines are compared on). */
function summary(result: DecisionResult): string {
  if ("error" in result) return result.error.code;
  if (result.decision !== "ExplicitDeny") return result.decision;
  return `${result.decision} ${JSON.stringify(result.reasons.map((r) => `${r.policy}#${r.statement}`).sort())}`;
}

function cedarFor(bundle: Bundle): CedarAuthorizer | undefined {
  const compiled = compileBundle(bundle);
  if (compiled.graph === undefined) return undefined;
  const out = emitCedar(compiled.graph);
  expect(out.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.help ?? ""}`)).toEqual([]);
  return createCedarAuthorizer({ policies: out.files!.policies, schema: out.files!.schema, manifest: out.files!.manifest });
}

/** Decides with both engines, checks the laws, and counts the outcome. */
function check(cedar: CedarAuthorizer, bundle: Bundle, request: unknown, mix: Record<string, number>, label: string): void {
  const reference = evaluateReference(bundle as never, request as never) as DecisionResult;
  const checks: readonly Request[] = typeof request === "object" && request !== null && "checks" in request
    ? (request as { checks: Request[] }).checks : [request as Request];
  for (const one of checks) expect(cedar.authorize(one).errors, `cedar_never_errors ${label} ${JSON.stringify(one)}`).toEqual([]);
  const decided = cedar.decide(request as Request);
  const kind = "error" in decided ? "error" : decided.decision;
  mix[kind] = (mix[kind] ?? 0) + 1;
  expect(summary(decided), `cedar_agrees_with_reference ${label} ${JSON.stringify(request)}`).toBe(summary(reference));
}

describe("cedar_agrees_with_reference and cedar_never_errors", () => {
  it("decides generated bundles and requests like the reference evaluator", () => {
    const mix: Record<string, number> = {};
    let compiled = 0;
    console.log(`cedar_agrees_with_reference (bundles): seed ${SEED}, ${RUNS} bundles`);
    fc.assert(
      fc.property(bundleArb, fc.array(requestArb, { minLength: 4, maxLength: 10 }), (bundle, requests) => {
        const cedar = cedarFor(bundle as Bundle);
        if (cedar === undefined) return;
        compiled++;
        for (const request of requests) check(cedar, bundle as Bundle, request, mix, JSON.stringify(bundle));
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
        const bundle = { keys: { [KEY_A]: { policy: dkp } }, principals: { [APP_ROLE_WITH_PATH]: { policies: [policy] } } } as Bundle;
        const cedar = cedarFor(bundle);
        if (cedar === undefined) return;
        compiled++;
        operators.add(operator.replace(/IfExists$/, ""));
        for (const context of contexts) {
          const request = { principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt", resource: KEY_A, context };
          check(cedar, bundle, request, mix, JSON.stringify(policy));
        }
      }),
      { seed: SEED, numRuns: RUNS * 4, endOnFailure: true },
    );
    console.log(`cedar_agrees_with_reference (edge values): compiled ${compiled}, ${operators.size} operators; decisions ${JSON.stringify(mix)}`);
    expect(compiled).toBeGreaterThan(RUNS * 2);
    for (const kind of ["Allow", "ExplicitDeny", "ImplicitDeny"]) expect(mix[kind] ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
