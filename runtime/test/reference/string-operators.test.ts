// String operators (spec §2.3) and IfExists (§2.11): exact, IgnoreCase, Like, and their negations.

import { describe, expect, it } from "vitest";
import { holds, type ConditionRow } from "./fixtures.js";

const K = "kms:EncryptionContext:App";
const on = (operator: string, values: unknown, value?: string): { condition: object; context: Record<string, string> } => ({
  condition: { [operator]: { [K]: values } },
  context: value === undefined ? {} : { [K]: value },
});
const row = (name: string, operator: string, values: unknown, value: string | undefined, expected: boolean): ConditionRow =>
  ({ name, ...on(operator, values, value), expected });

const rows: ConditionRow[] = [
  row("StringEquals exact", "StringEquals", "billing", "billing", true),
  row("StringEquals prefix is not equal", "StringEquals", "bill", "billing", false),
  row("StringEquals * is literal (no match)", "StringEquals", "bill*", "billing", false),
  row("StringEquals * is literal (match)", "StringEquals", "bill*", "bill*", true),
  // IAM, Condition element: an empty string "in the request context is null" (deviation 45): unknown.
  row("StringEquals on an empty string value: unknown, not satisfied in an Allow", "StringEquals", "", "", false),
  row("StringEquals empty policy value vs text", "StringEquals", "", "x", false),
  row("StringEquals trailing blank matters", "StringEquals", "a", "a ", false),
  row("StringEquals JSON number policy value", "StringEquals", 10, "10", true),
  row("StringNotEquals different", "StringNotEquals", "billing", "payroll", true),
  row("StringNotEquals same", "StringNotEquals", "billing", "billing", false),
  row("StringNotEquals case differs", "StringNotEquals", "Billing", "billing", true),
  row("StringEqualsIgnoreCase upper/lower", "StringEqualsIgnoreCase", "BILLING", "billing", true),
  row("StringEqualsIgnoreCase Latin-1 letters", "StringEqualsIgnoreCase", "ÉTÉ", "été", true),
  row("StringEqualsIgnoreCase different", "StringEqualsIgnoreCase", "billing", "billings", false),
  row("StringEqualsIgnoreCase no wildcards", "StringEqualsIgnoreCase", "B*", "billing", false),
  row("StringNotEqualsIgnoreCase same up to case", "StringNotEqualsIgnoreCase", "BILLING", "billing", false),
  row("StringNotEqualsIgnoreCase different", "StringNotEqualsIgnoreCase", "BILLING", "payroll", true),
  row("StringNotEqualsIgnoreCase absent", "StringNotEqualsIgnoreCase", "BILLING", undefined, true),
  row("StringLike * on an empty string value: unknown, not satisfied in an Allow", "StringLike", "*", "", false),
  row("StringLike * alone matches anything", "StringLike", "*", "a:b/c", true),
  row("StringLike ? needs one character", "StringLike", "?", "", false),
  row("StringLike ? is one code point (astral)", "StringLike", "a?b", "a😀b", true),
  row("StringLike ?? is not one astral code point", "StringLike", "a??b", "a😀b", false),
  row("StringLike is case-sensitive", "StringLike", "Bill*", "billing", false),
  row("StringLike regex metacharacters are literal", "StringLike", "a.b+(c)", "a.b+(c)", true),
  row("StringLike . is not any character", "StringLike", "a.b", "axb", false),
  row("StringLike ** is like *", "StringLike", "a**b", "ab", true),
  row("StringLike inner *", "StringLike", "a*c*e", "abcde", true),
  row("StringLike inner * in wrong order", "StringLike", "a*e*c", "abcde", false),
  row("StringLike anchored at the end", "StringLike", "a*c", "abcd", false),
  row("StringLike several values ORed", "StringLike", ["x*", "b*"], "billing", true),
  row("StringNotLike matches → false", "StringNotLike", "bill*", "billing", false),
  row("StringNotLike no match → true", "StringNotLike", "pay*", "billing", true),
  row("StringNotLike values NORed", "StringNotLike", ["pay*", "*ing"], "billing", false),
  row("StringNotLike absent → true", "StringNotLike", "pay*", undefined, true),
  row("StringLike absent → false", "StringLike", "*", undefined, false),
  row("StringEqualsIfExists present, equal", "StringEqualsIfExists", "billing", "billing", true),
  row("StringEqualsIfExists present, different", "StringEqualsIfExists", "billing", "payroll", false),
  row("StringNotEqualsIfExists absent", "StringNotEqualsIfExists", "billing", undefined, true),
  row("StringNotEqualsIfExists present, equal", "StringNotEqualsIfExists", "billing", "billing", false),
  row("StringNotLikeIfExists present, no match", "StringNotLikeIfExists", "b*", "payroll", true),
];

describe("string operators (§2.3)", () => {
  it.each(rows)("$name", ({ condition, context, expected }) => {
    expect(holds(condition, context)).toBe(expected);
  });

  it("a negated IfExists in a Deny still denies when the key is missing (§2.11)", () => {
    expect(holds({ StringNotEqualsIfExists: { [K]: "billing" } }, {}, { effect: "Deny" })).toBe(true);
  });
});
