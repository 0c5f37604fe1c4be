// One bundle decided by the three engines: the graph, Cedar and the reference evaluator, which must give
// one outcome (a decision, or a request error's code) for each request. For tests whose expected outcome
// is authored from a rule (docs/semantics/, docs/deviations.md), never read from an engine.
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { expect } from "vitest";

/** The account, key and policy shapes the three-engine tests share. */
export const ACCOUNT = "111122223333";
export const KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1111aaaa-1111-1111-1111-111111111111`;
export type Doc = Record<string, unknown>;
/** A policy document of `statements` (Version 2012-10-17). */
export const doc = (...statements: Doc[]): Doc => ({ Version: "2012-10-17", Statement: statements });
/** The key-policy statement that lets the account's IAM policies decide (the KMS default). */
export const enableIam: Doc = { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };

/** A decision's outcome: the decision, or the request error's code. */
export function outcome(r: DecisionResult): string {
  return "error" in r ? r.error.code : r.decision;
}

/**
 * Compiles `bundle` (it must compile without errors) and returns a decider: the one outcome of the three
 * engines for a request, checked equal across them.
 */
export function threeEngines(bundle: unknown): (request: unknown) => string {
  const compiled = compileBundle(bundle as never, { cedar: true });
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const graph = createAuthorizer(compiled.graph!);
  const cedar = createCedarAuthorizer(compiled.cedar!);
  return (request) => {
    const got = outcome(graph.decide(request as never));
    expect(outcome(cedar.decide(request as never)), `Cedar on ${JSON.stringify(request)}`).toBe(got);
    expect(outcome(evaluateReference(bundle as never, request as never)), `reference on ${JSON.stringify(request)}`).toBe(got);
    return got;
  };
}
