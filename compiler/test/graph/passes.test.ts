// Normalize, lowering, the graph passes and the emitters on hand-built inputs: each pass is pure
// and does one thing (STYLE "Passes"); expectations are written from DESIGN §5 and the spec.
import { describe, expect, it } from "vitest";
import { compileBundle, emitDot, emitGraphJson, emitGraphText } from "@kms-cedar/compiler";
import { readGraph } from "@kms-cedar/runtime";
import type { DecisionGraph } from "@kms-cedar/runtime";
import { lowerBundle } from "../../src/lower/lower-bundle.js";
import type { ModelBundle, ModelCondition, ModelStatement } from "../../src/model/policy-model.js";
import { normalizeActions } from "../../src/normalize/normalize-actions.js";
import { dropActionlessStatements } from "../../src/passes/drop-actionless-statements.js";
import { dropTrivialTests } from "../../src/passes/drop-trivial-tests.js";
import { dropUnreachableActions } from "../../src/passes/drop-unreachable-actions.js";
import { runGraphPasses } from "../../src/passes/graph-passes.js";
import { mergeEqualTests } from "../../src/passes/merge-equal-tests.js";
import { pruneNodes } from "../../src/passes/prune-nodes.js";
import type { JsonString } from "@kms-cedar/grammar";
import type { StringList } from "../../src/index.js";

const span = (start: number) => ({ start, end: start + 1, line: 1, column: start + 1 });
const list = (...items: string[]): StringList => ({
  key: { kind: "string", value: "Action", raw: "\"Action\"", span: span(0) },
  span: span(0), form: "array",
  items: items.map((value): JsonString => ({ kind: "string", value, raw: JSON.stringify(value), span: span(0) })),
});

describe("normalizeActions (spec §1.6)", () => {
  it("expands case-insensitive globs over the whole `service:Name` against the catalog", () => {
    expect(normalizeActions(list("kms:ReEncrypt*"), undefined)).toEqual(["kms:ReEncryptFrom", "kms:ReEncryptTo"]);
    expect(normalizeActions(list("KMS:decrypt", "kms:Describe?ey"), undefined)).toEqual(["kms:Decrypt", "kms:DescribeKey"]);
    expect(normalizeActions(list("*:Decrypt"), undefined)).toEqual(["kms:Decrypt"]);
    expect(normalizeActions(list("s3:*"), undefined)).toEqual([]);
    expect(normalizeActions(list("*"), undefined).length).toBe(56);
  });
  it("turns NotAction into its complement among KMS actions", () => {
    const rest = normalizeActions(undefined, list("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"));
    expect(rest).toHaveLength(54);
    expect(rest).not.toContain("kms:PutKeyPolicy");
    expect(normalizeActions(undefined, list("s3:*"))).toHaveLength(56);
  });
  it("gives no action to a statement without Action (spec §1.3)", () => {
    expect(normalizeActions(undefined, undefined)).toEqual([]);
  });
});

const K1 = "arn:aws:kms:us-west-2:111122223333:key/k1";
const ROLE = "arn:aws:iam::111122223333:role/App";
const cond = (values: string[], at: number): ModelCondition => ({ base: "StringEquals", ifExists: false, key: "aws:resourcetag/project", values, span: span(at) });
const statement = (index: number, effect: "Allow" | "Deny", actions: string[], extra: Partial<ModelStatement> = {}): ModelStatement =>
  ({ index, effect, span: span(index * 10), actions, resource: { negated: false, patterns: ["*"], span: span(index * 10 + 1) }, conditions: [], ...extra });
const keyPrincipal = { any: false, aws: ["arn:aws:iam::111122223333:root"], service: [], span: span(2) };

const model: ModelBundle = {
  policies: [
    { location: `keys[${K1}]`, kind: "key", owner: K1, version: "2012-10-17", statements: [
      statement(0, "Allow", ["kms:CreateKey", "kms:Decrypt"], { principal: keyPrincipal }),
      statement(1, "Allow", ["kms:ListKeys", "kms:RetireGrant"], { principal: keyPrincipal }),
    ] },
    { location: `principals[${ROLE}][0]`, kind: "identity", owner: ROLE, version: "2012-10-17", statements: [
      statement(0, "Allow", ["kms:Decrypt"], { conditions: [cond(["Alpha", "Beta"], 5)] }),
      statement(1, "Deny", ["kms:Decrypt"], { conditions: [cond(["Beta", "Alpha"], 15)] }),
      statement(2, "Allow", [], {}),
    ] },
  ],
  keys: [{ arn: K1, policy: 0 }],
  principals: [{ arn: ROLE, policies: [1] }],
};

describe("lowering and graph passes (DESIGN §5)", () => {
  const lowered = lowerBundle(model);

  it("lowering keeps one node per test occurrence and indexes Deny apart from Allow", () => {
    expect(lowered.nodes.filter((n) => n.kind === "condition")).toHaveLength(2);
    expect(lowered.policies[1]!.byAction["kms:Decrypt"]).toEqual({ deny: [3], allow: [2] });
  });
  it("drop-unreachable-actions: a key policy is never consulted for IAM-only actions (it is for RetireGrant's Denies)", () => {
    const g = dropUnreachableActions(lowered);
    expect(g.statements[0]!.actions).toEqual(["kms:Decrypt"]);
    expect(g.statements[1]!.actions).toEqual(["kms:RetireGrant"]);
    expect(g.policies[0]!.byAction["kms:CreateKey"]).toBeUndefined();
    expect(lowered.statements[0]!.actions).toEqual(["kms:CreateKey", "kms:Decrypt"]); // the input is not mutated
  });
  it("drop-actionless-statements: statements that can match no KMS action go, the index follows", () => {
    const g = dropActionlessStatements(dropUnreachableActions(lowered));
    expect(g.statements.map((s) => `${s.policy}#${s.statement}`)).toEqual(["0#0", "0#1", "1#0", "1#1"]);
    expect(g.policies[1]!.byAction["kms:Decrypt"]).toEqual({ deny: [3], allow: [2] });
  });
  it("drop-trivial-tests: Resource `*` holds for every request", () => {
    const g = dropTrivialTests(lowered);
    expect(g.statements.every((s) => s.tests.every((t) => g.nodes[t]!.kind === "condition"))).toBe(true);
  });
  it("merge-equal-tests: one node per distinct test (value order does not matter), every origin kept", () => {
    const g = mergeEqualTests(lowered);
    const conditions = g.nodes.filter((n) => n.kind === "condition");
    expect(conditions).toHaveLength(1);
    expect(conditions[0]!.origin.map((o) => [o.policy, o.span.start])).toEqual([[1, 5], [1, 15]]);
    expect(g.statements[2]!.tests).toEqual(g.statements[3]!.tests);
    expect(g.nodes.filter((n) => n.kind === "principal")).toHaveLength(1);
  });
  it("prune-nodes: unused nodes go, the rest are numbered in order of first use", () => {
    const g = pruneNodes({ ...lowered, statements: [lowered.statements[2]!] });
    expect(g.nodes.map((n) => n.kind)).toEqual(["resource", "condition"]);
    expect(g.statements[0]!.tests).toEqual([0, 1]);
  });
  it("all passes together", () => {
    const g = runGraphPasses(lowered);
    expect(g.statements).toHaveLength(4);
    expect(g.nodes.map((n) => n.kind)).toEqual(["principal", "condition"]);
  });
});

describe("emitters", () => {
  const compiled = compileBundle({
    keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [{ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] } } },
    principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } }] }] } },
  });
  const graph = compiled.graph as DecisionGraph;

  it("graph.json reads back as the same graph", () => {
    const read = readGraph(emitGraphJson(graph));
    expect("graph" in read && read.graph).toEqual(JSON.parse(JSON.stringify(graph)));
    expect(emitGraphJson(graph)).toBe(emitGraphJson(JSON.parse(emitGraphJson(graph))));
  });
  it("the text form names nodes with their origins (line:column in the policy)", () => {
    const text = emitGraphText(graph);
    expect(text).toContain("node n1 condition StringEquals aws:resourcetag/project [\"Alpha\"] @p1:");
    expect(text).toMatch(/^statement s1 p1#0 Allow tests=\[n1\] @\d+:\d+$/m);
  });
  it("DOT has one edge per test and principal", () => {
    const dot = emitDot(graph);
    expect(dot.startsWith("digraph decision {")).toBe(true);
    expect(dot.match(/->/g)).toHaveLength(2);
  });
});

describe("compileBundle", () => {
  it("returns every diagnostic with its file and no graph when a policy has errors", () => {
    const result = compileBundle({ principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "allow", Action: "kms:Decrypt", Resource: "*" }] }] } } });
    expect(result.graph).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: "<bundle>", location: `principals[${ROLE}][0]` });
  });
  it("reports a policy file it cannot read", () => {
    const result = compileBundle({ principals: { [ROLE]: { policies: ["does-not-exist.json"] } } });
    expect(result.graph).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: "KC2911", severity: "error" });
  });
});
