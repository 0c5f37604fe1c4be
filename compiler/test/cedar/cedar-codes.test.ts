// Every KC3xxx code firing under --pure-cedar (the underlined text is the condition or Resource that
// needs a derived attribute), the same constructs compiling to derived attributes without it, and the
// KC93xx self-check codes firing on broken Cedar (they can never come from a policy).
import { describe, expect, it } from "vitest";
import { loadCedar } from "@kms-cedar/runtime";
import { CEDAR_DIAGNOSTICS } from "../../src/emit/cedar/cedar-codes.js";
import { checkOutput } from "../../src/emit/cedar/check-output.js";
import { identityBundle, identityText, toCedar } from "./cedar-helpers.js";

interface Case {
  readonly code: string;
  readonly statement: object;
  /** The text the diagnostic underlines (in the pretty-printed policy): the condition's or Resource's values. */
  readonly underlined: string;
}

const allow = (extra: object): object => ({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", ...extra });

const CASES: readonly Case[] = [
  { code: "KC3001", statement: allow({ Condition: { StringLike: { "kms:KeySpec": "RSA_????" } } }), underlined: '"RSA_????"' },
  { code: "KC3002", statement: allow({ Condition: { "ForAnyValue:StringLike": { "kms:ResourceAliases": "alias/*Test*" } } }), underlined: '"alias/*Test*"' },
  { code: "KC3003", statement: allow({ Condition: { StringEqualsIgnoreCase: { "kms:EncryptionContext:Dept": "IT" } } }), underlined: '"IT"' },
  { code: "KC3004", statement: allow({ Condition: { StringEquals: { "kms:EncryptionContext:Home": "home/${aws:username}" } } }), underlined: '"home/${aws:username}"' },
  { code: "KC3005", statement: allow({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:logs:*:111122223333:*" } } }), underlined: '"arn:aws:logs:*:111122223333:*"' },
  { code: "KC3006", statement: allow({ Condition: { NumericLessThan: { "kms:ValidTo": "1546257599.00001" } } }), underlined: '"1546257599.00001"' },
  { code: "KC3007", statement: allow({ Condition: { DateLessThan: { "aws:CurrentTime": "2020-01-01T00:00:00.0001Z" } } }), underlined: '"2020-01-01T00:00:00.0001Z"' },
  { code: "KC3008", statement: allow({ Condition: { BinaryEquals: { "kms:EncryptionContext:Blob": "QmluYXJ5" } } }), underlined: '"QmluYXJ5"' },
  { code: "KC3009", statement: { Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-????-*" }, underlined: '"arn:aws:kms:us-west-2:111122223333:key/1111aaaa-????-*"' },
  { code: "KC3010", statement: allow({ Condition: { ArnEquals: { "aws:SourceArn": "${aws:PrincipalTag/source}" } } }), underlined: '"${aws:PrincipalTag/source}"' },
];

describe("KC3xxx: Cedar cannot express this natively", () => {
  for (const c of CASES) {
    it(`${c.code} under --pure-cedar, a derived attribute without it`, () => {
      const bundle = identityBundle(c.statement);
      const pure = toCedar(bundle, { pureCedar: true });
      const text = identityText(bundle);
      expect(pure.diagnostics.map((d) => `${d.code}: ${text.slice(d.span.start, d.span.end)}`)).toEqual([`${c.code}: ${c.underlined}`]);
      expect(pure.diagnostics[0]).toMatchObject({ severity: "error", location: `principals[arn:aws:iam::111122223333:role/App][0]` });
      expect(pure.files).toBeUndefined();
      const derived = toCedar(bundle);
      expect(derived.diagnostics).toEqual([]);
      expect(derived.manifest!.attributes.filter((a) => a.derived).length).toBe(1);
    });
  }

  it("covers every KC3xxx code of the registry", () => {
    // KC3011 (cedar-engine-limit) is no derived attribute: compiler/test/cedar/cedar-limits.test.ts shows it firing.
    // KC3012 (cedar-grant-constraint) is about a grant, not a statement: compiler/test/cedar/cedar-layers.test.ts shows it firing.
    const registered = CEDAR_DIAGNOSTICS.map((d) => d.code).filter((code) => code.startsWith("KC3") && code !== "KC3011" && code !== "KC3012");
    expect(CASES.map((c) => c.code)).toEqual(registered);
  });
});

describe("KC93xx: the emitted Cedar failed its own checks (internal errors)", () => {
  const cedar = loadCedar();
  const schema = 'namespace Kms { entity Key { arn: String }; action "Decrypt" appliesTo { principal: [Key], resource: [Key] }; }';

  it("KC9301 when a policy does not validate strictly", () => {
    const result = checkOutput(cedar, '@id("p") permit (principal, action, resource) when { resource.owner == "x" };', schema);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["KC9301"]);
    expect(result.diagnostics[0]!.help).toContain("policy `p`");
  });

  it("KC9302 when the policies do not parse", () => {
    expect(checkOutput(cedar, "permit (principal, action, resource", schema).diagnostics.map((d) => d.code)).toEqual(["KC9302"]);
  });

  it("KC9303 when the schema does not parse", () => {
    expect(checkOutput(cedar, '@id("p") permit (principal, action, resource);', "namespace {").diagnostics.map((d) => d.code)).toEqual(["KC9303"]);
  });

  it("passes a valid set, formatted", () => {
    const result = checkOutput(cedar, '@id("p") permit (principal, action, resource) when { resource.arn == "x" };', schema);
    expect(result.diagnostics).toEqual([]);
    expect("policies" in result && result.policies).toBe('@id("p")\npermit (principal, action, resource)\nwhen { resource.arn == "x" };\n');
  });
});
