// Property: checkPolicyText never throws and never reports an internal error, whatever the policy shape,
// and its diagnostics are sorted and inside the text. Policies are generated from IAM's own element names
// and operators mixed with wrong names, wrong types and broken values, so every check sees odd input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_OPERATORS } from "@kms-cedar/grammar";
import { checkPolicyText } from "../../src/checks/check-policy.js";

const SEED = 20_260_917;

const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -1.5, "", "*", "${", "${aws:username}", "${}", "x${*}y", "\u2039"),
    fc.string({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 2 })),
})).value;

const text = fc.oneof(
  fc.constantFrom("*", "kms:Decrypt", "kms:*", "KMS:decrypt", "kms:Nope", "kms:a:b", "arn:aws:kms:us-west-2:111122223333:key/k",
    "arn:aws:kms:${aws:RequestedRegion}:1:key/${aws:username}", "111122223333", "AROAEXAMPLEID1234567", "arn:aws:iam::1:group/g",
    "true", "TRUE", "10", "1e3", "2020-01-01", "10.0.0.0/8", "::1/200", "QUJD", "${aws:TagKeys}", "${aws:x, 'd'}", "a*b?"),
  fc.string({ maxLength: 10 }),
);
const stringOrList = fc.oneof(text, fc.array(text, { maxLength: 3 }), anyJson);
const operatorName = fc.oneof(
  fc.tuple(fc.constantFrom("", "ForAllValues:", "ForAnyValue:", "forAnyValue:"), fc.constantFrom(...BASE_OPERATORS, "Nope"),
    fc.constantFrom("", "IfExists")).map(([a, b, c]) => `${a}${b}${c}`),
  fc.string({ maxLength: 6 }),
);
const keyName = fc.constantFrom("kms:ViaService", "KMS:viaservice", "aws:TagKeys", "aws:ResourceTag/p", "kms:EncryptionContext:d",
  "kms:ResourceAliases", "aws:ResourceAliases", "aws:SourceIp", "aws:CurrentTime", "kms:ValidTo", "aws:SecureTransport",
  "aws:PrincipalArn", "kms:${aws:username}", "nocolon", "s3:prefix", "aws:PrincipalAccount");
const condition = fc.oneof(
  fc.dictionary(operatorName, fc.oneof(fc.dictionary(keyName, fc.oneof(text, fc.array(text, { maxLength: 3 }), anyJson), { maxKeys: 3 }), anyJson), { maxKeys: 3 }),
  anyJson,
);
const statement = fc.record({
  Sid: fc.oneof(text, anyJson), Effect: fc.oneof(fc.constantFrom("Allow", "Deny", "allow"), anyJson),
  Principal: fc.oneof(fc.constant("*"), fc.dictionary(fc.constantFrom("AWS", "Service", "Aws"), stringOrList, { maxKeys: 2 }), anyJson),
  NotPrincipal: stringOrList, Action: stringOrList, NotAction: stringOrList, Resource: stringOrList, NotResource: stringOrList,
  Condition: condition, Extra: anyJson,
}, { requiredKeys: [] });
const policy = fc.record({
  Version: fc.oneof(fc.constantFrom("2012-10-17", "2008-10-17", "2013-01-01"), anyJson),
  Id: fc.oneof(text, anyJson),
  Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 }), anyJson),
}, { requiredKeys: [] });

// Well-formed shapes with plausible values, so that about half the cases get past the shape errors.
const goodValue = fc.constantFrom("ec2.us-west-2.amazonaws.com", "alias/*Test*", "111122223333", "true", "false");
const goodStatement = (kind: "key" | "identity") => fc.record({
  Effect: fc.constantFrom("Allow", "Deny"),
  ...(kind === "key" ? { Principal: fc.constantFrom("*", { AWS: "arn:aws:iam::111122223333:root" }) } : {}),
  Action: fc.constantFrom("kms:Decrypt", ["kms:Encrypt", "kms:GenerateDataKey*"], "kms:*"),
  Resource: fc.constant("*"),
  Condition: fc.dictionary(fc.constantFrom("StringEquals", "StringLike", "Null", "StringNotEqualsIfExists"),
    fc.dictionary(fc.constantFrom("kms:ViaService", "kms:CallerAccount", "aws:PrincipalOrgID"), goodValue,
      { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }),
}, { requiredKeys: ["Effect", "Action", "Resource"] });
const goodPolicy = (kind: "key" | "identity") =>
  fc.record({ Version: fc.constant("2012-10-17"), Statement: fc.array(goodStatement(kind), { minLength: 1, maxLength: 3 }) });
const kindAndPolicy = fc.constantFrom("key" as const, "identity" as const)
  .chain((kind) => fc.tuple(fc.constant(kind), fc.oneof(policy, goodPolicy(kind))));

describe("checkPolicyText on generated policies", () => {
  it(`never throws nor reports an internal error (fast-check seed ${SEED})`, () => {
    const mix = { key: 0, identity: 0, withErrors: 0, warningsOnly: 0, clean: 0 };
    fc.assert(fc.property(kindAndPolicy, fc.boolean(), ([kind, doc], pretty) => {
      const source = JSON.stringify(doc, null, pretty ? 2 : undefined);
      const { diagnostics } = checkPolicyText(source, kind);
      mix[kind]++;
      if (diagnostics.some((d) => d.severity === "error")) mix.withErrors++;
      else if (diagnostics.some((d) => d.severity === "warning")) mix.warningsOnly++;
      else mix.clean++;
      expect(diagnostics.filter((d) => d.code.startsWith("KC9"))).toEqual([]);
      for (let i = 0; i < diagnostics.length; i++) {
        const d = diagnostics[i]!;
        expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= source.length).toBe(true);
        if (i > 0) expect(diagnostics[i - 1]!.span.start <= d.span.start).toBe(true);
      }
    }), { seed: SEED, numRuns: 600 });
    console.log(`case mix (seed ${SEED}):`, mix);
    expect(mix.key).toBeGreaterThan(0);
    expect(mix.identity).toBeGreaterThan(0);
    expect(mix.clean).toBeGreaterThan(0);
  });
});
