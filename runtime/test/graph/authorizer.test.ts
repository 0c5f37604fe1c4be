// createAuthorizer on hand-built graphs (no compiler): reading graph.json, request errors, the KMS
// algebra's paths (DESIGN §3), fail-closed tests, operations, reasons; and the embedding rules
// (no eval / new Function, no dependency on the compiler, the grammar or Chevrotain).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAuthorizer, GRAPH_FORMAT, GRAPH_VERSION, readGraph, sealGraph } from "@kms-cedar/runtime";
import type { DecisionGraph, DecisionResult, GraphAction, GraphNode, GraphStatement } from "@kms-cedar/runtime";

const A = "111122223333";
const B = "444455556666";
const K1 = `arn:aws:kms:us-west-2:${A}:key/k1`;
const APP = `arn:aws:sts::${A}:assumed-role/App/s1`;
const span = { start: 0, end: 1 };
const ACTIONS: GraphAction[] = [
  { name: "kms:Decrypt", target: "key", keyPolicy: true, policyAllows: true, crossAccount: true },
  { name: "kms:ScheduleKeyDeletion", target: "key", keyPolicy: true, policyAllows: true, crossAccount: false },
  { name: "kms:ListKeys", target: "none", keyPolicy: false, policyAllows: true, crossAccount: false },
  { name: "kms:CreateAlias", target: "alias", keyPolicy: true, policyAllows: true, crossAccount: false },
  { name: "kms:RetireGrant", target: "key", keyPolicy: true, policyAllows: false, crossAccount: true },
];

/** key policy p0 (statements 0..), identity policy p1 for role App; builds byAction from actions. */
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
      { location: `principals[arn:aws:iam::${A}:role/path/App][0]`, kind: "identity", owner: `arn:aws:iam::${A}:role/path/App`, byAction: byAction(1) },
    ],
    keys: { [K1]: 0 }, principals: { [`arn:aws:iam::${A}:role/path/App`]: [1] }, nodes, statements,
  });
}

const principal = (aws: string[], any = false, service: string[] = []): GraphNode => ({ kind: "principal", any, aws, service, origin: [{ policy: 0, span }] });
const condition = (base: string, key: string, values: string[], extra: Partial<GraphNode> = {}): GraphNode =>
  ({ kind: "condition", base, ifExists: false, key, values, origin: [{ policy: 1, span }], ...extra }) as GraphNode;
const stmt = (policy: number, statement: number, effect: "Allow" | "Deny", actions: string[], tests: number[], principalNode?: number): GraphStatement =>
  ({ policy, statement, effect, actions, tests, ...(principalNode !== undefined ? { principal: principalNode } : {}) });
const outcome = (r: DecisionResult) => ("error" in r ? r.error.code : r.decision);

// Key policy: #0 account principal (delegation), #1 names role App directly for ScheduleKeyDeletion.
// Identity (App): #0 Decrypt if tag Project=Alpha; #1 Deny Decrypt if Dept=HR; #2 ListKeys; #3 RetireGrant.
const nodes: GraphNode[] = [
  principal([`arn:aws:iam::${A}:root`]),
  principal([`arn:aws:iam::${A}:role/App`]),
  condition("StringEquals", "aws:resourcetag/project", ["Alpha"]),
  condition("StringEquals", "kms:encryptioncontext:dept", ["HR"]),
];
const g = graph(nodes, [
  stmt(0, 0, "Allow", ["kms:Decrypt", "kms:ScheduleKeyDeletion", "kms:CreateAlias"], [], 0),
  stmt(0, 1, "Allow", ["kms:ScheduleKeyDeletion"], [], 1),
  stmt(1, 0, "Allow", ["kms:Decrypt", "kms:CreateAlias"], [2]),
  stmt(1, 1, "Deny", ["kms:Decrypt"], [3]),
  stmt(1, 2, "Allow", ["kms:ListKeys"], []),
  stmt(1, 3, "Allow", ["kms:RetireGrant"], []),
]);

describe("createAuthorizer", () => {
  const auth = createAuthorizer(g);
  const decide = (request: object) => auth.decide(request as never);

  it("delegation: the account principal and an identity Allow (DESIGN §3)", () => {
    const r = decide({ principal: APP, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } });
    expect(outcome(r)).toBe("Allow");
    expect("reasons" in r && r.reasons.map((x) => [x.statement, x.path])).toEqual([[0, "key-account"], [0, "identity"]]);
    expect(outcome(decide({ principal: APP, action: "kms:Decrypt", resource: K1, context: {} }))).toBe("ImplicitDeny");
  });
  it("a Deny wins and names every Deny that applied", () => {
    const r = decide({ principal: APP, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha", "kms:EncryptionContext:Dept": "HR" } });
    expect(r).toMatchObject({ decision: "ExplicitDeny", reasons: [{ statement: 1, effect: "Deny", path: "deny" }] });
  });
  it("a direct grant in the same account needs no identity policy; the role is matched by name", () => {
    const r = decide({ principal: APP, action: "kms:ScheduleKeyDeletion", resource: K1 });
    expect(r).toMatchObject({ decision: "Allow", reasons: [{ statement: 1, path: "key-direct" }] });
  });
  it("cross account: not capable actions are denied, capable ones need both sides", () => {
    const ext = `arn:aws:sts::${B}:assumed-role/App/s1`;
    expect(outcome(decide({ principal: ext, action: "kms:ScheduleKeyDeletion", resource: K1 }))).toBe("ImplicitDeny");
    expect(outcome(decide({ principal: ext, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } }))).toBe("ImplicitDeny");
  });
  it("root: its identity side counts as allowed", () => {
    expect(outcome(decide({ principal: `arn:aws:iam::${A}:root`, action: "kms:Decrypt", resource: K1 }))).toBe("Allow");
    expect(outcome(decide({ principal: `arn:aws:iam::${A}:root`, action: "kms:ListKeys", resource: "*" }))).toBe("Allow");
  });
  it("IAM-only and the alias half use identity policies alone; RetireGrant is never allowed", () => {
    expect(outcome(decide({ principal: APP, action: "kms:ListKeys", resource: `arn:aws:kms:eu-west-1:${A}:*` }))).toBe("Allow");
    expect(outcome(decide({ principal: APP, action: "kms:ListKeys", resource: `arn:aws:kms:eu-west-1:${B}:*` }))).toBe("ImplicitDeny");
    expect(outcome(decide({ principal: APP, action: "kms:CreateAlias", resource: `arn:aws:kms:us-west-2:${A}:alias/x`, context: { "aws:ResourceTag/Project": "Alpha" } }))).toBe("Allow");
    // AWS: §5.4, seed 004 — a policy alone cannot allow RetireGrant (identity #3 allows it).
    expect(outcome(decide({ principal: APP, action: "kms:RetireGrant", resource: K1 }))).toBe("ImplicitDeny");
    expect(outcome(decide({ principal: "logs.amazonaws.com", action: "kms:RetireGrant", resource: K1 }))).toBe("ImplicitDeny");
  });
  it("ambiguous keys and several values fail closed: false in an Allow, true in a Deny", () => {
    const ctx = { "aws:ResourceTag/Project": "Alpha", "aws:resourcetag/project": "Alpha" };
    expect(outcome(decide({ principal: APP, action: "kms:Decrypt", resource: K1, context: ctx }))).toBe("ImplicitDeny");
    const deny = { "aws:ResourceTag/Project": "Alpha", "kms:EncryptionContext:Dept": ["IT", "Ops"] };
    expect(outcome(decide({ principal: APP, action: "kms:Decrypt", resource: K1, context: deny }))).toBe("ExplicitDeny");
  });
  it("answers every undecidable request with an error, never an Allow", () => {
    const cases: [object, string][] = [
      [{ principal: "bob", action: "kms:Decrypt", resource: K1 }, "KR0001"],
      [{ principal: APP, action: "kms:Nope", resource: K1 }, "KR0002"],
      [{ principal: APP, action: "kms:Decrypt", resource: "arn:aws:s3:::b" }, "KR0003"],
      [{ principal: APP, action: "kms:Decrypt", resource: `arn:aws:kms:us-west-2:${A}:key/other` }, "KR0004"],
      [{ principal: APP, action: "kms:Decrypt", resource: "*" }, "KR0005"],
      [{ principal: APP, action: "kms:Decrypt", resource: K1, context: { k: 1 } }, "KR0006"],
      [{ principal: APP, resource: K1 }, "KR0007"],
      [{ principal: APP, action: "kms:Decrypt", resource: K1, context: null }, "KR0007"],
      [{ operation: "kms:ReEncrypt", checks: [] }, "KR0007"],
    ];
    for (const [request, code] of cases) expect(outcome(decide(request)), JSON.stringify(request)).toBe(code);
  });
  it("an operation is the worst of its checks; an error check makes it an error", () => {
    const ok = { principal: APP, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } };
    expect(outcome(decide({ operation: "kms:ReEncrypt", checks: [ok, { ...ok, context: {} }] }))).toBe("ImplicitDeny");
    expect(outcome(decide({ operation: "kms:ReEncrypt", checks: [ok, { ...ok, action: "kms:Nope" }] }))).toBe("KR0002");
  });
  it("an input whose reading throws (a getter, a Proxy) is a request error, never an exception", () => {
    const throwing = { action: "kms:Decrypt", resource: K1, get principal(): string { throw new Error("boom"); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    for (const input of [throwing, proxy, { operation: "Op", get checks(): unknown { throw new Error("boom"); } }]) {
      expect(outcome(auth.decide(input))).toBe("KR0007");
      expect("error" in auth.explain(input) ? (auth.explain(input) as { error: { code: string } }).error.code : "decided").toBe("KR0007");
      expect(auth.decideMany([input]).map(outcome)).toEqual(["KR0007"]);
    }
  });

  it("shares decision objects between repeated requests", () => {
    const request = { principal: APP, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" } };
    expect(decide(request)).toBe(decide(request));
    expect(Object.isFrozen(decide(request))).toBe(true);
  });
});

describe("readGraph", () => {
  it("accepts graph.json text and rejects other versions and broken references", () => {
    expect("graph" in readGraph(JSON.stringify(g))).toBe(true);
    expect(readGraph({ ...g, version: 1 })).toEqual({ error: "graph version `1` is not supported (this runtime reads version 2)" });
    // Version 2 added `policyAllows`: a graph without it cannot say that RetireGrant is never allowed.
    const { policyAllows: _dropped, ...old } = ACTIONS[4]!;
    expect(readGraph({ ...g, actions: [...ACTIONS.slice(0, 4), old] })).toMatchObject({ error: expect.stringContaining("policyAllows") });
    expect(readGraph({ ...g, format: "x" })).toMatchObject({ error: expect.stringContaining("not a decision graph") });
    expect(readGraph({ ...g, statements: [stmt(1, 0, "Allow", ["kms:Decrypt"], [99])] })).toMatchObject({ error: expect.stringContaining("statements[0].tests refers to a missing entry (99)") });
    expect(() => createAuthorizer("{")).toThrow(/cannot load decision graph/);
  });
});

describe("embedding rules", () => {
  const src = fileURLToPath(new URL("../../src/", import.meta.url));
  const files = ["evaluate", "graph", "operators"].flatMap((dir) => readdirSync(join(src, dir)).map((f) => join(src, dir, f)));
  it("compiles graphs to closures without eval or new Function", () => {
    for (const file of files) {
      const code = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
      expect(code, file).not.toMatch(/\beval\(|new Function\b/);
    }
  });
  it("imports nothing from the compiler, the grammar, Chevrotain or the reference evaluator", () => {
    for (const file of files) {
      const imports = [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, file).toMatch(/^\.\.?\/(?!reference\/)/);
    }
  });
});
