// The playground's pure parts in Node (no browser): the analysis of pasted text, the engines side by
// side, the graph layout and picture, and the browser stand-in for node:path.
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../src/analyze-input.js";
import { prepareCedarEngine } from "../src/cedar-engine.js";
import { decideAll, prepareEngines } from "../src/decide-engines.js";
import { layoutGraph } from "@kms-cedar/compiler/render";
import { fit, renderGraphSvg } from "@kms-cedar/compiler/render";
import { dirname, relative, resolve } from "../src/node-shims/path.js";
import { SAMPLE_BROKEN, SAMPLE_BUNDLE } from "../src/samples.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const request = (action: string, context: Record<string, string>) =>
  ({ principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action, resource: KEY, context });
/** Requests for the sample bundle: Allow (Project=Alpha), ExplicitDeny (also Type=Reserved), ImplicitDeny (Beta), an unknown action. */
const SAMPLE_REQUESTS = [
  request("kms:Decrypt", { "aws:ResourceTag/Project": "Alpha" }),
  request("kms:Decrypt", { "aws:ResourceTag/Project": "Alpha", "aws:ResourceTag/Type": "Reserved" }),
  request("kms:Decrypt", { "aws:ResourceTag/Project": "Beta" }),
  request("kms:Frobnicate", {}),
];

const underlined = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

describe("analyzeInput", () => {
  it("compiles the sample bundle: no diagnostics, 3 statements sharing the Resource test", () => {
    const a = analyzeInput(SAMPLE_BUNDLE);
    expect(a.shape).toBe("bundle");
    expect(a.diagnostics).toEqual([]);
    expect(a.graph?.statements.map((s) => [s.sid, s.effect])).toEqual([
      ["Enable IAM User Permissions", "Allow"], ["UseProjectAlphaKeys", "Allow"], ["DenyReservedKeys", "Deny"],
    ]);
    // principal (root), the shared Resource pattern, two tag conditions
    expect(a.graph?.nodes.map((n) => n.kind)).toEqual(["principal", "resource", "condition", "condition"]);
    expect(a.bundle?.keys).toBeDefined();
    expect(a.dot).toContain("digraph");
  });

  it("reports the broken policy's mistakes at their spans in the pasted text, and compiles nothing", () => {
    const a = analyzeInput(SAMPLE_BROKEN);
    expect(a.shape).toBe("identity");
    expect(a.note).toContain("no statement has `Principal`");
    const found = a.diagnostics.map((d) => [d.code, underlined(SAMPLE_BROKEN, d.span)]);
    expect(found).toContainEqual(["KC2031", '"allow"']);
    expect(found).toContainEqual(["KC2090", '"stringEquals"']);
    const effect = a.diagnostics.find((d) => d.code === "KC2031");
    expect([effect?.line, effect?.column]).toEqual([6, 17]);
    expect(a.graph).toBeUndefined();
  });

  it("takes the kind it is given for a single policy", () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}';
    expect(analyzeInput(policy, { kind: "key" }).shape).toBe("key");
    expect(analyzeInput(policy).shape).toBe("identity");
  });

  it("says a bundle cannot name policy files here", () => {
    const text = '{"keys": {"arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111": {"policy": "key.json"}}}';
    const a = analyzeInput(text);
    expect(a.errors).toBeGreaterThan(0);
    expect(a.diagnostics.map((d) => underlined(text, d.span))).toContain('"key.json"');
  });
});

const decisionOf = (a: { result?: { decision: string } | { error: { code: string } } }): string =>
  a.result === undefined ? "-" : "error" in a.result ? a.result.error.code : a.result.decision;

describe("the engines side by side", () => {
  it("reference, graph and Cedar agree on the sample requests", () => {
    const engines = prepareEngines(analyzeInput(SAMPLE_BUNDLE), prepareCedarEngine());
    const outcomes = SAMPLE_REQUESTS.map((r) => decideAll(engines, r));
    // Expected from DESIGN §3 (see SAMPLE_REQUESTS).
    expect(outcomes.map((o) => o.map(decisionOf))).toEqual([
      ["Allow", "Allow", "Allow"], ["ExplicitDeny", "ExplicitDeny", "ExplicitDeny"],
      ["ImplicitDeny", "ImplicitDeny", "ImplicitDeny"], ["KR0002", "KR0002", "KR0002"],
    ]);
    expect(outcomes.every((o) => o[1]?.agrees === true && o[2]?.agrees === true)).toBe(true);
  });

  it("a bundle with layers: the reference and the graph decide it, Cedar is refused (KC2960), never emitted without the layers", () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] };
    const role = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] };
    // scp.md §3: the account's SCP allows Decrypt only, so Encrypt is an implicit deny naming the SCP.
    const scp = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };
    const text = JSON.stringify({
      keys: { [KEY]: { policy } },
      principals: { "arn:aws:iam::111122223333:role/App": { policies: [role] } },
      organization: { root: { children: [{ account: "111122223333", scps: [scp] }] } },
    });
    const analysis = analyzeInput(text);
    expect(analysis.errors).toBe(0);
    expect(analysis.cedar?.files).toBeUndefined();
    expect(analysis.cedar?.unavailable).toMatch(/KC2960/);
    const engines = prepareEngines(analysis, prepareCedarEngine());
    expect(decideAll(engines, request("kms:Decrypt", {})).map(decisionOf)).toEqual(["Allow", "Allow", "-"]);
    const denied = decideAll(engines, request("kms:Encrypt", {}));
    expect(denied.map(decisionOf)).toEqual(["ImplicitDeny", "ImplicitDeny", "-"]);
    expect(denied[2]?.unavailable).toMatch(/KC2960/);
  });

  it("says why Cedar is missing when no Cedar engine is given", () => {
    const answers = decideAll(prepareEngines(analyzeInput(SAMPLE_BUNDLE)), SAMPLE_REQUESTS[0]!);
    expect(answers.map(decisionOf)).toEqual(["Allow", "Allow", "-"]);
    expect(answers[2]?.unavailable).toMatch(/not available/);
  });

  it("under pure Cedar, refuses a `?` wildcard at its span but keeps the graph and the reference", () => {
    const text = SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha"', '"StringLike": { "aws:ResourceTag/Project": "Alph?"');
    expect(analyzeInput(text).cedar?.files).toBeDefined(); // a derived attribute by default (DESIGN §4)
    const pure = analyzeInput(text, { pureCedar: true });
    expect(pure.diagnostics.map((d) => [d.code, underlined(text, d.span)])).toEqual([["KC3001", '"Alph?"']]);
    expect(pure.cedar?.files).toBeUndefined();
    const answers = decideAll(prepareEngines(pure, prepareCedarEngine()), SAMPLE_REQUESTS[0]!);
    expect(answers.map(decisionOf)).toEqual(["Allow", "Allow", "-"]);
  });
});

describe("the graph picture", () => {
  it("lays out one box per statement and node and one edge per use", () => {
    const graph = analyzeInput(SAMPLE_BUNDLE).graph!;
    const layout = layoutGraph(graph);
    expect(layout.policies).toHaveLength(2);
    expect(layout.statements).toHaveLength(3);
    expect(layout.nodes).toHaveLength(4);
    expect(layout.edges.map((e) => [e.from, e.to, e.principal])).toEqual([[0, 0, true], [1, 1, false], [1, 2, false], [2, 1, false], [2, 3, false]]);
    const boxes = [...layout.statements, ...layout.nodes];
    for (const a of boxes) for (const b of boxes) if (a !== b && a.x === b.x) expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    const svg = renderGraphSvg(layout);
    expect(svg.match(/<path class="edge/g)).toHaveLength(5);
    expect(svg).toContain("DenyReservedKeys");
  });

  it("cuts long labels with an ellipsis", () => {
    expect(fit("x".repeat(200), 66)).toBe(`${"x".repeat(9)}…`);
    expect(fit("short", 66)).toBe("short");
  });
});

describe("the node:path stand-in", () => {
  it("resolves, takes dirnames and relative paths like POSIX node:path", () => {
    expect(resolve("/a/b", "../c", "./d")).toBe("/a/c/d");
    expect(resolve("/x", "/y/z")).toBe("/y/z");
    expect(dirname("/a/b/c.json")).toBe("/a/b");
    expect(dirname("/c.json")).toBe("/");
    expect(relative("/a/b", "/a/c/d")).toBe("../c/d");
  });
});

describe("one diagnostic per problem", () => {
  // A JSON-level mistake inside an inline policy was counted twice: by the bundle's parse and the policy's.
  it("a lone surrogate or a duplicate member inside an inline policy is reported once", () => {
    const policy = (statement: string) => `{"keys":{"${KEY}":{"policy":{"Version":"2012-10-17","Statement":[${statement}]}}}}`;
    const lone = policy(`{"Sid":"x\\ud800","Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}`);
    const twice = policy(`{"Effect":"Allow","Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}`);
    expect(analyzeInput(lone).diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["KC1025"]);
    expect(analyzeInput(twice).diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["KC1024"]);
  });
});
