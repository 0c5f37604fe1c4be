// Numeric (spec §2.4, A15) and Date (§2.5, A16) operators: exact decimals, W3C dates and epoch
// seconds compared as exact instants; context values that do not parse match nothing.

import { describe, expect, it } from "vitest";
import { holds, type ConditionRow } from "./fixtures.js";

const N = "kms:RotationPeriodInDays";
const T = "aws:CurrentTime";
const num = (name: string, operator: string, policy: unknown, value: string | undefined, expected: boolean): ConditionRow =>
  ({ name, condition: { [operator]: { [N]: policy } }, context: value === undefined ? {} : { [N]: value }, expected });
const date = (name: string, operator: string, policy: unknown, value: string | undefined, expected: boolean): ConditionRow =>
  ({ name, condition: { [operator]: { [T]: policy } }, context: value === undefined ? {} : { [T]: value }, expected });

const BIG = "123456789012345678901234567890";

const numeric: ConditionRow[] = [
  num("NumericEquals 10 = 10.0", "NumericEquals", "10", "10.0", true),
  num("NumericEquals 010 = 10", "NumericEquals", "10", "010", true),
  num("NumericEquals -0 = 0", "NumericEquals", "0", "-0", true),
  num("NumericEquals +5 = 5", "NumericEquals", "5", "+5", true),
  num("NumericEquals .5 = 0.50", "NumericEquals", "0.50", ".5", true),
  num("NumericEquals JSON number", "NumericEquals", 90, "90", true),
  num("NumericEquals huge integers stay exact (no match by 1)", "NumericEquals", BIG, "123456789012345678901234567891", false),
  num("NumericEquals huge integers stay exact (match)", "NumericEquals", BIG, BIG, true),
  num("NumericEquals tiny fractions stay exact", "NumericEquals", "0.1000000000000000000001", "0.1", false),
  num("NumericNotEquals different", "NumericNotEquals", "90", "91", true),
  num("NumericNotEquals same", "NumericNotEquals", "90", "90.000", false),
  num("NumericLessThan 89.9999 < 90", "NumericLessThan", "90", "89.9999", true),
  num("NumericLessThan 90 < 90", "NumericLessThan", "90", "90", false),
  num("NumericLessThan negative", "NumericLessThan", "-1", "-2", true),
  num("NumericLessThan -1 < -2", "NumericLessThan", "-2", "-1", false),
  num("NumericLessThan longer integer is larger", "NumericLessThan", "999", "1000", false),
  num("NumericLessThanEquals equal", "NumericLessThanEquals", "2560", "2560", true),
  num("NumericGreaterThan 1000 > 999.99", "NumericGreaterThan", "999.99", "1000", true),
  num("NumericGreaterThan equal", "NumericGreaterThan", "7", "7", false),
  num("NumericGreaterThanEquals equal", "NumericGreaterThanEquals", "7", "7.0", true),
  num("NumericGreaterThanEquals smaller", "NumericGreaterThanEquals", "7", "6.99", false),
  num("context with an exponent does not parse", "NumericEquals", "1000", "1e3", false),
  num("context NaN does not parse", "NumericLessThan", "10", "NaN", false),
  num("context hex does not parse", "NumericEquals", "16", "0x10", false),
  num("context with blanks does not parse", "NumericEquals", "16", " 16", false),
  // Deviation 46 (A15 said "no pair matches", so the negated operator held): undecided, no Allow.
  num("unparseable context: the negated operator is undecided, not satisfied in an Allow", "NumericNotEquals", "16", "sixteen", false),
  num("an exponent is no number of ours: undecided", "NumericNotEquals", "0", "0e0", false),
  num("NumericLessThanIfExists absent", "NumericLessThanIfExists", "10", undefined, true),
  num("NumericLessThan absent", "NumericLessThan", "10", undefined, false),
];

const dates: ConditionRow[] = [
  date("DateEquals same instant in two zones", "DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T02:00:00+02:00", true),
  date("DateEquals minutes-only form", "DateEquals", "2020-01-01T10:30Z", "2020-01-01T10:30:00Z", true),
  date("DateEquals negative offset", "DateEquals", "2020-01-01T00:00:00Z", "2019-12-31T19:00:00-05:00", true),
  date("DateEquals missing zone = UTC", "DateEquals", "2020-01-01T00:00:00", "2020-01-01T00:00:00Z", true),
  date("DateEquals lower-case t and z", "DateEquals", "2020-01-01t00:00:00z", "2020-01-01T00:00:00Z", true),
  date("DateEquals year only = first instant", "DateEquals", "2020", "2020-01-01T00:00:00Z", true),
  date("DateEquals year-month = first instant", "DateEquals", "2020-03", "2020-03-01T00:00:00Z", true),
  date("DateEquals epoch = ISO", "DateEquals", "1577836800", "2020-01-01T00:00:00Z", true),
  date("DateEquals sub-second digits are kept", "DateEquals", "2020-01-01T00:00:00.1234567891Z", "2020-01-01T00:00:00.123456789Z", false),
  date("DateEquals trailing zeros in the fraction", "DateEquals", "2020-01-01T00:00:00.5Z", "2020-01-01T00:00:00.500Z", true),
  date("DateEquals epoch with a fraction", "DateEquals", "1577836800.25", "2020-01-01T00:00:00.25Z", true),
  date("DateLessThan by a nanosecond", "DateLessThan", "2020-01-01T00:00:00.000000001Z", "2020-01-01T00:00:00Z", true),
  date("DateLessThan leap day exists in 2020", "DateLessThan", "2020-03-01T00:00:00Z", "2020-02-29T23:59:59Z", true),
  date("DateLessThanEquals equal", "DateLessThanEquals", "2021-06-15", "2021-06-15T00:00:00Z", true),
  date("DateGreaterThan later", "DateGreaterThan", "2021-06-15", "2021-06-15T00:00:01Z", true),
  date("DateGreaterThanEquals earlier", "DateGreaterThanEquals", "2021-06-15", "2021-06-14T23:59:59Z", false),
  date("DateNotEquals different", "DateNotEquals", "2021-06-15", "2021-06-16", true),
  date("DateNotEquals same instant", "DateNotEquals", "2021-06-15T00:00:00Z", "2021-06-15T01:00:00+01:00", false),
  date("dates before 1970 compare correctly", "DateLessThan", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", true),
  date("context Feb 30 does not parse", "DateLessThan", "2030-01-01", "2021-02-30", false),
  date("context 2019 (not leap) Feb 29 does not parse", "DateLessThan", "2030-01-01", "2019-02-29", false),
  date("context hour 24 does not parse", "DateLessThan", "2030-01-01", "2021-01-01T24:00:00Z", false),
  date("context negative epoch does not parse", "DateLessThan", "2030-01-01", "-5", false),
  date("unparseable context: DateNotEquals is undecided, not satisfied in an Allow", "DateNotEquals", "2021-06-15", "yesterday", false),
  // An absent key: aws:TokenIssueTime (present only with temporary credentials). aws:CurrentTime is always in
  // the request context: left out, it is unknown, not absent (deviation 51).
  { name: "DateGreaterThanIfExists absent", condition: { DateGreaterThanIfExists: { "aws:TokenIssueTime": "2021-06-15" } }, context: {}, expected: true },
  date("DateGreaterThanIfExists aws:CurrentTime left out (unknown, deviation 51)", "DateGreaterThanIfExists", "2021-06-15", undefined, false),
  date("DateEquals absent", "DateEquals", "2021-06-15", undefined, false),
];

describe("numeric operators (§2.4)", () => {
  it.each(numeric)("$name", ({ condition, context, expected }) => {
    expect(holds(condition, context)).toBe(expected);
  });
});

describe("date operators (§2.5)", () => {
  it.each(dates)("$name", ({ condition, context, expected }) => {
    expect(holds(condition, context)).toBe(expected);
  });

  it("kms:ValidTo with a decimal epoch under NumericLessThanEquals (A12)", () => {
    const condition = { NumericLessThanEquals: { "kms:ValidTo": "1546257599.0" } };
    expect(holds(condition, { "kms:ValidTo": "1546257599" }, { action: "kms:ImportKeyMaterial" })).toBe(true);
    expect(holds(condition, { "kms:ValidTo": "1546257600" }, { action: "kms:ImportKeyMaterial" })).toBe(false);
  });
});

describe("a request value its operator's type cannot read (deviation 46)", () => {
  it("makes a Deny apply, whether the operator is positive or negated", () => {
    const key = "kms:EncryptionContext:level";
    for (const value of ["1e1", " 10", "１０", "ten"]) {
      expect(holds({ NumericGreaterThan: { [key]: "3" } }, { [key]: value }, { effect: "Deny" }), value).toBe(true);
      expect(holds({ NumericLessThanEquals: { [key]: "3" } }, { [key]: value }, { effect: "Deny" }), value).toBe(true);
    }
    expect(holds({ NumericGreaterThan: { [key]: "3" } }, { [key]: "10" }, { effect: "Deny" })).toBe(true);
    expect(holds({ NumericGreaterThan: { [key]: "3" } }, { [key]: "1" }, { effect: "Deny" })).toBe(false);
  });
});
