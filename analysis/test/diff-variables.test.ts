// Policy variables in the analysis (variable-pairs.ts): the pair dimension's equal / unequal regions,
// diffs where a variable change is a change (every witness decided as reported by the three
// engines) and where a rewording is equivalent, and the precise refusals (KA0001) outside the fragment.
import { describe, expect, it } from "vitest";
import { AnalysisCode, AnalysisRefusal, diffGraphs, prepareInput, RequestSpace } from "@kms-cedar/analysis";
import type { Bundle, ConditionNode } from "@kms-cedar/runtime";
import { pairDimension } from "../src/space/variable-pairs.js";
import { verifyWitness } from "../src/verify-witness.js";
import { KEY, ROLE } from "./policy-generators.js";

const RES = "aws:resourcetag/team";
const PRIN = "aws:principaltag/team";

/** App's identity policy of `statements`, and a key policy that lets the account's IAM policies work (aws:ResourceTag is for identity policies). */
const bundle = (...statements: object[]): Bundle => ({
  keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] } } },
  principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: statements }] } },
});
const allow = (condition: object) => ({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}) });

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AnalysisRefusal) return `${e.code} ${e.message}`;
    throw e;
  }
  return "none";
}

/** Diffs two bundles and checks every witness with the three engines; returns the diff. */
function diffChecked(a: Bundle, b: Bundle) {
  const x = prepareInput("old", a);
  const y = prepareInput("new", b);
  const d = diffGraphs(x.graph, y.graph);
  for (const c of d.classes) {
    verifyWitness(x, c.witness, c.from);
    verifyWitness(y, c.witness, c.to);
  }
  return d;
}

const node = (key: string, base: string, values: ConditionNode["values"]): ConditionNode => ({ kind: "condition", base, ifExists: false, key, values, origin: [] });

describe("the pair dimension", () => {
  it("splits a shared class into equal and unequal, a single-value class into equal only", () => {
    const dim = pairDimension(PRIN, RES, [node(RES, "StringEquals", [{ template: [{ variable: PRIN }] }]), node(PRIN, "StringEquals", ["team07"])]);
    const labels = dim.values.map((v) => v.label);
    // Per key: absent, = "team07", not = "team07", several values, two letter cases (5 × 5), plus "different" for the class with many strings.
    expect(dim.values).toHaveLength(26);
    expect(labels.filter((l) => l.endsWith(", equal"))).toHaveLength(2);
    expect(labels.filter((l) => l.endsWith(", different"))).toEqual([`${PRIN} not = "team07" and ${RES} not = "team07", different`]);
    for (const v of dim.values) {
      if (v.kind !== "pair") throw new Error("not a pair");
      const [p, r] = v.parts.map((x) => ("value" in x ? x.value : undefined));
      if (v.label.endsWith(", equal")) expect(p).toBe(r);
      if (v.label.endsWith(", different")) expect(p).not.toBe(r);
    }
  });

  it("finds that two globs can meet in exactly one string (a? and ?b share only ab): no unequal pair there", () => {
    const dim = pairDimension("ext:a", "ext:b", [node("ext:a", "StringLike", ["a?"]), node("ext:b", "StringLike", ["?b"]), node("ext:a", "StringEquals", [{ template: [{ variable: "ext:b" }] }])]);
    const both = dim.values.filter((v) => v.label.startsWith('ext:a like "?b" and like "a?" and ext:b like "?b" and like "a?"'));
    expect(both.map((v) => v.label.split(", ").pop())).toEqual(["equal"]);
    // The class "like a? but not like ?b" has many strings: both equal and different are there.
    const other = dim.values.filter((v) => v.label.startsWith('ext:a like "a?" but not like "?b" and ext:b like "a?" but not like "?b"'));
    expect(other.map((v) => v.label.split(", ").pop()).sort()).toEqual(["different", "equal"]);
  });

  it("tells the default apart: an absent variable key compares the other key with it", () => {
    const dim = pairDimension(PRIN, RES, [node(RES, "StringEquals", [{ template: [{ variable: PRIN, default: "shared" }] }])]);
    expect(dim.values.some((v) => v.label.includes(`${RES} = "shared"`) && v.label.includes(`${PRIN} absent`))).toBe(true);
  });
});

describe("diffs with policy variables", () => {
  const variable = allow({ StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } });

  it("a variable replaced by a literal is a change, with witnesses on both sides of the equality", () => {
    const d = diffChecked(bundle(variable), bundle(allow({ StringEquals: { "aws:ResourceTag/team": "team07" } })));
    expect(d.equivalent).toBe(false);
    const lost = d.classes.filter((c) => c.from === "Allow" && c.to === "ImplicitDeny");
    const gained = d.classes.filter((c) => c.from === "ImplicitDeny" && c.to === "Allow");
    expect(lost.length).toBeGreaterThan(0);
    expect(gained.length).toBeGreaterThan(0);
    // Lost: the tags equal and not team07. Gained: the resource tag team07, the principal's tag not.
    for (const c of lost) expect(c.witness.context?.[RES]).toBe(c.witness.context?.[PRIN]);
    for (const c of gained) {
      expect(c.witness.context?.[RES]).toBe("team07");
      expect(c.witness.context?.[PRIN]).not.toBe("team07");
    }
  });

  it("a variable turned round is equivalent (A = ${B} says B = ${A}), and so is a variable repeated in a list", () => {
    expect(diffChecked(bundle(variable), bundle(allow({ StringEquals: { "aws:PrincipalTag/team": "${aws:ResourceTag/team}" } }))).equivalent).toBe(true);
    expect(diffChecked(bundle(variable), bundle(allow({ StringEquals: { "aws:ResourceTag/team": ["${aws:PrincipalTag/team}", "${aws:PrincipalTag/team}"] } }))).equivalent).toBe(true);
  });

  it("StringLike with a whole variable compares for equality: `*` in the tag is not a wildcard (A24)", () => {
    expect(diffChecked(bundle(variable), bundle(allow({ StringLike: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } }))).equivalent).toBe(true);
    const d = diffChecked(bundle(variable), bundle(allow({ StringLike: { "aws:ResourceTag/team": ["${aws:PrincipalTag/team}", "team*"] } })));
    for (const c of d.classes) {
      expect([c.from, c.to]).toEqual(["ImplicitDeny", "Allow"]);
      expect(String(c.witness.context?.[RES]).startsWith("team")).toBe(true);
    }
    expect(d.equivalent).toBe(false);
  });

  it("adding a default is a change only where the principal tag is absent and the resource tag is the default", () => {
    const d = diffChecked(bundle(variable), bundle(allow({ StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team, 'shared'}" } })));
    expect(d.equivalent).toBe(false);
    for (const c of d.classes) {
      expect([c.from, c.to]).toEqual(["ImplicitDeny", "Allow"]);
      expect(c.witness.context?.[RES]).toBe("shared");
      expect(c.witness.context?.[PRIN]).toBeUndefined();
    }
  });

  it("StringEqualsIfExists with a variable differs only where the resource tag is absent", () => {
    const d = diffChecked(bundle(variable), bundle(allow({ StringEqualsIfExists: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } })));
    expect(d.equivalent).toBe(false);
    for (const c of d.classes) {
      expect([c.from, c.to]).toEqual(["ImplicitDeny", "Allow"]);
      expect(c.witness.context?.[RES]).toBeUndefined();
    }
  });

  it("a Deny unless the tags match: StringNotEquals and StringNotEqualsIfExists are equivalent (an absent key holds in both)", () => {
    const deny = (op: string) => ({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { [op]: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } });
    const base = allow({});
    expect(diffChecked(bundle(base, deny("StringNotEquals")), bundle(base, deny("StringNotEqualsIfExists"))).equivalent).toBe(true);
    // Against no Deny at all: denied exactly where the tags differ or cannot be compared.
    const d = diffChecked(bundle(base), bundle(base, deny("StringNotEquals")));
    expect(d.classes.length).toBeGreaterThan(0);
    for (const c of d.classes) {
      expect([c.from, c.to]).toEqual(["Allow", "ExplicitDeny"]);
      const ctx = c.witness.context ?? {};
      const comparable = typeof ctx[RES] === "string" && typeof ctx[PRIN] === "string";
      if (comparable) expect(ctx[RES]).not.toBe(ctx[PRIN]);
    }
  });
});

describe("what stays refused (KA0001), with what is not supported", () => {
  const cases: [string, object, string][] = [
    ["a variable inside a larger string", { StringEquals: { "aws:ResourceTag/team": "team-${aws:PrincipalTag/team}" } }, "inside a larger string"],
    ["ArnLike with a variable", { ArnLike: { "aws:SourceArn": "${aws:PrincipalTag/team}" } }, "only as whole values of StringEquals"],
    ["a qualified operator with a variable", { "ForAnyValue:StringEquals": { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } }, "only as whole values of StringEquals"],
    ["a caller-derived variable", { StringEquals: { "aws:ResourceTag/owner": "${aws:username}" } }, "caller- or resource-derived"],
    ["a chain of three keys", { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}", "aws:RequestTag/team": "${aws:ResourceTag/team}" } }, "not chains"],
    ["a related key tested as a set", { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" }, "ForAnyValue:StringLike": { "aws:PrincipalTag/team": "t*" } }, "sets of a related key"],
  ];
  for (const [name, condition, message] of cases) {
    it(name, () => {
      const g = prepareInput("case", bundle(allow(condition))).graph;
      const got = refusal(() => new RequestSpace([g]));
      expect(got.startsWith(AnalysisCode.variable)).toBe(true);
      expect(got).toContain(message);
    });
  }
});
