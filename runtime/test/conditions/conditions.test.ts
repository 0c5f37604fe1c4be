// The shared condition semantics (runtime/src/conditions/), checked against the spec's tables by hand:
// the expected answers are written from spec §2.2, §2.10, §2.12, §3.2, A3–A5, A18, not from the code.
import { describe, expect, it } from "vitest";
import {
  CONDITION_BASES, compileConditionAnswer, compileConditionParts, isNegated, positivePartner, resolveTemplate, variableValue,
} from "../../src/conditions/index.js";
import type { ConditionSpec, Presence, RequestValue, TemplateReader } from "../../src/conditions/index.js";
import { absentAnswer, answerKey } from "../../src/conditions/key-answer.js";
import type { GraphTemplatePart } from "../../src/graph/graph-types.js";

const noTemplates: TemplateReader<readonly GraphTemplatePart[], undefined> = {
  compile: (parts) => parts,
  resolve: () => undefined,
};
const answer = (c: ConditionSpec) => compileConditionAnswer(c, noTemplates);

describe("the operator table", () => {
  it("pairs every negated operator with its positive partner (spec §2.2)", () => {
    const negated = CONDITION_BASES.filter(isNegated);
    expect(negated).toEqual([
      "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals",
      "NotIpAddress", "ArnNotEquals", "ArnNotLike",
    ]);
    expect(negated.map(positivePartner)).toEqual([
      "StringEquals", "StringEqualsIgnoreCase", "StringLike", "NumericEquals", "DateEquals", "IpAddress", "ArnLike", "ArnLike",
    ]);
    expect(positivePartner("ArnEquals")).toBe("ArnLike");
    expect(positivePartner("NumericLessThan")).toBe("NumericLessThan");
  });
});

describe("the key answer", () => {
  const eq = { base: "StringEquals", ifExists: false, values: ["a"] };
  const neq = { base: "StringNotEquals", ifExists: false, values: ["a"] };
  it("answers an absent key by the table of spec §2.12 (A3, A4)", () => {
    expect(answer(eq)(undefined, "absent", undefined)).toBe(0);
    expect(answer(neq)(undefined, "absent", undefined)).toBe(1);
    expect(answer({ ...eq, ifExists: true })(undefined, "absent", undefined)).toBe(1);
    expect(answer({ ...neq, qualifier: "ForAllValues" })(undefined, "absent", undefined)).toBe(1);
    expect(answer({ ...neq, qualifier: "ForAnyValue" })(undefined, "absent", undefined)).toBe(0);
  });
  it("fails closed on an ambiguous key (A18) and on a plain operator over several values (A5)", () => {
    expect(answer(eq)(undefined, "ambiguous", undefined)).toBe(2);
    expect(answer(eq)(undefined, "present", ["a", "b"])).toBe(2);
    expect(answer(eq)(undefined, "present", ["a", "a"])).toBe(1);
  });
  it("is the NOR of the positive partner for negated operators, per value under a qualifier", () => {
    expect(answer(neq)(undefined, "present", "a")).toBe(0);
    expect(answer(neq)(undefined, "present", "b")).toBe(1);
    expect(answer({ ...neq, qualifier: "ForAllValues" })(undefined, "present", ["b", "c"])).toBe(1);
    expect(answer({ ...neq, qualifier: "ForAllValues" })(undefined, "present", ["a", "c"])).toBe(0);
    expect(answer({ ...eq, qualifier: "ForAnyValue" })(undefined, "present", ["c", "a"])).toBe(1);
  });
  it("answers Null by presence alone, constant under a qualifier (spec §2.10)", () => {
    const isNull = { base: "Null", ifExists: false, values: ["TRUE"] };
    expect(answer(isNull)(undefined, "absent", undefined)).toBe(1);
    expect(answer(isNull)(undefined, "present", "x")).toBe(0);
    expect(answer(isNull)(undefined, "ambiguous", undefined)).toBe(2);
    expect(answer({ ...isNull, qualifier: "ForAllValues" })(undefined, "ambiguous", undefined)).toBe(1);
    expect(answer({ ...isNull, qualifier: "ForAnyValue" })(undefined, "absent", undefined)).toBe(0);
  });
  it("fails closed when a variable in the values cannot be resolved (§4.1)", () => {
    const withVariable = { base: "StringEquals", ifExists: false, values: [{ template: [{ variable: "aws:username" }] }] };
    expect(answer(withVariable)(undefined, "present", "a")).toBe(2);
  });
});

describe("policy variables (spec §4.4)", () => {
  const parts: GraphTemplatePart[] = [{ text: "home/" }, { variable: "aws:username", default: "nobody" }, { text: "/*" }];
  const read = (value: string | null | undefined) => resolveTemplate(parts, ["", "k", ""], value, (v) => v);
  it("substitutes literally, takes the default when absent, and is undecidable when the key is", () => {
    expect(read("a*")).toEqual([{ text: "home/", wild: true }, { text: "a*", wild: false }, { text: "/*", wild: true }]);
    expect(read(null)?.[1]).toEqual({ text: "nobody", wild: false });
    expect(read(undefined)).toBeUndefined();
    expect(resolveTemplate([{ variable: "k" }], ["k"], null, (v) => v)).toBeNull();
  });
  it("reads a multi-valued or ambiguous key as undecidable", () => {
    expect(variableValue("present", ["a", "b"])).toBeUndefined();
    expect(variableValue("present", ["a", "a"])).toBe("a");
    expect(variableValue("ambiguous", undefined)).toBeUndefined();
    expect(variableValue("absent", undefined)).toBeNull();
  });
});

describe("the condition in parts (compileConditionParts, what the graph evaluator runs)", () => {
  const tagged: TemplateReader<readonly GraphTemplatePart[], { tag: string | null | undefined }> = {
    compile: (parts) => parts,
    resolve: (parts, source) => resolveTemplate(parts, [0], source, (s) => s.tag),
  };
  const spec: ConditionSpec = { base: "StringEquals", ifExists: false, values: [{ template: [{ variable: "aws:principaltag/team" }] }] };
  it("has no prepare step without variables, and the same answers as the whole condition", () => {
    const plain = { base: "StringNotEquals", ifExists: false, values: ["a"] };
    const parts = compileConditionParts(plain, noTemplates);
    expect(parts.prepare).toBeUndefined();
    expect([parts.answer("present", "a"), parts.answer("present", "b"), parts.answer("absent", undefined), parts.answer("ambiguous", undefined)]).toEqual([0, 1, 1, 2]);
  });
  it("resolves variables in `prepare` (false when undecidable), then answers over the resolved values", () => {
    const parts = compileConditionParts(spec, tagged);
    expect(parts.prepare!({ tag: "t1" })).toBe(true);
    expect([parts.answer("present", "t1"), parts.answer("present", "t2")]).toEqual([1, 0]);
    expect(parts.prepare!({ tag: undefined })).toBe(false);
    // The whole condition: 2 (fail closed) when a variable is undecidable.
    expect(compileConditionAnswer(spec, tagged)({ tag: undefined }, "present", "t1")).toBe(2);
    expect(compileConditionAnswer(spec, tagged)({ tag: "t1" }, "present", "t1")).toBe(1);
  });
});

describe("the key answer in parts (answerKey, what the graph evaluator calls)", () => {
  const ops: ConditionSpec[] = [];
  for (const base of ["StringEquals", "StringNotEquals"]) {
    for (const qualifier of [undefined, "ForAllValues", "ForAnyValue"] as const) {
      for (const ifExists of [false, true]) ops.push({ base, ifExists, values: ["a"], ...(qualifier !== undefined ? { qualifier } : {}) });
    }
  }
  const cases: [Presence, RequestValue | undefined][] = [
    ["absent", undefined], ["ambiguous", undefined], ["present", "a"], ["present", "b"], ["present", ["a", "a"]], ["present", ["a", "b"]], ["present", ["b", "c"]],
  ];
  it("answers as the whole condition, for every qualifier, IfExists, negation and value shape", () => {
    for (const op of ops) {
      const { key } = compileConditionParts(op, noTemplates);
      for (const [presence, v] of cases) {
        expect([op, presence, v, answerKey(key!.absent, key!.negated, key!.qualifier, key!.m, presence, v)]).toEqual([op, presence, v, answer(op)(undefined, presence, v)]);
      }
    }
  });
  it("gives the absent answers of spec §2.12 (A3, A4), and no parts for Null", () => {
    expect([absentAnswer({ base: "StringEquals", ifExists: false }, false), absentAnswer({ base: "StringNotEquals", ifExists: false }, true)]).toEqual([0, 1]);
    expect(absentAnswer({ base: "StringNotEquals", ifExists: false, qualifier: "ForAnyValue" }, true)).toBe(0);
    expect(absentAnswer({ base: "StringEquals", ifExists: true }, false)).toBe(1);
    expect(compileConditionParts({ base: "Null", ifExists: false, values: ["true"] }, noTemplates).key).toBeUndefined();
  });
});
