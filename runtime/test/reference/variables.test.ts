// Policy variables beyond Appendix A.3 (spec §4, A24): per-value NULL, defaults, special
// characters, substituted text is literal, variables in ARN values and Resource, fail-closed cases.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, DKP, K1, decision, doc, holds, type ConditionRow, type Ctx } from "./fixtures.js";

const EC = "kms:EncryptionContext:owner";
const TAG = "aws:PrincipalTag/team";
const rows: ConditionRow[] = [
  { name: "per-value NULL: the other value still matches (§4.4)", condition: { StringEquals: { [EC]: ["a", "${aws:PrincipalTag/x}"] } }, context: { [EC]: "a" }, expected: true },
  { name: "variable key names are case-insensitive", condition: { StringEquals: { [EC]: "${AWS:PRINCIPALTAG/TEAM}" } }, context: { [TAG]: "red", [EC]: "red" }, expected: true },
  { name: "variable inside text", condition: { StringEquals: { [EC]: "team-${aws:PrincipalTag/team}-x" } }, context: { [TAG]: "red", [EC]: "team-red-x" }, expected: true },
  { name: "two variables", condition: { StringEquals: { [EC]: "${aws:PrincipalTag/team}/${aws:SourceAccount}" } }, context: { [TAG]: "red", "aws:SourceAccount": "bob", [EC]: "red/bob" }, expected: true },
  { name: "one of two variables missing → NULL", condition: { StringEquals: { [EC]: "${aws:PrincipalTag/team}/${aws:SourceAccount}" } }, context: { [TAG]: "red", [EC]: "red/" }, expected: false },
  { name: "default without a blank after the comma", condition: { StringEquals: { [EC]: "${aws:PrincipalTag/team,'none'}" } }, context: { [EC]: "none" }, expected: true },
  { name: "empty default", condition: { StringEquals: { [EC]: "x${aws:PrincipalTag/team, ''}" } }, context: { [EC]: "x" }, expected: true },
  { name: "default is literal in StringLike", condition: { StringLike: { [EC]: "${aws:PrincipalTag/team, '*'}" } }, context: { [EC]: "anything" }, expected: false },
  { name: "substituted * is literal in StringLike (no match)", condition: { StringLike: { [EC]: "${aws:PrincipalTag/team}" } }, context: { [TAG]: "*", [EC]: "anything" }, expected: false },
  { name: "substituted * is literal in StringLike (match)", condition: { StringLike: { [EC]: "${aws:PrincipalTag/team}" } }, context: { [TAG]: "*", [EC]: "*" }, expected: true },
  { name: "policy * beside a variable keeps its meaning", condition: { StringLike: { [EC]: "${aws:PrincipalTag/team}-*" } }, context: { [TAG]: "red", [EC]: "red-anything" }, expected: true },
  { name: "${?} is a literal ?", condition: { StringLike: { [EC]: "a${?}" } }, context: { [EC]: "ab" }, expected: false },
  { name: "${?} matches a ?", condition: { StringLike: { [EC]: "a${?}" } }, context: { [EC]: "a?" }, expected: true },
  { name: "${$} is a literal $", condition: { StringEquals: { [EC]: "${$}{x}" } }, context: { [EC]: "${x}" }, expected: true },
  { name: "a lone $ is text", condition: { StringEquals: { [EC]: "cost$" } }, context: { [EC]: "cost$" }, expected: true },
  { name: "2008-10-17: ${*} is literal text", condition: { StringLike: { [EC]: "a${*}b" } }, context: { [EC]: "a${*}b" }, expected: true, options: { version: "2008-10-17" } },
  { name: "2008-10-17: $, { and } are ordinary in StringLike", condition: { StringLike: { [EC]: "${aws:username}*" } }, context: { [EC]: "${aws:username}-x" }, expected: true, options: { version: "2008-10-17" } },
  { name: "IgnoreCase with a variable", condition: { StringEqualsIgnoreCase: { [EC]: "${aws:PrincipalTag/team}" } }, context: { [TAG]: "Red", [EC]: "RED" }, expected: true },
  { name: "NotLike with an unresolvable variable → true", condition: { StringNotLike: { [EC]: "${aws:PrincipalTag/team}*" } }, context: { [EC]: "red" }, expected: true },
  { name: "ArnLike with a variable in the resource part", condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::${aws:PrincipalTag/team}/*" } }, context: { [TAG]: "red", "aws:SourceArn": "arn:aws:s3:::red/object" }, expected: true },
  { name: "ArnLike substituted * is literal", condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::${aws:PrincipalTag/team}" } }, context: { [TAG]: "*", "aws:SourceArn": "arn:aws:s3:::red" }, expected: false },
  { name: "Bool with a variable", condition: { Bool: { "aws:SecureTransport": "${aws:PrincipalTag/tls}" } }, context: { "aws:PrincipalTag/tls": "true", "aws:SecureTransport": "true" }, expected: true },
  { name: "Bool with a variable that is not a boolean → pair does not match", condition: { Bool: { "aws:SecureTransport": "${aws:PrincipalTag/tls}" } }, context: { "aws:PrincipalTag/tls": "maybe", "aws:SecureTransport": "true" }, expected: false },
  { name: "a variable of a multivalued key (2 values) → FCR", condition: { StringEquals: { [EC]: "${aws:TagKeys}" } }, context: { "aws:TagKeys": ["a", "b"], [EC]: "a" }, expected: false },
  { name: "a variable of a one-value array is its value", condition: { StringEquals: { [EC]: "${aws:TagKeys}" } }, context: { "aws:TagKeys": ["a"], [EC]: "a" }, expected: true },
  { name: "a variable naming an ambiguous key → FCR in an Allow", condition: { StringNotEquals: { [EC]: "${aws:PrincipalTag/team}" } }, context: { "aws:PrincipalTag/team": "a", "aws:PrincipalTag/TEAM": "b", [EC]: "c" }, expected: false },
  { name: "a variable naming an ambiguous key → FCR in a Deny", condition: { StringEquals: { [EC]: "${aws:PrincipalTag/team}" } }, context: { "aws:PrincipalTag/team": "a", "aws:PrincipalTag/TEAM": "b", [EC]: "c" }, expected: true, options: { effect: "Deny" } },
  { name: "unclosed ${ → FCR in an Allow (negated operator)", condition: { StringNotEquals: { [EC]: "${aws:username" } }, context: { [EC]: "x" }, expected: false },
  { name: "empty ${} → FCR in a Deny", condition: { StringEquals: { [EC]: "${}" } }, context: { [EC]: "x" }, expected: true, options: { effect: "Deny" } },
  { name: "a blank inside ${ } → FCR", condition: { StringNotEquals: { [EC]: "${aws: username}" } }, context: { [EC]: "x" }, expected: false },
  { name: "a default with double quotes → FCR", condition: { StringNotEquals: { [EC]: "${aws:username, \"x\"}" } }, context: { [EC]: "x" }, expected: false },
  { name: "variables are not read in Numeric values (compile error → FCR)", condition: { NumericNotEquals: { "kms:RotationPeriodInDays": "${aws:PrincipalTag/days}" } }, context: { "aws:PrincipalTag/days": "90", "kms:RotationPeriodInDays": "91" }, expected: false },
];

describe("policy variables (§4)", () => {
  it.each(rows)("$name", ({ condition, context, expected, options }) => {
    expect(holds(condition, context, options)).toBe(expected);
  });

  describe("variables in Resource (§4.2, §4.4)", () => {
    const withResource = (resource: string | string[], notResource = false): object => ({
      keys: { [K1]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc({ Effect: "Allow", Action: "kms:*", [notResource ? "NotResource" : "Resource"]: resource })] } },
    });
    const alias = (name: string): string => `arn:aws:kms:us-west-2:${A}:alias/${name}`;
    const run = (bundle: object, resource: string, context: Ctx): string =>
      decision(bundle, { principal: APP, action: "kms:DeleteAlias", resource, context });
    it.each<{ name: string; pattern: string | string[]; target: string; context: Ctx; expected: string }>([
      { name: "resolved variable", pattern: alias("${aws:PrincipalTag/team}-*"), target: alias("red-key"), context: { [TAG]: "red" }, expected: "Allow" },
      { name: "resolved value is literal (tag `*`)", pattern: alias("${aws:PrincipalTag/team}"), target: alias("red"), context: { [TAG]: "*" }, expected: "ImplicitDeny" },
      { name: "default in Resource", pattern: alias("${aws:PrincipalTag/team, 'shared'}-*"), target: alias("shared-key"), context: {}, expected: "Allow" },
      { name: "variable before the fifth colon → FCR (A36)", pattern: `arn:aws:kms:\${aws:RequestedRegion}:${A}:alias/*`, target: alias("x"), context: { "aws:RequestedRegion": "us-west-2" }, expected: "ImplicitDeny" },
      { name: "unresolvable pattern beside a matching one", pattern: [alias("${aws:PrincipalTag/team}"), alias("x")], target: alias("x"), context: {}, expected: "Allow" },
    ])("$name", ({ pattern, target, context, expected }) => {
      expect(run(withResource(pattern), target, context)).toBe(expected);
    });
    it("NotResource with an unresolvable variable excludes nothing", () => {
      expect(run(withResource(alias("${aws:PrincipalTag/team}"), true), alias("red"), {})).toBe("Allow");
      expect(run(withResource(alias("${aws:PrincipalTag/team}"), true), alias("red"), { [TAG]: "red" })).toBe("ImplicitDeny");
    });
  });
});
