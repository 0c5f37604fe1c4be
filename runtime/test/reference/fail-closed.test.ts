// Policies the compiler rejects must still be decided deterministically and fail closed (§0.2):
// what the oracle reads as unknown never lets an Allow apply and always lets a Deny apply.

import { describe, expect, it } from "vitest";
import { APP, APP_ROLE, DKP, K1, allow, decision, doc, holds } from "./fixtures.js";

const EC = "kms:EncryptionContext:App";

describe("malformed conditions: FCR per key", () => {
  it.each([
    { name: "unknown operator", condition: { StringMatches: { [EC]: "x" } } },
    { name: "wrongly cased operator", condition: { stringEquals: { [EC]: "x" } } },
    { name: "NullIfExists", condition: { NullIfExists: { [EC]: "true" } } },
    { name: "unknown set prefix", condition: { "ForSomeValues:StringEquals": { [EC]: "x" } } },
    { name: "operator value is not an object", condition: { StringEquals: "x" } },
    { name: "condition value null", condition: { StringNotEquals: { [EC]: null } } },
    { name: "condition value an object", condition: { StringNotEquals: { [EC]: { a: "b" } } } },
    { name: "nested array", condition: { StringNotEquals: { [EC]: [["x"]] } } },
    { name: "Condition is an array", condition: [] },
    { name: "Condition is a string", condition: "x" },
    { name: "unparseable numeric policy value under a negated operator", condition: { NumericNotEquals: { "kms:RotationPeriodInDays": "ninety" } } },
    { name: "exponent in a numeric policy value", condition: { NumericNotEquals: { "kms:RotationPeriodInDays": "9e1" } } },
    { name: "unparseable date policy value", condition: { DateNotEquals: { "aws:CurrentTime": "2020-13-01" } } },
    { name: "unparseable IP policy value", condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/33" } } },
    { name: "invalid base64 policy value", condition: { BinaryEquals: { "aws:SomeBinary": "A===" } } },
    { name: "Bool policy value that is not a boolean", condition: { Bool: { "aws:SecureTransport": "yes" } } },
    { name: "Null with a non-boolean value", condition: { Null: { [EC]: "maybe" } } },
    { name: "Null with an empty list", condition: { Null: { [EC]: [] } } },
  ])("$name: not satisfied in an Allow, satisfied in a Deny", ({ condition }) => {
    const context = { [EC]: "x", "kms:RotationPeriodInDays": "90", "aws:CurrentTime": "2020-01-01", "aws:SourceIp": "1.2.3.4", "aws:SomeBinary": "AQID", "aws:SecureTransport": "true" };
    expect(holds(condition, context)).toBe(false);
    expect(holds(condition, context, { effect: "Deny" })).toBe(true);
  });

  it("an unknown operator fails closed only for itself (other operators still ANDed)", () => {
    const condition = { StringEquals: { [EC]: "y" }, Bogus: { [EC]: "x" } };
    expect(holds(condition, { [EC]: "x" }, { effect: "Deny" })).toBe(false);
  });

  it("an empty Condition object is no condition (A8)", () => {
    expect(holds({}, {})).toBe(true);
    expect(holds({ StringEquals: {} }, {})).toBe(true);
  });

  it("ambiguous context key: FCR for Null too (A18)", () => {
    const context = { "aws:ResourceTag/Project": "a", "aws:ResourceTag/project": "b" };
    expect(holds({ Null: { "aws:ResourceTag/Project": "false" } }, context)).toBe(false);
    expect(holds({ Null: { "aws:ResourceTag/Project": "true" } }, context, { effect: "Deny" })).toBe(true);
    expect(holds({ StringNotEquals: { "aws:ResourceTag/Project": "c" } }, context)).toBe(false);
    expect(holds({ StringEqualsIfExists: { "aws:ResourceTag/PROJECT": "c" } }, context, { effect: "Deny" })).toBe(true);
  });
});

describe("malformed statements and documents", () => {
  const identity = (...documents: unknown[]): object => ({
    keys: { [K1]: { policy: doc(DKP) } },
    principals: { [APP_ROLE]: { policies: documents } },
  });
  const run = (bundle: object, action = "kms:Decrypt"): string => decision(bundle, { principal: APP, action, resource: K1, context: {} });
  const ALLOW_ALL = doc(allow("kms:*"));

  it.each([
    { name: "Effect `allow` (lower case) is read as Deny", statement: { Effect: "allow", Action: "kms:Decrypt", Resource: "*" } },
    { name: "missing Effect is read as Deny", statement: { Action: "kms:Decrypt", Resource: "*" } },
    { name: "Deny with an unknown member applies", statement: { Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Extra: 1 } },
    { name: "Deny with both Action and NotAction applies", statement: { Effect: "Deny", Action: "kms:Encrypt", NotAction: "kms:Encrypt", Resource: "*" } },
    { name: "Deny without Action applies (identity policy)", statement: { Effect: "Deny", Resource: "*" } },
    { name: "Deny with an empty Action list applies", statement: { Effect: "Deny", Action: [], Resource: "*" } },
    { name: "Deny with an empty NotAction list applies", statement: { Effect: "Deny", NotAction: [], Resource: "*" } },
    { name: "Deny with a malformed action pattern applies", statement: { Effect: "Deny", NotAction: "kms:Decrypt:x", Resource: "*" } },
    { name: "Deny with a non-ARN Resource applies", statement: { Effect: "Deny", Action: "kms:Decrypt", Resource: "key-1" } },
    { name: "Deny with a wildcard service segment applies", statement: { Effect: "Deny", Action: "kms:Decrypt", NotResource: "arn:aws:km*:*:*:key/*" } },
    { name: "Deny with a Principal in an identity policy applies", statement: { Effect: "Deny", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:Decrypt", Resource: "*" } },
    { name: "Deny with a non-string Sid applies", statement: { Sid: 7, Effect: "Deny", Action: "kms:Decrypt", Resource: "*" } },
    { name: "a statement that is not an object is a Deny of everything", statement: "Deny" },
  ])("$name → ExplicitDeny", ({ statement }) => {
    expect(run(identity(ALLOW_ALL, doc(statement)))).toBe("ExplicitDeny");
  });

  it.each([
    { name: "Allow with an unknown member", statement: { Effect: "Allow", Action: "kms:*", Resource: "*", Extra: 1 } },
    { name: "Allow with an empty NotAction list", statement: { Effect: "Allow", NotAction: [], Resource: "*" } },
    { name: "Allow with a Principal in an identity policy", statement: { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" } },
    { name: "Allow without Resource", statement: { Effect: "Allow", Action: "kms:*" } },
    { name: "Allow with a non-string Action", statement: { Effect: "Allow", Action: 5, Resource: "*" } },
    { name: "Allow with a partial-wildcard NotResource that IAM rejects", statement: { Effect: "Allow", Action: "kms:*", NotResource: "key/*" } },
  ])("$name → never allows", ({ statement }) => {
    expect(run(identity(doc(statement)))).toBe("ImplicitDeny");
  });

  it.each([
    { name: "Version 2013-10-17", document: { Version: "2013-10-17", Statement: [allow("kms:*")] } },
    { name: "non-string Version", document: { Version: 2012, Statement: [allow("kms:*")] } },
    { name: "unknown top-level member", document: { Version: "2012-10-17", Statement: [allow("kms:*")], Extra: {} } },
    { name: "non-string Id", document: { Version: "2012-10-17", Id: 1, Statement: [allow("kms:*")] } },
    { name: "empty Statement array", document: { Version: "2012-10-17", Statement: [] } },
    { name: "missing Statement", document: { Version: "2012-10-17" } },
    { name: "Statement is a string", document: { Version: "2012-10-17", Statement: "x" } },
    { name: "document is not an object", document: "policy.json" },
    { name: "a lone surrogate in a condition value", document: doc(allow("kms:*", "*", { StringEquals: { "aws:PrincipalTag/t": "a\ud800" } })) },
    { name: "a lone low surrogate in a Sid", document: doc({ Sid: "\udc00", ...allow("kms:*") }) },
    { name: "a lone surrogate in a condition key name", document: doc(allow("kms:*", "*", { StringNotEquals: { "aws:PrincipalTag/\udbff": "x" } })) },
  ])("unreadable identity policy ($name) denies everything it could concern", ({ document }) => {
    expect(run(identity(ALLOW_ALL, document))).toBe("ExplicitDeny");
  });

  it("an unreadable key policy denies every caller; an unreadable reason names statement 0", () => {
    const bundle = { keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [] } } }, principals: { [APP_ROLE]: { policies: [ALLOW_ALL] } } };
    expect(decision(bundle, { principal: APP, action: "kms:Decrypt", resource: K1 })).toBe("ExplicitDeny");
    expect(decision({ keys: { [K1]: {} } }, { principal: APP, action: "kms:Decrypt", resource: K1 })).toBe("ExplicitDeny");
  });

  it("a key policy with a lone surrogate anywhere is unreadable: it denies every caller", () => {
    const keyPolicy = doc(DKP, { Sid: "Deny", Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/t": "\ud83d" } } });
    const bundle = { keys: { [K1]: { policy: keyPolicy } }, principals: { [APP_ROLE]: { policies: [ALLOW_ALL] } } };
    expect(run(bundle)).toBe("ExplicitDeny");
    // The same policy with a well-formed pair instead decides normally.
    const paired = JSON.parse(JSON.stringify(bundle).replace("\\ud83d", "\\ud83d\\ude00")) as object;
    expect(run(paired)).toBe("Allow");
  });

  it("a principal entry without a policies array is an unreadable policy", () => {
    expect(run({ keys: { [K1]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: "app.json" } } })).toBe("ExplicitDeny");
  });

  it("a key policy missing the Principal: an Allow never applies, a Deny applies to everyone", () => {
    const noPrincipalAllow = { keys: { [K1]: { policy: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) } } };
    expect(run(noPrincipalAllow)).toBe("ImplicitDeny");
    const noPrincipalDeny = { keys: { [K1]: { policy: doc(DKP, { Effect: "Deny", Action: "kms:*", Resource: "*" }) } }, principals: { [APP_ROLE]: { policies: [ALLOW_ALL] } } };
    expect(run(noPrincipalDeny)).toBe("ExplicitDeny");
  });

  it("evaluation is deterministic: the same input gives the same result", () => {
    const bundle = identity(ALLOW_ALL, doc({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { Bogus: {} } }));
    expect(new Set(Array.from({ length: 5 }, () => run(bundle)))).toEqual(new Set(["ExplicitDeny"]));
  });
});
