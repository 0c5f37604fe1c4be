// Set operators and multivalued keys beyond Appendix A.2 (spec §3.2–§3.6, §2.12): every set
// operator × base family, IfExists with sets, duplicates, single-valued keys as one-element sets.

import { describe, expect, it } from "vitest";
import { holds, type ConditionRow } from "./fixtures.js";

const S = "aws:CalledVia";
const setRow = (name: string, operator: string, policy: unknown, values: string[] | undefined, expected: boolean): ConditionRow =>
  ({ name, condition: { [operator]: { [S]: policy } }, context: values === undefined ? {} : { [S]: values }, expected });

const rows: ConditionRow[] = [
  setRow("ForAllValues:StringLike all match", "ForAllValues:StringLike", "*.amazonaws.com", ["athena.amazonaws.com", "glue.amazonaws.com"], true),
  setRow("ForAllValues:StringLike one does not", "ForAllValues:StringLike", "a*", ["athena.amazonaws.com", "glue.amazonaws.com"], false),
  setRow("ForAllValues empty array = absent → true", "ForAllValues:StringEquals", "x", [], true),
  setRow("ForAnyValue empty array = absent → false", "ForAnyValue:StringEquals", "x", [], false),
  setRow("ForAnyValue:StringEqualsIgnoreCase", "ForAnyValue:StringEqualsIgnoreCase", "ATHENA.amazonaws.com", ["glue.amazonaws.com", "athena.amazonaws.com"], true),
  setRow("ForAllValues:StringNotLike none matches", "ForAllValues:StringNotLike", "x*", ["athena", "glue"], true),
  setRow("ForAllValues:StringNotLike one matches", "ForAllValues:StringNotLike", "g*", ["athena", "glue"], false),
  setRow("ForAnyValue:StringNotLike one does not match", "ForAnyValue:StringNotLike", "g*", ["athena", "glue"], true),
  setRow("ForAnyValue:StringNotLike all match", "ForAnyValue:StringNotLike", "*", ["athena", "glue"], false),
  setRow("ForAnyValue:StringEqualsIfExists absent → true (§3.2)", "ForAnyValue:StringEqualsIfExists", "x", undefined, true),
  setRow("ForAnyValue:StringEqualsIfExists present, no match", "ForAnyValue:StringEqualsIfExists", "x", ["y"], false),
  setRow("ForAllValues:StringEqualsIfExists absent → true", "ForAllValues:StringEqualsIfExists", "x", undefined, true),
  setRow("ForAnyValue:StringNotEqualsIfExists absent → true", "ForAnyValue:StringNotEqualsIfExists", "x", undefined, true),
  setRow("ForAllValues with an empty policy list, present → false (§2.12)", "ForAllValues:StringEquals", [], ["a"], false),
  setRow("ForAllValues negated, empty policy list → true (§2.12)", "ForAllValues:StringNotEquals", [], ["a"], true),
  setRow("ForAnyValue negated, empty policy list, ≥1 value → true (§2.12)", "ForAnyValue:StringNotEquals", [], ["a"], true),
  setRow("ForAnyValue positive, empty policy list → false", "ForAnyValue:StringEquals", [], ["a"], false),
  setRow("duplicates in the request are one value (plain operator compares)", "StringEquals", "athena", ["athena", "athena"], true),
  setRow("plain operator, one-element array compared directly", "StringLike", "ath*", ["athena"], true),
  setRow("plain negated operator, two values → FCR in an Allow", "StringNotEquals", "x", ["a", "b"], false),
  setRow("plain IfExists operator, two values → FCR in an Allow", "StringEqualsIfExists", "a", ["a", "b"], false),
  setRow("ForAllValues:NumericLessThan all below", "ForAllValues:NumericLessThan", "10", ["1", "9.99"], true),
  setRow("ForAnyValue:NumericGreaterThan one above", "ForAnyValue:NumericGreaterThan", "10", ["1", "11"], true),
  setRow("ForAllValues:NumericLessThan one does not parse", "ForAllValues:NumericLessThan", "10", ["1", "x"], false),
  setRow("ForAnyValue:IpAddress one inside", "ForAnyValue:IpAddress", "10.0.0.0/8", ["192.168.0.1", "10.9.9.9"], true),
  setRow("ForAllValues:ArnLike all inside", "ForAllValues:ArnLike", "arn:aws:iam::*:role/*", ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::444455556666:role/b"], true),
  setRow("ForAnyValue:Bool one true", "ForAnyValue:Bool", "true", ["false", "true"], true),
  setRow("ForAllValues:DateLessThan all before", "ForAllValues:DateLessThan", "2021-01-01", ["2020-01-01", "2020-12-31T23:59:59Z"], true),
  { name: "single-valued key as a one-element set (§3.4): ForAllValues match", condition: { "ForAllValues:StringEquals": { "kms:EncryptionContext:Dept": "IT" } }, context: { "kms:EncryptionContext:Dept": "IT" }, expected: true },
  { name: "single-valued key, identity policy: ForAllValues absent → true (§3.4)", condition: { "ForAllValues:StringEquals": { "kms:EncryptionContext:Dept": "IT" } }, context: {}, expected: true },
  { name: "plain operator in a Deny on two values → FCR true", condition: { StringEquals: { [S]: "x" } }, context: { [S]: ["a", "b"] }, expected: true, options: { effect: "Deny" } },
  { name: "ForAnyValue in a Deny, absent → false (no deny)", condition: { "ForAnyValue:StringEquals": { [S]: "x" } }, context: {}, expected: false, options: { effect: "Deny" } },
];

describe("set operators (§3)", () => {
  it.each(rows)("$name", ({ condition, context, expected, options }) => {
    expect(holds(condition, context, options)).toBe(expected);
  });
});
