// Issue 10 items 4–6 at their root cause in the graph evaluator, on hand-built graphs (no compiler):
// RetireGrant is never allowed but its Denies apply (spec §5.4, seed 004); the request resource `*`
// is the caller's `arn:P:kms:R:A:*` in an unnamed Region (DESIGN §2); a key policy's Resource matches
// with `*` or the key's exact ARN only, anything else is undecided (spec §1.7, §0.2).
import { describe, expect, it } from "vitest";
import { createAuthorizer, GRAPH_FORMAT, GRAPH_VERSION, sealGraph } from "@kms-cedar/runtime";
import type { DecisionGraph, DecisionResult, GraphAction, GraphNode, GraphStatement } from "@kms-cedar/runtime";

const A = "111122223333";
const B = "444455556666";
const K1 = `arn:aws:kms:us-west-2:${A}:key/k1`;
const K2 = `arn:aws:kms:us-west-2:${A}:key/k2`;
const APP_ROLE = `arn:aws:iam::${A}:role/App`;
const APP = `arn:aws:sts::${A}:assumed-role/App/s1`;
const EXT_ROLE = `arn:aws:iam::${B}:role/Ext`;
const EXT = `arn:aws:sts::${B}:assumed-role/Ext/s1`;
const span = { start: 0, end: 1 };
const ACTIONS: GraphAction[] = [
  { name: "kms:Decrypt", target: "key", keyPolicy: true, policyAllows: true, crossAccount: true },
  { name: "kms:ListKeys", target: "none", keyPolicy: false, policyAllows: true, crossAccount: false },
  { name: "kms:RetireGrant", target: "key", keyPolicy: true, policyAllows: false, crossAccount: true },
];
const outcome = (r: DecisionResult): string => ("error" in r ? r.error.code : r.decision);
const principal = (aws: string[], any = false): GraphNode => ({ kind: "principal", any, aws, service: [], origin: [{ policy: 0, span }] });
const resource = (patterns: string[], keyPolicy = false, negated = false): GraphNode =>
  ({ kind: "resource", negated, patterns, ...(keyPolicy ? { keyPolicy: true } : {}), origin: [{ policy: 0, span }] }) as GraphNode;
const condition = (base: string, key: string, values: string[]): GraphNode => ({ kind: "condition", base, ifExists: false, key, values, origin: [{ policy: 0, span }] });
const stmt = (policy: number, statement: number, effect: "Allow" | "Deny", actions: string[], tests: number[], principalNode?: number): GraphStatement =>
  ({ policy, statement, effect, actions, tests, ...(principalNode !== undefined ? { principal: principalNode } : {}) });

/** Policies: p0 key policy of K1, p1 App's identity policy, p2 Ext's identity policy, p3 key policy of K2. */
function graph(nodes: GraphNode[], statements: GraphStatement[]): DecisionGraph {
  const byAction = (p: number) => {
    const out: Record<string, { deny: number[]; allow: number[] }> = {};
    statements.forEach((s, id) => {
      if (s.policy !== p) return;
      for (const a of s.actions) (out[a] ??= { deny: [], allow: [] })[s.effect === "Deny" ? "deny" : "allow"].push(id);
    });
    return out;
  };
  return sealGraph({
    format: GRAPH_FORMAT, version: GRAPH_VERSION, actions: ACTIONS,
    policies: [
      { location: `keys[${K1}]`, kind: "key", owner: K1, byAction: byAction(0) },
      { location: `principals[${APP_ROLE}][0]`, kind: "identity", owner: APP_ROLE, byAction: byAction(1) },
      { location: `principals[${EXT_ROLE}][0]`, kind: "identity", owner: EXT_ROLE, byAction: byAction(2) },
      { location: `keys[${K2}]`, kind: "key", owner: K2, byAction: byAction(3) },
    ],
    keys: { [K1]: 0, [K2]: 3 }, principals: { [APP_ROLE]: [1], [EXT_ROLE]: [2] }, nodes, statements,
  });
}

describe("RetireGrant: never allowed, every applicable Deny applies", () => {
  // n0 anyone, n1 both accounts, n2 aws:SourceVpce ≠ vpce-1
  const nodes = [principal([], true), principal([A, B]), condition("StringNotEquals", "aws:sourcevpce", ["vpce-1"])];
  const allows = [
    stmt(0, 0, "Allow", ["kms:Decrypt", "kms:RetireGrant"], [], 1),
    stmt(0, 1, "Allow", ["kms:RetireGrant"], [], 0),
    stmt(1, 0, "Allow", ["kms:Decrypt", "kms:RetireGrant"], []),
    stmt(2, 0, "Allow", ["kms:Decrypt", "kms:RetireGrant"], []),
  ];
  it("key-policy and identity Allows (direct, delegated, cross-account, root) never allow it", () => {
    const auth = createAuthorizer(graph(nodes, allows));
    for (const p of [APP, EXT, `arn:aws:iam::${A}:root`]) {
      expect(auth.decide({ principal: p, action: "kms:RetireGrant", resource: K1 })).toEqual({ decision: "ImplicitDeny", reasons: [] });
    }
    expect(outcome(auth.decide({ principal: EXT, action: "kms:Decrypt", resource: K1 }))).toBe("Allow");
  });
  it("a key-policy Deny applies in the key's account and across accounts, with its reason", () => {
    const auth = createAuthorizer(graph(nodes, [...allows, stmt(0, 2, "Deny", ["kms:RetireGrant"], [2], 0)]));
    for (const p of [APP, EXT]) {
      expect(auth.decide({ principal: p, action: "kms:RetireGrant", resource: K1 })).toMatchObject({ decision: "ExplicitDeny", reasons: [{ policy: `keys[${K1}]`, statement: 2, path: "deny" }] });
      expect(outcome(auth.decide({ principal: p, action: "kms:RetireGrant", resource: K1, context: { "aws:SourceVpce": "vpce-1" } }))).toBe("ImplicitDeny");
    }
  });
  it("an identity Deny applies", () => {
    const auth = createAuthorizer(graph(nodes, [...allows, stmt(2, 1, "Deny", ["kms:RetireGrant"], [])]));
    expect(outcome(auth.decide({ principal: EXT, action: "kms:RetireGrant", resource: K1 }))).toBe("ExplicitDeny");
    expect(outcome(auth.decide({ principal: APP, action: "kms:RetireGrant", resource: K1 }))).toBe("ImplicitDeny");
  });
});

describe("the request resource `*`: the caller's `arn:P:kms:R:A:*` in an unnamed Region", () => {
  const decideWith = (effect: "Allow" | "Deny", patterns: string[], principalArn = APP, negated = false): string => {
    const statements = effect === "Deny"
      ? [stmt(1, 0, "Allow", ["kms:ListKeys"], []), stmt(1, 1, "Deny", ["kms:ListKeys"], [0]), stmt(2, 0, "Allow", ["kms:ListKeys"], []), stmt(2, 1, "Deny", ["kms:ListKeys"], [0])]
      : [stmt(1, 0, "Allow", ["kms:ListKeys"], [0]), stmt(2, 0, "Allow", ["kms:ListKeys"], [0])];
    return outcome(createAuthorizer(graph([resource(patterns, false, negated)], statements)).decide({ principal: principalArn, action: "kms:ListKeys", resource: "*" }));
  };
  // Worked out by hand from DESIGN §2 and the §1.7 glob, for a caller of A in partition aws.
  const cases: [string, "every" | "some" | "none"][] = [
    [`arn:aws:kms:*:${A}:*`, "every"], ["arn:aws:kms:*", "every"], ["arn:aws:kms:?*:*:*", "every"], ["arn:*:kms:*:*:*", "every"],
    [`arn:aws:kms:us-west-2:${A}:*`, "some"], ["arn:aws:kms:??:*:*", "some"], ["arn:aws:kms:*-2:*:*", "some"],
    [`arn:aws:kms:*:${B}:*`, "none"], [`arn:aws:kms:*:${A}:key/*`, "none"], ["arn:aws-cn:kms:*", "none"], ["arn:aws:kms::*:*", "none"],
  ];
  it.each(cases)("%s (%s Regions)", (pattern, reach) => {
    expect(decideWith("Allow", [pattern])).toBe(reach === "every" ? "Allow" : "ImplicitDeny");
    expect(decideWith("Deny", [pattern])).toBe(reach === "none" ? "Allow" : "ExplicitDeny");
    expect(decideWith("Allow", [pattern], APP, true)).toBe(reach === "none" ? "Allow" : "ImplicitDeny");
  });
  it("the account is the caller's, decided per request", () => {
    expect(decideWith("Deny", [`arn:aws:kms:*:${A}:*`], APP)).toBe("ExplicitDeny");
    expect(decideWith("Deny", [`arn:aws:kms:*:${A}:*`], EXT)).toBe("Allow");
    expect(decideWith("Deny", [`arn:aws:kms:*:${A}:*`], APP)).toBe("ExplicitDeny"); // after EXT: no stale cache
  });
  it("a named Region is decided exactly", () => {
    const auth = createAuthorizer(graph([resource([`arn:aws:kms:us-east-1:${A}:*`])], [stmt(1, 0, "Allow", ["kms:ListKeys"], []), stmt(1, 1, "Deny", ["kms:ListKeys"], [0])]));
    expect(outcome(auth.decide({ principal: APP, action: "kms:ListKeys", resource: `arn:aws:kms:us-east-1:${A}:*` }))).toBe("ExplicitDeny");
    expect(outcome(auth.decide({ principal: APP, action: "kms:ListKeys", resource: `arn:aws:kms:us-west-2:${A}:*` }))).toBe("Allow");
  });
});

describe("a key policy's Resource: `*` and the key's exact ARN match, anything else is undecided", () => {
  const decideKey = (effect: "Allow" | "Deny", patterns: string[], key = K1): string => {
    const p = key === K1 ? 0 : 3;
    const statements = effect === "Allow"
      ? [stmt(p, 0, "Allow", ["kms:Decrypt"], [1], 0)]
      : [stmt(p, 0, "Allow", ["kms:Decrypt"], [], 0), stmt(p, 1, "Deny", ["kms:Decrypt"], [1], 0)];
    return outcome(createAuthorizer(graph([principal([APP_ROLE]), resource(patterns, true)], statements)).decide({ principal: APP, action: "kms:Decrypt", resource: key }));
  };
  it("`*` and the exact ARN match", () => {
    expect(decideKey("Allow", ["*"])).toBe("Allow");
    expect(decideKey("Allow", [K1])).toBe("Allow");
    expect(decideKey("Deny", [K1])).toBe("ExplicitDeny");
  });
  it.each([[K2], [`${K1}x`], [`arn:aws:kms:*:${A}:key/*`], [K1.replace("k1", "k?")], [K1, K2]])("%s: an Allow does not apply, a Deny does", (...patterns) => {
    expect(decideKey("Allow", patterns)).toBe("ImplicitDeny");
    expect(decideKey("Deny", patterns)).toBe("ExplicitDeny");
  });
  it("the same node on another key's policy compares with that key", () => {
    expect(decideKey("Allow", [K2], K2)).toBe("Allow");
    expect(decideKey("Allow", [K1], K2)).toBe("ImplicitDeny");
  });
});
