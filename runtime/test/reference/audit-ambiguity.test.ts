// Audit (H9): a context key given twice with different letter case is ambiguous (§6.1, A18,
// docs/request-model.md): every operator, qualifier and IfExists form on it is decided by the
// fail-closed rule (§0.2) — also when one of the two entries is an empty array, and also for a
// variable naming it. Only ForAllValues:Null / ForAnyValue:Null keep their constant value (§2.10).

import { describe, expect, it } from "vitest";
import { holds, type Ctx } from "./fixtures.js";

const BASES: ReadonlyArray<readonly [string, string]> = [
  ["StringEquals", "x"], ["StringNotEquals", "x"], ["StringEqualsIgnoreCase", "x"], ["StringNotEqualsIgnoreCase", "x"],
  ["StringLike", "*"], ["StringNotLike", "*"], ["NumericEquals", "1"], ["NumericNotEquals", "1"], ["NumericLessThan", "1"],
  ["NumericLessThanEquals", "1"], ["NumericGreaterThan", "1"], ["NumericGreaterThanEquals", "1"],
  ["DateEquals", "2020"], ["DateNotEquals", "2020"], ["DateLessThan", "2020"], ["DateLessThanEquals", "2020"],
  ["DateGreaterThan", "2020"], ["DateGreaterThanEquals", "2020"], ["Bool", "true"], ["BinaryEquals", "AQID"],
  ["IpAddress", "10.0.0.0/8"], ["NotIpAddress", "10.0.0.0/8"], ["ArnEquals", "arn:*:*:*:*:*"], ["ArnLike", "arn:*:*:*:*:*"],
  ["ArnNotEquals", "arn:*:*:*:*:*"], ["ArnNotLike", "arn:*:*:*:*:*"],
];
const CONTEXTS: ReadonlyArray<readonly [string, Ctx]> = [
  ["two strings", { "aws:PrincipalTag/Team": "x", "aws:principaltag/team": "x" }],
  ["a string and an empty array", { "aws:PrincipalTag/Team": "x", "AWS:PRINCIPALTAG/TEAM": [] }],
  ["two empty arrays", { "aws:PrincipalTag/Team": [], "aws:principaltag/TEAM": [] }],
];

describe("§6.1/A18 — an ambiguous key fails closed under every operator form", () => {
  for (const [base, value] of BASES) {
    it(base, () => {
      for (const setOp of ["", "ForAllValues:", "ForAnyValue:"]) {
        for (const suffix of ["", "IfExists"]) {
          for (const [name, context] of CONTEXTS) {
            const condition = { [`${setOp}${base}${suffix}`]: { "aws:PrincipalTag/team": value } };
            expect(holds(condition, context), `${setOp}${base}${suffix}, ${name}, Allow`).toBe(false);
            expect(holds(condition, context, { effect: "Deny" }), `${setOp}${base}${suffix}, ${name}, Deny`).toBe(true);
          }
        }
      }
    });
  }

  it("Null fails closed; ForAllValues:Null is always true and ForAnyValue:Null always false (§2.10)", () => {
    for (const [name, context] of CONTEXTS) {
      for (const value of ["true", "false"]) {
        expect(holds({ Null: { "aws:PrincipalTag/team": value } }, context), name).toBe(false);
        expect(holds({ Null: { "aws:PrincipalTag/team": value } }, context, { effect: "Deny" }), name).toBe(true);
        expect(holds({ "ForAllValues:Null": { "aws:PrincipalTag/team": value } }, context), name).toBe(true);
        expect(holds({ "ForAnyValue:Null": { "aws:PrincipalTag/team": value } }, context, { effect: "Deny" }), name).toBe(false);
      }
    }
  });

  it("a variable naming an ambiguous key fails closed, default or not (§4.4 has no single value)", () => {
    for (const [name, context] of CONTEXTS) {
      for (const text of ["${aws:PrincipalTag/team}", "${aws:PrincipalTag/TEAM, 'x'}"]) {
        const full = { ...context, "kms:EncryptionContext:k": "x" };
        expect(holds({ StringNotEquals: { "kms:EncryptionContext:k": text } }, full), `${name} ${text}`).toBe(false);
        expect(holds({ StringEquals: { "kms:EncryptionContext:k": text } }, full, { effect: "Deny" }), `${name} ${text}`).toBe(true);
      }
    }
  });

  it("a key given once, in any case, is not ambiguous", () => {
    expect(holds({ StringEquals: { "AWS:PRINCIPALTAG/TEAM": "x" } }, { "aws:principaltag/team": "x" })).toBe(true);
  });
});
