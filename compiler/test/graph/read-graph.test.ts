// readGraph checks all of graph.json (runtime/src/graph/read-graph.ts): a graph missing a field, with
// an unknown member, a bad index or an inconsistent action index is refused with a message, and one
// edited by hand (even into a well-formed graph) is refused by its digest. Graphs come from the
// compiler, so the cases are real graph.json files with one thing changed.
import { describe, expect, it } from "vitest";
import { compileBundle, emitGraphJson } from "@kms-cedar/compiler";
import { canonicalJson, createAuthorizer, graphDigest, readGraph } from "@kms-cedar/runtime";

const A = "111122223333";
const B = "444455556666";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const EXT = `arn:aws:iam::${B}:role/Ext`;
const compiled = compileBundle({
  keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [
    { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
    { Sid: "NoExternal", Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": A } } },
  ] } } },
  principals: { [EXT]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] }] } },
});
const text = emitGraphJson(compiled.graph!);
const parsed = (): Record<string, any> => JSON.parse(text) as Record<string, any>;
/** The graph after `edit`, with its digest recomputed (so only the shape check can refuse it). */
const resealed = (edit: (g: Record<string, any>) => void): Record<string, any> => {
  const g = parsed();
  edit(g);
  g.digest = graphDigest(g as never);
  return g;
};
const errorOf = (input: unknown): string => {
  const read = readGraph(input);
  return "error" in read ? read.error : "accepted";
};

describe("readGraph", () => {
  it("accepts what the compiler writes, as text or parsed, and its digest is over the canonical form", () => {
    expect(errorOf(text)).toBe("accepted");
    expect(errorOf(parsed())).toBe("accepted");
    expect(parsed().digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: "x" }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
  });

  it("refuses a hand-edited graph: the key policy's Deny removed (the issue's wrong Allow)", () => {
    const request = { principal: EXT, action: "kms:Decrypt", resource: KEY, context: {} };
    expect(createAuthorizer(text).decide(request)).toMatchObject({ decision: "ExplicitDeny" });
    const edited = parsed();
    edited.policies[0].byAction["kms:Decrypt"].deny = [];
    edited.statements[1].actions = [];
    expect(errorOf(edited)).toMatch(/digest does not match its content/);
    expect(() => createAuthorizer(JSON.stringify(edited))).toThrow(/graph.json was edited or damaged/);
  });

  it.each([
    { name: "missing digest", edit: (g: any) => delete g.digest, error: "the graph lacks `digest`", reseal: false },
    { name: "missing keys (cross-account without the key policy)", edit: (g: any) => delete g.keys, error: "the graph lacks `keys`" },
    { name: "key policy not listed under its key", edit: (g: any) => (g.keys = {}), error: "policies[0] is not listed under its owner" },
    { name: "unknown top-level member", edit: (g: any) => (g.extra = 1), error: "the graph has an unknown member `extra`" },
    { name: "statement without effect", edit: (g: any) => delete g.statements[0].effect, error: "statements[0] lacks `effect`" },
    { name: "statement with an unknown member", edit: (g: any) => (g.statements[0].when = "always"), error: "statements[0] has an unknown member `when`" },
    { name: "node index out of range", edit: (g: any) => (g.statements[1].tests = [99]), error: "statements[1].tests refers to a missing entry (99)" },
    { name: "statement policy out of range", edit: (g: any) => (g.statements[0].policy = 7), error: "statements[0].policy refers to a missing entry (7)" },
    { name: "Deny dropped from the action index only", edit: (g: any) => (g.policies[0].byAction["kms:Decrypt"].deny = []), error: "policies[0].byAction does not list the policy's statements for `kms:Decrypt`" },
    { name: "a test that is a principal node", edit: (g: any) => (g.statements[1].tests = [g.statements[1].principal]), error: "statements[1] tests a principal node" },
    { name: "condition key not lower-cased", edit: (g: any) => { const n = g.nodes.find((x: any) => x.kind === "condition"); n.key = n.key.toUpperCase(); }, error: "is not lower-cased" },
    { name: "unknown operator", edit: (g: any) => (g.nodes.find((x: any) => x.kind === "condition").base = "StringMatches"), error: "unknown operator `StringMatches`" },
    { name: "a boolean written as a string", edit: (g: any) => (g.actions[0].crossAccount = "true"), error: "actions[0] has a member that is not true or false" },
    { name: "principal owner mismatch", edit: (g: any) => (g.principals = { [`arn:aws:iam::${B}:role/Other`]: [1] }), error: "names a policy that is not its identity policy" },
    { name: "a span that ends before it starts", edit: (g: any) => (g.statements[0].span = { start: 5, end: 1 }), error: "statements[0].span ends before it starts" },
    { name: "droppedPrincipals that is not a list", edit: (g: any) => (g.droppedPrincipals = "arn:aws:iam::111122223333:role/App"), error: "`droppedPrincipals` is not an array" },
    { name: "droppedPrincipals with a non-string", edit: (g: any) => (g.droppedPrincipals = [7]), error: "`droppedPrincipals` is not a string" },
  ])("refuses $name", ({ edit, error, reseal }) => {
    const g = reseal === false ? (() => { const x = parsed(); edit(x); return x; })() : resealed(edit);
    expect(errorOf(g)).toContain(error);
  });

  it("writes and reads back the principals of the statements the passes dropped (KR0012 reads them)", () => {
    const session = `arn:aws:sts::${A}:assumed-role/App/s1`;
    const role = `arn:aws:iam::${A}:role/team/App`;
    const withDropped = compileBundle({ keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [
      { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
      // A key policy is never consulted for CreateKey, and s3 is no KMS action: both statements are dropped.
      { Sid: "IamOnly", Effect: "Deny", Principal: { AWS: [session, A] }, Action: "kms:CreateKey", Resource: "*" },
      { Sid: "S3", Effect: "Deny", Principal: { AWS: role }, Action: "s3:GetObject", Resource: "*" },
    ] } } } });
    const graphText = emitGraphJson(withDropped.graph!);
    const read = readGraph(graphText);
    if ("error" in read) throw new Error(read.error);
    expect(read.graph.statements).toHaveLength(1);
    expect(read.graph.droppedPrincipals).toEqual([A, role, session]);
    expect(createAuthorizer(graphText).decide({ principal: role, action: "kms:Decrypt", resource: KEY })).toMatchObject({ error: { code: "KR0012" } });
    // A graph whose passes dropped no principal has no such member.
    expect(parsed().droppedPrincipals).toBeUndefined();
  });

  it("keeps a `__proto__` member of a map as data, in a prototype-free map", () => {
    const g = resealed(() => undefined);
    const json = JSON.stringify(g).replace(`"principals":{`, `"principals":{"__proto__":[],`);
    const withProto = JSON.parse(json) as Record<string, any>;
    withProto.digest = graphDigest(withProto as never);
    const read = readGraph(withProto);
    expect("graph" in read).toBe(true);
    const graph = (read as { graph: { principals: object } }).graph;
    expect(Object.getPrototypeOf(graph.principals)).toBeNull();
    expect(Object.keys(graph.principals)).toContain("__proto__");
  });

  it("never throws, whatever the input", () => {
    for (const input of [null, 42, "[", "null", [], { format: "kms-cedar-graph", version: 2, actions: 5 }]) expect(typeof errorOf(input)).toBe("string");
  });
});
