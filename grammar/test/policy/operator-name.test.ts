import { describe, expect, it } from "vitest";
import { BASE_OPERATORS, formatOperatorName, parseOperatorName } from "@kms-cedar/grammar";

describe("parseOperatorName (spec §2.1)", () => {
  it("reads a plain base operator", () => {
    expect(parseOperatorName("StringEquals")).toEqual({ qualifier: undefined, base: "StringEquals", ifExists: false });
  });

  it("reads the set qualifiers and the IfExists suffix together", () => {
    expect(parseOperatorName("ForAnyValue:StringEqualsIfExists")).toEqual({
      qualifier: "ForAnyValue", base: "StringEquals", ifExists: true,
    });
    expect(parseOperatorName("ForAllValues:ArnLike")).toEqual({ qualifier: "ForAllValues", base: "ArnLike", ifExists: false });
  });

  it("parses NullIfExists and ForAllValues:Null so checks can reject them by name", () => {
    expect(parseOperatorName("NullIfExists")).toEqual({ qualifier: undefined, base: "Null", ifExists: true });
    expect(parseOperatorName("ForAllValues:Null")).toEqual({ qualifier: "ForAllValues", base: "Null", ifExists: false });
  });

  it("is case-sensitive (spec §1.8: `stringEquals` is rejected)", () => {
    for (const text of ["stringEquals", "STRINGEQUALS", "StringEqualsifexists", "forAnyValue:StringLike", "ForAnyValue:stringLike", "bool"]) {
      expect(parseOperatorName(text), text).toBeUndefined();
    }
  });

  it("rejects unknown names, doubled parts and stray separators", () => {
    for (const text of ["", "StringMatches", "IfExists", "ForAnyValue:", "ForAnyValue:ForAllValues:StringLike",
      "StringEqualsIfExistsIfExists", "ForAnyValue StringLike", " StringLike", "StringLike ", "ForSomeValues:StringLike"]) {
      expect(parseOperatorName(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("accepts every base with every prefix and suffix, and formats back to the same text", () => {
    let count = 0;
    for (const base of BASE_OPERATORS) {
      for (const prefix of ["", "ForAllValues:", "ForAnyValue:"]) {
        for (const suffix of ["", "IfExists"]) {
          const text = `${prefix}${base}${suffix}`;
          const parsed = parseOperatorName(text);
          expect(parsed?.base, text).toBe(base);
          expect(formatOperatorName(parsed!)).toBe(text);
          count++;
        }
      }
    }
    expect(count).toBe(27 * 6);
  });
});
