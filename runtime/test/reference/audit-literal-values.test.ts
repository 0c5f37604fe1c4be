// Audit (H9): literal policy values the compiler rejects must fail closed (§0.2; README "Policies the
// compiler rejects"), in every family: an Allow never applies, a Deny always does. Found open:
// ARN values with fewer than six components (§2.9 reads them as "no match", so `ArnNotLike` granted
// in an Allow and `ArnLike "*"` never fired in a Deny), Bool values made only of the special
// characters `${*}` `${?}` `${$}` (taken for variable-built values), and JSON numbers whose text
// `JSON.parse` could not keep (integers beyond 2^53, exponents).

import { describe, expect, it } from "vitest";
import { holds } from "./fixtures.js";

const SOURCE = "aws:SourceArn";
const S3 = "arn:aws:s3:::bucket";

describe("§2.9 + §0.2 — an ARN operator value that is not an ARN (six components, `arn` first) fails closed", () => {
  it.each([
    { name: "ArnLike `*`", condition: { ArnLike: { [SOURCE]: "*" } } },
    { name: "ArnNotLike `*`", condition: { ArnNotLike: { [SOURCE]: "*" } } },
    { name: "ArnEquals with three components", condition: { ArnEquals: { [SOURCE]: "arn:aws:s3" } } },
    { name: "ArnNotEquals with three components", condition: { ArnNotEquals: { [SOURCE]: "arn:aws:s3" } } },
    { name: "ArnLike whose first component is not `arn`", condition: { ArnLike: { [SOURCE]: "*:*:*:*:*:*" } } },
    { name: "ArnNotLikeIfExists `*`", condition: { ArnNotLikeIfExists: { [SOURCE]: "*" } } },
    { name: "ForAnyValue:ArnNotLike `*`", condition: { "ForAnyValue:ArnNotLike": { [SOURCE]: "*" } } },
    { name: "one good value beside a bad one", condition: { ArnNotLike: { [SOURCE]: ["arn:aws:s3:::other", "arn"] } } },
  ])("$name: not satisfied in an Allow, satisfied in a Deny", ({ condition }) => {
    expect(holds(condition, { [SOURCE]: S3 })).toBe(false);
    expect(holds(condition, { [SOURCE]: S3 }, { effect: "Deny" })).toBe(true);
  });

  it("a well-formed ARN pattern still decides normally", () => {
    expect(holds({ ArnLike: { [SOURCE]: "arn:aws:s3:::*" } }, { [SOURCE]: S3 })).toBe(true);
    expect(holds({ ArnNotLike: { [SOURCE]: "arn:aws:s3:::*" } }, { [SOURCE]: S3 }, { effect: "Deny" })).toBe(false);
    expect(holds({ ArnLike: { [SOURCE]: "arn:aws:s3:::*" } }, { [SOURCE]: "not-an-arn" })).toBe(false);
  });

  it("a context value with fewer than six components does not match (§2.9): ArnNotLike holds", () => {
    expect(holds({ ArnNotLike: { [SOURCE]: "arn:aws:s3:::*" } }, { [SOURCE]: "bucket" })).toBe(true);
  });

  it("a value built from a variable is checked per pair (§4.4): `${aws:PrincipalTag/team}` = bob is no ARN → no match", () => {
    const context = { [SOURCE]: S3, "aws:PrincipalTag/team": "bob" };
    expect(holds({ ArnLike: { [SOURCE]: "${aws:PrincipalTag/team}" } }, context)).toBe(false);
    expect(holds({ ArnNotLike: { [SOURCE]: "${aws:PrincipalTag/team}" } }, context)).toBe(true);
  });

  it("under 2008-10-17 `${aws:username}` is literal text, not an ARN → fails closed", () => {
    const condition = { ArnNotLike: { [SOURCE]: "${aws:username}" } };
    expect(holds(condition, { [SOURCE]: S3 }, { version: "2008-10-17" })).toBe(false);
    expect(holds(condition, { [SOURCE]: S3 }, { version: "2008-10-17", effect: "Deny" })).toBe(true);
  });
});

describe("§2.6 + §4.1 — a Bool value made only of special characters is a literal, not a variable", () => {
  it.each(["${*}", "${?}", "tru${$}", "${$}true"])("Bool `%s`: not true/false → fails closed", (value) => {
    const condition = { Bool: { "aws:SecureTransport": value } };
    expect(holds(condition, { "aws:SecureTransport": "true" })).toBe(false);
    expect(holds(condition, { "aws:SecureTransport": "true" }, { effect: "Deny" })).toBe(true);
  });

  it("a Bool value with a real variable is still checked per pair (§4.4: absent → no match)", () => {
    const condition = { Bool: { "aws:SecureTransport": "${aws:PrincipalTag/flag}" } };
    expect(holds(condition, { "aws:SecureTransport": "true" }, { effect: "Deny" })).toBe(false);
    expect(holds(condition, { "aws:SecureTransport": "true", "aws:PrincipalTag/flag": "TRUE" })).toBe(true);
  });
});

describe("§1.4 + §2.4 — a JSON number the plain bundle cannot carry exactly fails closed", () => {
  // The oracle reads `JSON.parse` output: 9007199254740993 arrives as 9007199254740992.
  const parsed = (text: string): unknown => JSON.parse(text);
  it.each([
    { name: "an integer beyond 2^53", condition: parsed('{"NumericLessThan":{"kms:RotationPeriodInDays":9007199254740993}}'), context: "9007199254740992" },
    { name: "an exponent", condition: parsed('{"NumericGreaterThan":{"kms:RotationPeriodInDays":1e21}}'), context: "1e+21" },
    { name: "a huge integer under StringNotEquals", condition: parsed('{"StringNotEquals":{"aws:SourceAccount":123456789012345678901}}'), context: "1" },
  ])("$name: not satisfied in an Allow, satisfied in a Deny", ({ condition, context }) => {
    const key = Object.keys(Object.values(condition as Record<string, object>)[0]!)[0]!;
    expect(holds(condition, { [key]: context })).toBe(false);
    expect(holds(condition, { [key]: context }, { effect: "Deny" })).toBe(true);
  });

  it("safe integers and short decimals are read as their text (§1.4)", () => {
    expect(holds({ NumericEquals: { "kms:RotationPeriodInDays": 365 } }, { "kms:RotationPeriodInDays": "365.0" })).toBe(true);
    expect(holds({ NumericLessThan: { "kms:RotationPeriodInDays": -1.5 } }, { "kms:RotationPeriodInDays": "-2" })).toBe(true);
    expect(holds({ StringEquals: { "aws:PrincipalAccount": 111122223333 } }, { "aws:PrincipalAccount": "111122223333" })).toBe(true);
  });
});
