import { describe, expect, it } from "vitest";
import { diagnose, identityCondition, identityStatement, keyCondition, keyStatement, summarize } from "../helpers/diagnose.js";
import type { PolicyKind } from "../../src/syntax/policy-syntax.js";

const problems = (text: string, kind: PolicyKind) => summarize(text, diagnose(text, kind));

describe("policies that are correct produce no diagnostics", () => {
  const clean: Array<[string, PolicyKind, string]> = [
    ["the default key policy statement", "key", `{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}`],
    ["key policy principal forms (§1.5)", "key", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*","111122223333","arn:aws:iam::111122223333:user/Bob","arn:aws:iam::111122223333:role/path/App","arn:aws:sts::111122223333:assumed-role/App/s1","arn:aws:sts::111122223333:federated-user/Ann"],"Service":"logs.amazonaws.com"},"Action":["kms:Encrypt","kms:ReEncrypt*","kms:GenerateDataKey*"],"Resource":"*"},{"Effect":"Deny","Principal":"*","NotAction":"kms:Decrypt","Resource":"*"}]}`],
    ["identity resources and action patterns (§1.6, §1.7)", "identity", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:*","kms:Describe?ey","kms:decrypt","s3:GetObject","*"],"Resource":["arn:aws:kms:*:111122223333:key/*","arn:aws:kms:us-west-2:111122223333:*","arn:aws-cn:kms:cn-north-1:111122223333:alias/x","*"]}]}`],
    ["the recommended Null guard on a multivalued key (§3.2)", "identity", identityCondition(`{"ForAllValues:StringEquals":{"aws:TagKeys":["Project"]},"Null":{"aws:TagKeys":"false"}}`)],
    ["KMS's alias pattern with both set operators (test #28)", "identity", identityCondition(`{"ForAllValues:StringLike":{"kms:ResourceAliases":["alias/*Test*"]},"ForAnyValue:StringLike":{"kms:ResourceAliases":["alias/*Test*"]}}`)],
    ["typed values of every family", "identity", identityCondition(`{"StringLikeIfExists":{"kms:ViaService":"ec2.*"},"NumericLessThanEquals":{"kms:ValidTo":"1546257599.0"},"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]},"Bool":{"kms:GrantIsForAWSResource":true},"Null":{"kms:ViaService":false},"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}`)],
    ["variables in the resource part and in string values (§4)", "identity", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:CreateAlias","Resource":"arn:aws:kms:us-west-2:111122223333:alias/${"${aws:PrincipalTag/team}"}-*","Condition":{"StringEquals":{"kms:EncryptionContext:team":"${"${aws:PrincipalTag/team, 'shared'}"}","kms:EncryptionContext:user":"${"${aws:username}"}"},"StringLike":{"kms:EncryptionContext:label":"a${"${*}"}b"}}}]}`],
    ["literal characters under StringEquals are not wildcards (§2.3)", "identity", identityCondition(`{"StringEquals":{"kms:EncryptionContext:label":"a${"${*}"}b${"${?}"}"}}`)],
    ["a key policy with sids containing spaces, a condition and the 2012 version", "key", keyCondition(`{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"ec2.us-west-2.amazonaws.com"}}`)],
    ["keys of other services are not judged", "identity", identityCondition(`{"StringEquals":{"s3:prefix":"home/","ec2:Region":"us-west-2"}}`)],
  ];
  for (const [name, kind, text] of clean) {
    it(name, () => expect(problems(text, kind)).toEqual([]));
  }
});

describe("specific rules", () => {
  it("reports every error of a policy at once", () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"kms:Decrpyt","Resource":"key","Condition":{"stringEquals":{"kms:ViaService":"x"},"Bool":{"aws:SecureTransport":"maybe"}}}]}`;
    expect(problems(text, "identity")).toEqual([
      `KC2031: "allow"`, `KC2051: "kms:Decrpyt"`, `KC2060: "key"`, `KC2090: "stringEquals"`, `KC2126: "maybe"`,
    ]);
  });

  it("suggests the right case for a wrongly cased Effect and operator", () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"DENY","Action":"kms:Decrypt","Resource":"*","Condition":{"forAnyValue:stringLike":{"kms:ResourceAliases":"alias/x"}}}]}`;
    const helps = diagnose(text, "identity").map((d) => d.help);
    expect(helps).toContain("write `Deny`: `Effect` is case-sensitive");
    expect(helps).toContain("did you mean `ForAnyValue:StringLike`? operator names are case-sensitive");
  });

  it("key policy statements without Action or Resource have no effect, but are accepted (§1.3, A.5 #45)", () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*"}]}`;
    const found = diagnose(text, "key");
    expect(found.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["KC2035", "warning", "the statement has no `Action` and no `Resource`, so it never applies"],
    ]);
  });

  it("a missing Version in a key policy says KMS expects 2012-10-17 (A1)", () => {
    const text = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}`;
    expect(diagnose(text, "key")[0]?.help).toMatch(/KMS expects/u);
  });

  it("variables before the fifth colon of a Resource are rejected, counting only colons outside variables (A36)", () => {
    const text = identityStatement(`"NotResource":"arn:aws:kms:${"${aws:RequestedRegion}"}:111122223333:key/${"${aws:username}"}"`)
      .replace(`"Resource":"*",`, "");
    expect(problems(text, "identity")).toEqual(["KC2080: ${aws:RequestedRegion}"]);
  });

  it("underlines the raw text of a value written with escapes", () => {
    const text = identityStatement(`"NotResource":"arn:aws:kms:us-west-2:111122223333:key/\\u0024{aws:username"`).replace(`"Resource":"*",`, "");
    expect(problems(text, "identity")).toEqual(["KC2081: \\u0024{aws:username"]);
  });

  it("warns about variables that name no known key, including template placeholders", () => {
    const text = identityCondition(`{"StringEquals":{"kms:EncryptionContext:u":["${"${aws:usrname}"}","${"${ACCOUNT_ID}"}","${"${saml:sub}"}"]}}`);
    expect(problems(text, "identity")).toEqual(["KC2101: ${aws:usrname}", "KC2101: ${ACCOUNT_ID}"]);
  });

  it("under 2008-10-17, typed values with `${` are literal text and fail their type", () => {
    const text = `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"NumericLessThan":{"aws:EpochTime":"${"${aws:EpochTime}"}"}}}}`;
    expect(problems(text, "identity")).toEqual([`KC2022: "2008-10-17"`, `KC2123: "${"${aws:EpochTime}"}"`]);
  });

  it("set operators: error for the KMS-rejected families in both kinds, warning on other single-valued keys (§3.4)", () => {
    const cond = `{"ForAnyValue:StringEquals":{"aws:RequestTag/Project":"Alpha","kms:EncryptionAlgorithm":"SYMMETRIC_DEFAULT"},"ForAllValues:StringLike":{"kms:EncryptionContext:dept":"IT*"}}`;
    expect(problems(identityCondition(cond), "identity")).toEqual([
      `KC2104: "aws:RequestTag/Project"`, `KC2105: "kms:EncryptionAlgorithm"`, `KC2104: "kms:EncryptionContext:dept"`,
    ]);
  });

  it("forbidden keys in key policies include kms:ResourceAliases, and are fine in identity policies (§5.6)", () => {
    const cond = `{"ForAnyValue:StringEquals":{"kms:ResourceAliases":"alias/a"},"StringEquals":{"aws:ResourceTag/team":"red"}}`;
    expect(problems(keyCondition(cond), "key")).toEqual([`KC2102: "kms:ResourceAliases"`, `KC2102: "aws:ResourceTag/team"`]);
    expect(problems(identityCondition(cond), "identity")).toEqual([]);
  });

  it("an IAM-only pattern warns only when every KMS action it matches is IAM-only (A33)", () => {
    const text = keyStatement("").replace(`"Action":"kms:Decrypt"`, `"Action":["kms:List*","kms:*CustomKeyStore*","kms:Create*","kms:ListKeys"]`);
    expect(problems(text, "key")).toEqual([`KC2052: "kms:*CustomKeyStore*"`, `KC2052: "kms:ListKeys"`]);
  });

  it("identity resources: partition, service and shape", () => {
    const text = identityStatement("").replace(`"Resource":"*"`, `"Resource":["arn:awz:kms:us-west-2:111122223333:key/x","arn:aws::r:a:x","arn:*:kms:*:*:key/*","urn:aws:kms:r:a:key/x"]`);
    expect(problems(text, "identity")).toEqual([
      `KC2060: "arn:awz:kms:us-west-2:111122223333:key/x"`, `KC2060: "arn:aws::r:a:x"`, `KC2060: "urn:aws:kms:r:a:key/x"`,
    ]);
  });

  it("a key policy may not read `aws:ResourceTag/*` or `kms:ResourceAliases` through a variable either (§5.6, A23)", () => {
    const text = keyCondition(`{"StringEquals":{"kms:EncryptionContext:team":["\${aws:ResourceTag/team}","\${kms:ResourceAliases}"]}}`);
    expect(problems(text, "key")).toEqual([`KC2102: \${aws:ResourceTag/team}`, `KC2102: \${kms:ResourceAliases}`]);
    const identity = identityCondition(`{"StringEquals":{"kms:EncryptionContext:team":"\${aws:ResourceTag/team}"}}`);
    expect(problems(identity, "identity")).toEqual([]);
  });

  it("values made only of `${*}` `${?}` `${$}` are judged as the literal text they stand for (§4.1)", () => {
    const text = identityCondition(`{"Bool":{"aws:SecureTransport":"\${*}"},"ArnLike":{"aws:SourceArn":"a\${?}b"},"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/\${*}"}}`);
    expect(problems(text, "identity")).toEqual([`KC2126: "\${*}"`, `KC2128: "a\${?}b"`]);
  });

  it("a trailing `*` may stand for the rest of the ARN, colons included (§1.7 rule 4, Appendix A #41)", () => {
    const text = identityStatement("").replace(`"Resource":"*"`, `"Resource":["arn:aws:kms:*","arn:aws:kms:us-*","arn:aws:kms:us-west-2","arn:aws:kms"]`);
    expect(problems(text, "identity")).toEqual([`KC2060: "arn:aws:kms:us-west-2"`, `KC2060: "arn:aws:kms"`]);
  });

  it("but never for the service, nor may any wildcard stand in it (§1.7 rule 5): `arn:aws:*` is rejected", () => {
    // The reference reads such a pattern as malformed (an Allow never applies); the graph and Cedar
    // matched `arn:aws:*` against every resource, so a bundle with it was decided three ways.
    const text = identityStatement("").replace(`"Resource":"*"`, `"Resource":["arn:aws:*","arn:aws:k?s:*","arn:aws:*:us-west-2:111122223333:key/x","arn:aws:kms:*"]`);
    expect(problems(text, "identity")).toEqual([`KC2060: "arn:aws:*"`, `KC2060: "arn:aws:k?s:*"`, `KC2060: "arn:aws:*:us-west-2:111122223333:key/x"`]);
    const key = keyStatement("").replace(`"Resource":"*"`, `"Resource":"arn:aws:*"`);
    expect(problems(key, "key")).toEqual([`KC2060: "arn:aws:*"`]);
  });

  it("key policy AWS principals with placeholders are reported (§1.5)", () => {
    const text = keyStatement("").replace(`"arn:aws:iam::111122223333:root"`, `["arn:aws:iam::account-id:root","roleArn","arn:aws:iam::111122223333:policy/P"]`);
    expect(problems(text, "key")).toEqual([
      `KC2073: "arn:aws:iam::account-id:root"`, `KC2073: "roleArn"`, `KC2073: "arn:aws:iam::111122223333:policy/P"`,
    ]);
  });

  it("operator families that fit the key type raise no mismatch; others do (A12, A17)", () => {
    const fits = `{"NumericLessThanEquals":{"kms:ValidTo":"1546257599"},"DateLessThan":{"kms:ValidTo":"2030-01-01"},"ArnLike":{"kms:GranteePrincipal":"arn:aws:iam::111122223333:role/*"},"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/A"},"Null":{"aws:SourceIp":"false"}}`;
    expect(problems(identityCondition(fits), "identity")).toEqual([]);
    const misfits = `{"StringEquals":{"aws:SecureTransport":"true"},"Bool":{"kms:ViaService":"true"},"DateEquals":{"aws:SourceIp":"2020"}}`;
    expect(problems(identityCondition(misfits), "identity")).toEqual([`KC2133: "StringEquals"`, `KC2133: "Bool"`, `KC2133: "DateEquals"`]);
  });

  it("sensitive keys warn about patterns under Like operators only (§6.4)", () => {
    const cond = `{"StringLike":{"aws:SourceVpce":"vpce-*","kms:ViaService":"ec2.*"},"StringNotLike":{"aws:ResourceOrgID":"o-?"}}`;
    expect(problems(identityCondition(cond), "identity")).toEqual([`KC2132: "vpce-*"`, `KC2132: "o-?"`]);
  });

  it("an empty operator map is warned about like an empty Condition (A8)", () => {
    expect(problems(identityCondition(`{"StringEquals":{}}`), "identity")).toEqual(["KC2093: {}"]);
  });

  it("an empty value array under IfExists is still rejected (A7)", () => {
    expect(problems(identityCondition(`{"StringEqualsIfExists":{"kms:ViaService":[ ]}}`), "identity")).toEqual(["KC2120: [ ]"]);
  });
});
