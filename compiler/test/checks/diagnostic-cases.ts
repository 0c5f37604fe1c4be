// One case per diagnostic code that checkPolicyText can produce: a policy, its kind, and the text the
// diagnostic must underline (its `occurrence`-th appearance in the policy, 0 by default). Expected values
// come from the spec sections named in each comment, not from the checker's output.
import { BUNDLE_DIAGNOSTICS } from "../../src/bundle/bundle-diagnostic-codes.js";
import { LAYER_DIAGNOSTICS } from "../../src/bundle/layer-diagnostic-codes.js";
import { AVP_DIAGNOSTICS } from "../../src/emit/avp/avp-codes.js";
import { CEDAR_DIAGNOSTICS } from "../../src/emit/cedar/cedar-codes.js";
import type { PolicyKind } from "../../src/syntax/policy-syntax.js";
import { identityCondition, identityStatement, keyCondition, keyStatement } from "../helpers/diagnose.js";

export interface DiagnosticCase {
  readonly code: string;
  readonly kind: PolicyKind;
  readonly text: string;
  readonly underlined: string;
  readonly occurrence?: number;
}

const V = `"Version":"2012-10-17"`;
const bigAction = `[${Array.from({ length: 480 }, () => `"kms:Decrypt"`).join(",")}]`;

export const CHECK_CASES: readonly DiagnosticCase[] = [
  // §1.1, §1.3, §1.4 — shapes
  { code: "KC2001", kind: "identity", text: `[]`, underlined: `[]` },
  { code: "KC2002", kind: "identity", text: `{${V},"Foo":1,"Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}`, underlined: `"Foo"` },
  { code: "KC2003", kind: "identity", text: `{${V}}`, underlined: `{` },
  { code: "KC2004", kind: "identity", text: `{${V},"Statement":[]}`, underlined: `[]` },
  { code: "KC2005", kind: "identity", text: `{${V},"Statement":["x"]}`, underlined: `"x"` },
  { code: "KC2006", kind: "identity", text: identityStatement(`"Actions":"kms:Encrypt"`), underlined: `"Actions"` },
  { code: "KC2007", kind: "identity", text: identityStatement(`"Sid":null`), underlined: `null` },
  { code: "KC2008", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":{"a":1},"Resource":"*"}]}`, underlined: `{"a":1}` },
  { code: "KC2009", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":[]}]}`, underlined: `[]` },
  { code: "KC2010", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":["*"],"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `["*"]` },
  { code: "KC2011", kind: "identity", text: identityCondition(`[]`), underlined: `[]` },
  { code: "KC2012", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:ViaService":null}}`), underlined: `null` },
  { code: "KC2014", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":{"Aws":"*"},"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"Aws"` },
  // §1.2, §1.10, A1, A2 — document
  { code: "KC2020", kind: "identity", text: `{"Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}`, underlined: `{` },
  { code: "KC2021", kind: "identity", text: `{"Version":"2013-10-17","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}`, underlined: `"2013-10-17"` },
  { code: "KC2022", kind: "key", text: `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}}`, underlined: `"2008-10-17"` },
  { code: "KC2023", kind: "identity", text: `{${V},"Id":"p1","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}`, underlined: `"p1"` },
  { code: "KC2024", kind: "identity", text: `{${V},"Statement":{"Effect":"Allow","Action":${bigAction},"Resource":"*"}}`, underlined: `{${V},"Statement":{"Effect":"Allow","Action":${bigAction},"Resource":"*"}}` },
  { code: "KC2025", kind: "identity", text: identityStatement(`"Sid":"K\u2039id\u203a"`), underlined: `\u2039` },
  // §1.3, §1.9, A21, A27 — statements
  { code: "KC2030", kind: "identity", text: `{${V},"Statement":[{"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `{`, occurrence: 1 },
  { code: "KC2031", kind: "identity", text: `{${V},"Statement":[{"Effect":"allow","Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"allow"` },
  { code: "KC2032", kind: "identity", text: identityStatement(`"NotAction":"kms:Encrypt"`), underlined: `"NotAction"` },
  { code: "KC2033", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Resource":"*"}]}`, underlined: `{`, occurrence: 1 },
  { code: "KC2034", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt"}]}`, underlined: `{`, occurrence: 1 },
  { code: "KC2035", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt"}]}`, underlined: `{`, occurrence: 1 },
  { code: "KC2036", kind: "identity", text: identityStatement(`"Principal":"*"`), underlined: `"Principal"` },
  { code: "KC2037", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `{`, occurrence: 1 },
  { code: "KC2038", kind: "key", text: `{${V},"Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:Decrypt","NotResource":"*"}]}`, underlined: `"NotResource"` },
  { code: "KC2039", kind: "identity", text: identityStatement(`"Sid":"allow decrypt"`), underlined: `"allow decrypt"` },
  { code: "KC2040", kind: "identity", text: `{${V},"Statement":[{"Sid":"A","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"kms:Encrypt","Resource":"*"}]}`, underlined: `"A"`, occurrence: 1 },
  { code: "KC2041", kind: "key", text: `{${V},"Statement":[{"Sid":"Key admins","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"},{"Sid":"Key admins","Effect":"Deny","Principal":"*","Action":"kms:Encrypt","Resource":"*"}]}`, underlined: `"Key admins"`, occurrence: 1 },
  // §1.6, A29, A33 — actions
  { code: "KC2050", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt:x","Resource":"*"}]}`, underlined: `"kms:Decrypt:x"` },
  { code: "KC2051", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrpyt","Resource":"*"}]}`, underlined: `"kms:Decrpyt"` },
  { code: "KC2052", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":"*","Action":["kms:Decrypt","kms:CreateKey"],"Resource":"*"}]}`, underlined: `"kms:CreateKey"` },
  { code: "KC2053", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"KMS:Decrypt","Resource":"*"}]}`, underlined: `KMS` },
  // §1.7, A21 — resources
  { code: "KC2060", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"KMSKeyARN"}]}`, underlined: `"KMSKeyARN"` },
  { code: "KC2060", kind: "key", text: `{${V},"Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"ARN:aws:kms:*"}]}`, underlined: `"ARN:aws:kms:*"` },
  { code: "KC2061", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-west-2:111122223333:key/k1"}]}`, underlined: `"arn:aws:kms:us-west-2:111122223333:key/k1"` },
  // §1.5, A35 — principals
  { code: "KC2070", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":"arn:aws:iam::111122223333:root","Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"arn:aws:iam::111122223333:root"` },
  { code: "KC2071", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/App*"},"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"arn:aws:iam::111122223333:role/App*"` },
  { code: "KC2072", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":{"AWS":["111122223333","AROAEXAMPLEID1234567"]},"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"AROAEXAMPLEID1234567"` },
  { code: "KC2073", kind: "key", text: `{${V},"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:group/Admins"},"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"arn:aws:iam::111122223333:group/Admins"` },
  { code: "KC2074", kind: "key", text: `{${V},"Statement":[{"Effect":"Deny","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"kms:Decrypt","Resource":"*"}]}`, underlined: `"cognito-identity.amazonaws.com"` },
  // §4, A24, A36 — policy variables
  { code: "KC2080", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:${"${aws:username}"}","Resource":"*"}]}`, underlined: "${aws:username}" },
  { code: "KC2081", kind: "identity", text: `{${V},"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-west-2:111122223333:key/${"${aws:username"}"}]}`, underlined: "${aws:username" },
  { code: "KC2082", kind: "identity", text: identityCondition(`{"NumericLessThan":{"kms:RotationPeriodInDays":"${"${aws:EpochTime}"}"}}`), underlined: "${aws:EpochTime}" },
  { code: "KC2083", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:EncryptionContext:tags":"${"${aws:TagKeys}"}"}}`), underlined: "${aws:TagKeys}" },
  { code: "KC2084", kind: "identity", text: `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:EncryptionContext:user":"${"${aws:username}"}"}}}}`, underlined: "${aws:username}" },
  // §1.8, §2.1, §2.10, A8, A9 — operators
  { code: "KC2090", kind: "identity", text: identityCondition(`{"stringEquals":{"kms:ViaService":"ec2.us-west-2.amazonaws.com"}}`), underlined: `"stringEquals"` },
  { code: "KC2091", kind: "identity", text: identityCondition(`{"NullIfExists":{"kms:ViaService":"true"}}`), underlined: `"NullIfExists"` },
  { code: "KC2092", kind: "identity", text: identityCondition(`{"ForAllValues:Null":{"aws:TagKeys":"false"}}`), underlined: `"ForAllValues:Null"` },
  { code: "KC2093", kind: "identity", text: identityCondition(`{}`), underlined: `{}` },
  { code: "KC2094", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:ViaService":"a","KMS:viaService":"b"}}`), underlined: `"KMS:viaService"` },
  // §3, §5.6, §6, A5, A6, A23, A37 — condition keys
  { code: "KC2100", kind: "identity", text: identityCondition(`{"StringEquals":{"ViaService":"ec2.us-west-2.amazonaws.com"}}`), underlined: `"ViaService"` },
  { code: "KC2101", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:ViaServices":"ec2.us-west-2.amazonaws.com"}}`), underlined: `"kms:ViaServices"` },
  { code: "KC2102", kind: "key", text: keyCondition(`{"StringEquals":{"aws:ResourceTag/Project":"Alpha"}}`), underlined: `"aws:ResourceTag/Project"` },
  { code: "KC2103", kind: "identity", text: identityCondition(`{"ForAnyValue:StringLike":{"aws:ResourceAliases":"alias/finance*"}}`), underlined: `"aws:ResourceAliases"` },
  { code: "KC2104", kind: "key", text: keyCondition(`{"ForAllValues:StringEquals":{"kms:EncryptionContext:Dept":"IT"}}`), underlined: `"kms:EncryptionContext:Dept"` },
  { code: "KC2105", kind: "identity", text: identityCondition(`{"ForAnyValue:StringEquals":{"kms:CallerAccount":"111122223333"}}`), underlined: `"kms:CallerAccount"` },
  { code: "KC2106", kind: "identity", text: identityCondition(`{"StringEquals":{"aws:TagKeys":"Project"}}`), underlined: `"aws:TagKeys"` },
  { code: "KC2107", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:CustomerMasterKeySpec":"RSA_2048"}}`), underlined: `"kms:CustomerMasterKeySpec"` },
  // §2.3–§2.12, A7, A10, A14 — condition values
  { code: "KC2120", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:ViaService":[]}}`), underlined: `[]` },
  { code: "KC2121", kind: "identity", text: identityCondition(`{"Null":{"kms:ViaService":["true","false"]}}`), underlined: `["true","false"]` },
  { code: "KC2122", kind: "identity", text: identityCondition(`{"Bool":{"aws:SecureTransport":["true","false"]}}`), underlined: `["true","false"]` },
  { code: "KC2123", kind: "identity", text: identityCondition(`{"NumericLessThan":{"kms:RotationPeriodInDays":"1e3"}}`), underlined: `"1e3"` },
  { code: "KC2124", kind: "identity", text: identityCondition(`{"DateLessThan":{"aws:CurrentTime":"2020-13-01"}}`), underlined: `"2020-13-01"` },
  { code: "KC2125", kind: "identity", text: identityCondition(`{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","10.0.0.256"]}}`), underlined: `"10.0.0.256"` },
  { code: "KC2126", kind: "identity", text: identityCondition(`{"Bool":{"aws:SecureTransport":"yes"}}`), underlined: `"yes"` },
  { code: "KC2127", kind: "identity", text: identityCondition(`{"BinaryEquals":{"kms:EncryptionContext:blob":"not base64!"}}`), underlined: `"not base64!"` },
  { code: "KC2128", kind: "identity", text: identityCondition(`{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::role/App"}}`), underlined: `"arn:aws:iam::role/App"` },
  { code: "KC2129", kind: "identity", text: identityCondition(`{"Null":{"kms:ViaService":"maybe"}}`), underlined: `"maybe"` },
  { code: "KC2130", kind: "identity", text: identityCondition(`{"Bool":{"aws:SecureTransport":"TRUE"}}`), underlined: `"TRUE"` },
  { code: "KC2131", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:ViaService":"ec2.*.amazonaws.com"}}`), underlined: `"ec2.*.amazonaws.com"` },
  // §6.4, A17 — values and operators that do not fit the key
  { code: "KC2132", kind: "identity", text: identityCondition(`{"StringLike":{"aws:PrincipalAccount":"1111*"}}`), underlined: `"1111*"` },
  { code: "KC2133", kind: "identity", text: identityCondition(`{"NumericEquals":{"kms:ViaService":"1"}}`), underlined: `"NumericEquals"` },
  { code: "KC2134", kind: "identity", text: identityCondition(`{"StringEquals":{"kms:EncryptionContext:v":1.0}}`), underlined: `1.0` },
];

/** A case whose expected span is given by its offsets in the text (for `{`, `,` and other repeated text). */
function at(code: string, kind: PolicyKind, text: string, marker: string, offsetInMarker = 0, length = 1): DiagnosticCase {
  const start = text.indexOf(marker) + offsetInMarker;
  if (text.indexOf(marker) < 0) throw new Error(`marker ${marker} not in ${text}`);
  const underlined = text.slice(start, start + length);
  let occurrence = 0;
  for (let i = text.indexOf(underlined); i >= 0 && i < start; i = text.indexOf(underlined, i + 1)) occurrence++;
  return { code, kind, text, underlined, occurrence };
}

const ok = identityStatement("");
const deep = `${"[".repeat(70)}${"]".repeat(70)}`;
const oversized = `{${V},"Id":"${"x".repeat(32_800)}","Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}}`;

/** The JSON front end's codes (grammar/src/json/diagnostic-codes.ts), as checkPolicyText reports them. */
export const JSON_CASES: readonly DiagnosticCase[] = [
  { code: "KC1001", kind: "identity", text: "", underlined: "" },
  { code: "KC1002", kind: "key", text: oversized, underlined: oversized.slice(32_768) },
  at("KC1003", "identity", deep, "[".repeat(6), 64),
  { code: "KC1004", kind: "identity", text: `\uFEFF${ok}`, underlined: "\uFEFF" },
  at("KC1005", "identity", `${ok},`, "]},", 2),
  { code: "KC1006", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":@`), underlined: "@" },
  { code: "KC1007", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":TRUE`), underlined: "TRUE" },
  { code: "KC1008", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":"*" // all keys\n`), underlined: "// all keys" },
  { code: "KC1009", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":'*'`), underlined: "'*'" },
  { code: "KC1010", kind: "identity", text: `{"Version":"2012-10-17}`, underlined: `"2012-10-17}` },
  { code: "KC1011", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":"a\tb"`), underlined: "\t" },
  { code: "KC1012", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":"\\x"`), underlined: "\\x" },
  { code: "KC1013", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":"\\u12"`), underlined: "\\u12" },
  { code: "KC1014", kind: "identity", text: identityCondition(`{"NumericEquals":{"kms:RotationPeriodInDays":0365}}`), underlined: "0365" },
  { code: "KC1015", kind: "identity", text: ok.replace(`"Effect":"Allow",`, `"Effect":"Allow" `), underlined: `"Action"` },
  at("KC1016", "identity", ok.replace(`"Resource":"*"`, `"Resource":"*",`), `"*",}`, 3),
  at("KC1017", "identity", ok.replace(`"Action":"kms:Decrypt"`, `"Action":[,"kms:Decrypt"]`), "[,", 1),
  { code: "KC1018", kind: "identity", text: ok.replace(`"Effect":"Allow"`, `"Effect" "Allow"`), underlined: `"Allow"` },
  at("KC1019", "identity", ok.replace(`"Effect":"Allow"`, `"Sid":,"Effect":"Allow"`), `"Sid":,`, 6),
  { code: "KC1020", kind: "identity", text: ok.replace(`"Effect":"Allow"`, `true : 1,"Effect":"Allow"`), underlined: "true" },
  at("KC1021", "identity", ok.replace(`"Action":"kms:Decrypt"`, `"Action":["kms:Decrypt":"x"]`), `"kms:Decrypt":`, 13),
  at("KC1022", "identity", ok.slice(0, -1), "{"),
  at("KC1023", "identity", ok.replace(`"Resource":"*"`, `"Resource":["*"]]`), `]]`, 1),
  { code: "KC1024", kind: "identity", text: ok.replace(`"Effect":"Allow"`, `"Effect":"Deny","Effect":"Allow"`), underlined: `"Effect"`, occurrence: 1 },
  { code: "KC1025", kind: "identity", text: ok.replace(`"Resource":"*"`, `"Resource":"arn:aws:kms:*:*:key/\\udc00"`), underlined: "\\udc00" },
];

/** Registry codes that no policy text given to checkPolicyText can produce, and why. */
export const NOT_FROM_POLICY_TEXT: readonly { readonly code: string; readonly why: string }[] = [
  { code: "KC1026", why: "bytes that are not UTF-8, refused before any text is parsed; shown firing by compiler/test/cli/cli-not-utf8.test.ts" },
  { code: "KC9001", why: "internal error of the JSON parser (a bug), never caused by input" },
  { code: "KC9002", why: "internal error of a check; shown firing by internal-error.test.ts, which forces a check to throw" },
  ...BUNDLE_DIAGNOSTICS.map((info) => ({ code: info.code, why: "bundle loader code, shown firing by compiler/test/bundle and compiler/test/cli" })),
  ...LAYER_DIAGNOSTICS.map((info) => ({ code: info.code, why: "layer code (bundle members and layer policy kinds), shown firing by compiler/test/bundle/layers.test.ts" })),
  ...CEDAR_DIAGNOSTICS.map((info) => ({ code: info.code, why: "Cedar emitter code (compile, not check), shown firing by the Cedar emitter's tests" })),
  ...AVP_DIAGNOSTICS.map((info) => ({ code: info.code, why: "AVP profile code (compile --target avp), shown firing by compiler/test/avp/avp-codes.test.ts" })),
];
