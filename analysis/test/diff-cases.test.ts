// Worked cases: equivalences that must be proved (split statements, re-cased actions, a CIDR as two
// halves, reordered values), differences that must be found (a bound moved by half a unit, a glob
// widened), and every KA refusal with its registry entry.
import { describe, expect, it } from "vitest";
import { ANALYSIS_REGISTRY, AnalysisCode, AnalysisRefusal, diffGraphs, prepareInput, proveAssertions, readAssertions, RequestSpace, toInlineBundle } from "@kms-cedar/analysis";
import type { Bundle } from "@kms-cedar/runtime";
import { KEY, ROLE } from "./policy-generators.js";

const keyPolicy = (...statements: object[]): Bundle => ({ keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: statements } } } });
const allow = (extra: object = {}) => ({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", ...extra });
const graph = (b: Bundle) => prepareInput("case", b).graph;
const diff = (a: Bundle, b: Bundle) => diffGraphs(graph(a), graph(b));

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AnalysisRefusal) return e.code;
    throw e;
  }
  return "none";
}

describe("equivalent in other words", () => {
  it("split statements and re-cased actions", () => {
    const a = keyPolicy({ ...allow(), Action: ["kms:Decrypt", "kms:Encrypt"] });
    const b = keyPolicy({ ...allow(), Action: "KMS:encrypt" }, { ...allow(), Action: "kms:DECRYPT" });
    expect(diff(a, b).equivalent).toBe(true);
  });

  it("a CIDR written as two halves, and reordered values", () => {
    const a = keyPolicy(allow({ Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/23" }, StringEquals: { "kms:ViaService": ["a.amazonaws.com", "b.amazonaws.com"] } } }));
    const b = keyPolicy(allow({ Condition: { IpAddress: { "aws:SourceIp": ["10.0.1.0/24", "10.0.0.0/24"] }, StringEquals: { "kms:ViaService": ["b.amazonaws.com", "a.amazonaws.com"] } } }));
    expect(diff(a, b).equivalent).toBe(true);
  });
});

describe("differences", () => {
  it("a numeric bound moved by half a unit has a decimal witness", () => {
    const d = diff(
      keyPolicy(allow({ Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } })),
      keyPolicy(allow({ Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600.5" } } })),
    );
    expect(d.equivalent).toBe(false);
    const values = d.classes.map((c) => c.witness.context?.["aws:multifactorauthage"]);
    expect(values).toEqual(expect.arrayContaining(["3600"]));
    expect(d.classes.every((c) => c.from === "ImplicitDeny" && c.to === "Allow")).toBe(true);
  });

  it("a widened glob: the class says like Alpha* but not Alpha", () => {
    const d = diff(
      keyPolicy(allow({ Condition: { StringEquals: { "kms:EncryptionContext:Project": "Alpha" } } })),
      keyPolicy(allow({ Condition: { StringLike: { "kms:EncryptionContext:Project": "Alpha*" } } })),
    );
    const text = d.classes.flatMap((c) => c.condition).join("\n");
    expect(text).toContain('like "Alpha*" but not = "Alpha"');
    const w = d.classes[0]!.witness.context!["kms:encryptioncontext:project"] as string;
    expect(w.startsWith("Alpha") && w !== "Alpha").toBe(true);
  });

  it("the decision kind counts: an Allow turned into an explicit Deny", () => {
    const d = diff(keyPolicy(allow()), keyPolicy(allow(), { ...allow(), Effect: "Deny", Principal: { AWS: ROLE } }));
    expect(d.classes.some((c) => c.from === "Allow" && c.to === "ExplicitDeny" && c.principals.includes(ROLE))).toBe(true);
  });
});

describe("refusals (KA codes), each registered", () => {
  const cases: [string, () => unknown][] = [
    [AnalysisCode.variable, () => graph(keyPolicy(allow({ Condition: { StringEquals: { "kms:EncryptionContext:Project": "${aws:username}" } } })))],
    [AnalysisCode.ignoreCase, () => graph(keyPolicy(allow({ Condition: { StringEqualsIgnoreCase: { "kms:ViaService": "A" } } })))],
    [AnalysisCode.mixedFamilies, () => graph(keyPolicy(allow({ Condition: { StringEquals: { "kms:EncryptionContext:n": "1" }, NumericLessThan: { "kms:EncryptionContext:n": "2" } } })))],
    [AnalysisCode.derivedKey, () => graph(keyPolicy(allow({ Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Admin*" } } })))],
    [AnalysisCode.resourcePattern, () => graph({ principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:ListKeys", Resource: "arn:aws:kms:us-*:111122223333:*" }] }] } } })],
    [AnalysisCode.multiValued, () => graph(keyPolicy(allow({ Condition: { "ForAnyValue:StringEquals": { "ext:values": "a" }, StringEquals: { "ext:values": "b" } } })))],
  ];
  for (const [code, make] of cases) {
    it(`${code}: ${ANALYSIS_REGISTRY.get(code as never)}`, () => {
      const g = make() as ReturnType<typeof graph>;
      expect(refusal(() => new RequestSpace([g]))).toBe(code);
    });
  }

  it(`${AnalysisCode.bound}: beyond the region bound`, () => {
    const g = graph(keyPolicy(allow()));
    expect(refusal(() => new RequestSpace([g], { bound: 10, strategy: "product" }).count())).toBe(AnalysisCode.bound);
    expect(refusal(() => diffGraphs(g, g, { bound: 10, localize: false }))).toBe(AnalysisCode.bound);
    expect(refusal(() => diffGraphs(g, graph(keyPolicy(allow({ Condition: { Bool: { "aws:SecureTransport": "true" } } }))), { bound: 10 }))).toBe(AnalysisCode.bound);
  });

  it(`${AnalysisCode.unsupportedBundle}: bundles with endpoint policies or grants (the other layers are modelled: layers.test.ts)`, () => {
    expect(toInlineBundle({ keys: {}, organization: { root: { id: "r-1", scps: [] } } }, ".")).toHaveProperty("organization");
    expect(refusal(() => toInlineBundle({ keys: {}, endpoints: {} }, "."))).toBe(AnalysisCode.unsupportedBundle);
    // A member no bundle has is the loader's error (KC2902), refused as input that does not compile.
    expect(refusal(() => toInlineBundle({ keys: {}, scps: [] }, "."))).toBe(AnalysisCode.compile);
    // A grant inside a key's entry is refused too, never dropped; a boundary is kept.
    const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
    const ROLE = "arn:aws:iam::111122223333:role/App";
    expect(refusal(() => toInlineBundle({ keys: { [KEY]: { policy: {}, grants: [] } } }, "."))).toBe(AnalysisCode.unsupportedBundle);
    expect(toInlineBundle({ principals: { [ROLE]: { policies: [], boundary: {} } } }, ".").principals?.[ROLE]).toHaveProperty("boundary");
    // `$schema` is metadata, not a layer.
    expect(toInlineBundle({ $schema: "x", keys: {} }, ".")).toEqual({ keys: {}, principals: {} });
    const g = graph(keyPolicy(allow()));
    const layered = { ...g, policies: g.policies.map((p) => ({ ...p, kind: "scp" as never })) };
    expect(refusal(() => new RequestSpace([layered]))).toBe(AnalysisCode.unsupportedBundle);
  });

  it(`${AnalysisCode.compile}: a bundle that does not compile`, () => {
    expect(refusal(() => prepareInput("bad", keyPolicy({ Effect: "Maybe", Principal: "*", Action: "kms:Decrypt", Resource: "*" })))).toBe(AnalysisCode.compile);
  });

  it(`${AnalysisCode.assertion}: malformed assertions`, () => {
    expect(refusal(() => readAssertions({ assertions: [{ actions: [] }] }))).toBe(AnalysisCode.assertion);
    expect(refusal(() => readAssertions({ assertions: [{ actions: ["kms:Decrypt"], typo: 1 }] }))).toBe(AnalysisCode.assertion);
  });

  it("every code has a registry entry", () => {
    for (const code of Object.values(AnalysisCode)) expect(ANALYSIS_REGISTRY.get(code)).toBeTruthy();
  });
});

describe("prove", () => {
  it("proves a key policy closed to other accounts, and finds the counterexample when it is opened", () => {
    const closed = graph(keyPolicy({ ...allow(), Principal: { AWS: "arn:aws:iam::111122223333:root" } }));
    const assertion = { name: "no outside decrypt", principals: ["*"], notInAccounts: ["111122223333"], actions: ["kms:Decrypt"], keys: ["*"] };
    expect(proveAssertions(closed, [assertion])[0]!.proved).toBe(true);
    const open = graph(keyPolicy({ ...allow(), Principal: { AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"] } }));
    const [r] = proveAssertions(open, [assertion]);
    expect(r!.proved).toBe(false);
    expect(r!.counterexample!.principal).toContain("444455556666");
  });
});
