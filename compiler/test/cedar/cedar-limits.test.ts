// The Cedar emitter within cedar-wasm's limits (runtime/src/cedar/cedar-limits.ts): policies of the
// sizes that used to trap cedar-wasm (1,800 CIDRs or patterns, 4,000 values, 10,000 `é`) compile, and
// the graph, Cedar and the reference decide them alike; what Cedar cannot split is KC3011, refused
// before cedar-wasm sees it, and earlier authorizers keep deciding.
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle, Request } from "@kms-cedar/runtime";
import { cedarRecoveries, createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { CEDAR_LIMITS, measureCedarText } from "@kms-cedar/runtime/cedar-names";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { CHAIN_GROUP, or, printExpr, primary } from "../../src/emit/cedar/cedar-expr.js";
import { DKP, KEY, ROLE, SESSION } from "./cedar-helpers.js";

const identity = (condition: object, effect: "Allow" | "Deny" = "Allow"): Bundle => ({
  keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [DKP] } } },
  principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [
    ...(effect === "Deny" ? [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] : []),
    { Effect: effect, Action: "kms:Decrypt", Resource: "*", Condition: condition },
  ] }] } },
});
const ask = (context: Record<string, string | string[]>): Request => ({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context });
const name = (r: unknown): unknown => (r as { decision?: string }).decision ?? r;

/** Compiles `bundle` (no error allowed) and checks that the three engines agree on `requests`; returns the decisions. */
function decideAll(bundle: Bundle, requests: readonly Request[]): string[] {
  const compiled = compileBundle(bundle);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const m = measureCedarText(compiled.cedar!.policies);
  expect(m.depth).toBeLessThanOrEqual(CEDAR_LIMITS.depth);
  expect(m.list).toBeLessThanOrEqual(CEDAR_LIMITS.list);
  expect(m.nonAscii).toBeLessThanOrEqual(1); // the fixed comments' `§`; literals and statement comments are escaped
  const graph = createAuthorizer(compiled.graph!);
  const cedar = createCedarAuthorizer({ policies: compiled.cedar!.policies, schema: compiled.cedar!.schema, manifest: compiled.cedar!.manifest });
  return requests.map((request) => {
    const expected = name(evaluateReference(bundle, request));
    expect(name(graph.decide(request))).toEqual(expected);
    expect(name(cedar.decide(request))).toEqual(expected);
    return expected as string;
  });
}

describe("printChain", () => {
  it("writes at most eight operands per chain, in order, nested in balanced groups", () => {
    for (const n of [1, 8, 9, 64, 65, 5_000]) {
      const text = printExpr(or(...Array.from({ length: n }, (_, i) => primary(`x.f${i}`))));
      expect(text.replace(/[()]/g, "").split(" || ")).toEqual(Array.from({ length: n }, (_, i) => `x.f${i}`));
      let depth = 0;
      let deepest = 0;
      let run = 1;
      let longest = 1;
      const runs: number[] = [];
      for (const token of text.split(/(\(|\)| \|\| )/)) {
        if (token === "(") { depth++; runs.push(run); run = 1; }
        else if (token === ")") { depth--; run = runs.pop()!; }
        else if (token === " || ") longest = Math.max(longest, ++run);
        deepest = Math.max(deepest, depth);
      }
      expect(longest).toBeLessThanOrEqual(CHAIN_GROUP);
      expect(deepest).toBeLessThanOrEqual(Math.ceil(Math.log(n) / Math.log(CHAIN_GROUP)));
    }
  });
});

describe("policies of the sizes that trapped cedar-wasm", () => {
  const cidrs = Array.from({ length: 1_800 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
  const values = Array.from({ length: 4_000 }, (_, i) => `v${i}`);

  it("1,800 CIDRs in a Deny", () => {
    const bundle = identity({ IpAddress: { "aws:SourceIp": cidrs } }, "Deny");
    expect(decideAll(bundle, [ask({ "aws:SourceIp": "10.0.0.9" }), ask({ "aws:SourceIp": "10.7.7.1" }), ask({ "aws:SourceIp": "10.9.0.1" }), ask({})]))
      .toEqual(["ExplicitDeny", "ExplicitDeny", "Allow", "Allow"]);
  }, 120_000);

  it("1,800 StringLike patterns", () => {
    const bundle = identity({ StringLike: { "aws:PrincipalTag/team": Array.from({ length: 1_800 }, (_, i) => `t${i}-*`) } });
    expect(decideAll(bundle, [ask({ "aws:PrincipalTag/team": "t0-a" }), ask({ "aws:PrincipalTag/team": "t1799-" }), ask({ "aws:PrincipalTag/team": "t1800-" })]))
      .toEqual(["Allow", "Allow", "ImplicitDeny"]);
  }, 120_000);

  it("4,000 StringEquals and 4,000 StringNotEquals values, 4,000 ForAnyValue values", () => {
    const requests = [ask({ "aws:PrincipalTag/team": "v0" }), ask({ "aws:PrincipalTag/team": "v3999" }), ask({ "aws:PrincipalTag/team": "w" })];
    expect(decideAll(identity({ StringEquals: { "aws:PrincipalTag/team": values } }), requests)).toEqual(["Allow", "Allow", "ImplicitDeny"]);
    expect(decideAll(identity({ StringNotEquals: { "aws:PrincipalTag/team": values } }), requests)).toEqual(["ImplicitDeny", "ImplicitDeny", "Allow"]);
    const keys = [ask({ "kms:EncryptionContextKeys": ["w", "v2500"] }), ask({ "kms:EncryptionContextKeys": ["w"] })];
    expect(decideAll(identity({ "ForAnyValue:StringEquals": { "kms:EncryptionContextKeys": values } }), keys)).toEqual(["Allow", "ImplicitDeny"]);
    expect(decideAll(identity({ "ForAllValues:StringNotEquals": { "kms:EncryptionContextKeys": values } }), keys)).toEqual(["ImplicitDeny", "Allow"]);
  }, 180_000);

  it("10,000 `é` in one value", () => {
    const long = "é".repeat(10_000);
    expect(decideAll(identity({ StringEquals: { "aws:PrincipalTag/team": long } }), [ask({ "aws:PrincipalTag/team": long }), ask({ "aws:PrincipalTag/team": "é" })]))
      .toEqual(["Allow", "ImplicitDeny"]);
  }, 120_000);
});

describe("KC3011: beyond what cedar-wasm can take, and no exact split", () => {
  it("ForAllValues:StringEquals over 1,500 values is refused before cedar-wasm sees it; earlier authorizers still decide", () => {
    const small = compileBundle(identity({ StringEquals: { "aws:PrincipalTag/team": "a" } }));
    const earlier = createCedarAuthorizer({ policies: small.cedar!.policies, schema: small.cedar!.schema, manifest: small.cedar!.manifest });
    const before = cedarRecoveries();
    const values = Array.from({ length: 1_500 }, (_, i) => `v${i}`);
    const refused = compileBundle(identity({ "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": values } }));
    const errors = refused.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["KC3011"]);
    expect(errors[0]!.message).toMatch(/a set, record or argument list has 1500 elements, over cedar-wasm's limit of 1000/);
    expect(refused.cedar).toBeUndefined();
    expect(refused.graph).toBeDefined(); // the graph engine still takes it
    expect(cedarRecoveries()).toBe(before);
    expect(name(earlier.decide(ask({ "aws:PrincipalTag/team": "a" })))).toBe("Allow");
  }, 60_000);
});
