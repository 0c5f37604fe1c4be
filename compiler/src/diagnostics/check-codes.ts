// Registry entries of the policy checks (KC2xxx): the shape errors readPolicy reports and every rule of
// compiler/src/checks/. Codes are stable: never renumber or reuse one; add new codes at the end of a group.
import type { DiagnosticInfo } from "@kms-cedar/grammar";

const error = "error" as const;
const warning = "warning" as const;
const info = "info" as const;

/** Every KC2xxx code, by a short name the checks use. */
export const CHECK_CODES = {
  // Element shapes (syntax/read-policy.ts), spec §1.1, §1.3, §1.4, §1.8.
  policyNotObject: { code: "KC2001", slug: "policy-not-object", severity: error, summary: "the policy document is not a JSON object" },
  unknownPolicyMember: { code: "KC2002", slug: "unknown-policy-member", severity: error, summary: "unknown top-level member", help: "a policy has only `Version`, `Id` and `Statement`" },
  missingStatement: { code: "KC2003", slug: "missing-statement", severity: error, summary: "the policy has no `Statement`" },
  emptyStatementList: { code: "KC2004", slug: "empty-statement-list", severity: error, summary: "`Statement` is an empty array", help: "IAM rejects a policy without statements" },
  statementNotObject: { code: "KC2005", slug: "statement-not-object", severity: error, summary: "a statement is not a JSON object" },
  unknownStatementMember: { code: "KC2006", slug: "unknown-statement-member", severity: error, summary: "unknown statement member", help: "a statement has only `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition` (names are case-sensitive)" },
  expectedString: { code: "KC2007", slug: "expected-string", severity: error, summary: "a string is expected here", help: "null, objects, numbers, booleans and nested arrays are syntax errors here" },
  expectedStringOrList: { code: "KC2008", slug: "expected-string-or-list", severity: error, summary: "a string or an array of strings is expected" },
  emptyElement: { code: "KC2009", slug: "empty-element", severity: error, summary: "an element is an empty array or object", help: "IAM rejects statements whose actions, resources or principals are empty" },
  invalidPrincipalShape: { code: "KC2010", slug: "invalid-principal-shape", severity: error, summary: "`Principal` must be `\"*\"` or an object" },
  expectedObject: { code: "KC2011", slug: "expected-object", severity: error, summary: "a JSON object is expected here" },
  invalidConditionValue: { code: "KC2012", slug: "invalid-condition-value", severity: error, summary: "a condition value must be a string, number or boolean, or an array of them" },
  unknownPrincipalType: { code: "KC2014", slug: "unknown-principal-type", severity: error, summary: "unknown principal type", help: "principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`" },

  // Document (checks/check-document.ts), spec §1.1, §1.2, §1.10, A1, A2.
  missingVersion: { code: "KC2020", slug: "missing-version", severity: warning, summary: "the policy has no `Version`", help: "add `\"Version\": \"2012-10-17\"`; without it policy variables are literal text" },
  invalidVersion: { code: "KC2021", slug: "invalid-version", severity: error, summary: "`Version` must be `2012-10-17` or `2008-10-17`" },
  legacyVersion: { code: "KC2022", slug: "legacy-version", severity: warning, summary: "`Version` `2008-10-17` is the old policy language", help: "policy variables are literal text in it, and IAM managed policies reject it" },
  idInIdentityPolicy: { code: "KC2023", slug: "id-in-identity-policy", severity: warning, summary: "`Id` has no meaning in an identity policy and is ignored" },
  identityPolicyTooLarge: { code: "KC2024", slug: "identity-policy-too-large", severity: warning, summary: "the policy is over the 6 144-character limit of IAM managed policies", help: "whitespace is not counted; inline policies have per-entity limits of 2 048 (user), 5 120 (group) and 10 240 (role) characters" },
  characterNotAllowed: { code: "KC2025", slug: "character-not-allowed", severity: error, summary: "character not allowed in a policy", help: "policies may contain tab, line feed, carriage return and U+0020 to U+00FF only" },

  // Statements (checks/check-statement-elements.ts, check-sids.ts), spec §1.3, §1.9, A21, A27.
  missingEffect: { code: "KC2030", slug: "missing-effect", severity: error, summary: "the statement has no `Effect`" },
  invalidEffect: { code: "KC2031", slug: "invalid-effect", severity: error, summary: "`Effect` must be exactly `Allow` or `Deny` (case-sensitive)", help: "write `Allow` or `Deny`" },
  conflictingElements: { code: "KC2032", slug: "conflicting-elements", severity: error, summary: "an element and its `Not` form are both present" },
  missingAction: { code: "KC2033", slug: "missing-action", severity: error, summary: "the statement has neither `Action` nor `NotAction`" },
  missingResource: { code: "KC2034", slug: "missing-resource", severity: error, summary: "the statement has neither `Resource` nor `NotResource`" },
  ineffectiveKeyStatement: { code: "KC2035", slug: "ineffective-key-statement", severity: warning, summary: "the key policy statement has no effect", help: "KMS accepts a key policy statement without `Action` or `Resource`, but the statement never applies" },
  principalInIdentityPolicy: { code: "KC2036", slug: "principal-in-identity-policy", severity: error, summary: "an identity policy must not specify a principal" },
  missingPrincipal: { code: "KC2037", slug: "missing-principal", severity: error, summary: "a key policy statement must name a principal" },
  notElementInKeyPolicy: { code: "KC2038", slug: "not-element-in-key-policy", severity: error, summary: "`NotPrincipal` and `NotResource` are not supported in key policies" },
  invalidSid: { code: "KC2039", slug: "invalid-sid", severity: error, summary: "an identity policy `Sid` may contain only letters and digits" },
  duplicateSid: { code: "KC2040", slug: "duplicate-sid", severity: error, summary: "`Sid` values must be unique in an identity policy" },
  duplicateSidInKeyPolicy: { code: "KC2041", slug: "duplicate-sid-in-key-policy", severity: warning, summary: "two key policy statements have the same `Sid`" },

  // Actions (checks/check-actions.ts), spec §1.6, A29, A33.
  invalidAction: { code: "KC2050", slug: "invalid-action", severity: error, summary: "an action must be `*` or `service:action`" },
  unknownKmsAction: { code: "KC2051", slug: "unknown-kms-action", severity: warning, summary: "the action matches no KMS action, so it can never match a request" },
  iamOnlyActionInKeyPolicy: { code: "KC2052", slug: "iam-only-action-in-key-policy", severity: warning, summary: "the action can only be allowed in IAM policies; in a key policy it has no effect" },
  actionPrefixCase: { code: "KC2053", slug: "action-prefix-case", severity: warning, summary: "service prefixes are written in lower case", help: "matching ignores case, but Access Analyzer reports this spelling" },

  // Resources (checks/check-resources.ts), spec §1.7, §1.9, A21.
  invalidResource: { code: "KC2060", slug: "invalid-resource", severity: error, summary: "a resource must be `*` or an ARN" },
  keyPolicyResourceNotStar: { code: "KC2061", slug: "key-policy-resource-not-star", severity: warning, summary: "a key policy `Resource` should be `*` (this key)", help: "KMS documents only `*`; this key's exact ARN matches, any other value is undecided: a Deny applies, an Allow does not" },

  // Principals (checks/check-principals.ts), spec §1.5, A35.
  principalStringNotStar: { code: "KC2070", slug: "principal-string-not-star", severity: error, summary: "a `Principal` written as a string must be `*`", help: "write `{\"AWS\": \"…\"}` to name a principal" },
  partialWildcardPrincipal: { code: "KC2071", slug: "partial-wildcard-principal", severity: error, summary: "wildcards in a principal are allowed only as the whole value `*`" },
  uniqueIdPrincipal: { code: "KC2072", slug: "unique-id-principal", severity: warning, summary: "the principal is a unique ID, which never matches a request", help: "IAM shows a unique ID after the user or role it named was deleted" },
  invalidAwsPrincipal: { code: "KC2073", slug: "invalid-aws-principal", severity: error, summary: "an `AWS` principal must be `*`, a 12-digit account ID, or an IAM user, role, root or STS session ARN" },
  noKmsCaller: { code: "KC2074", slug: "principal-names-no-kms-caller", severity: warning, summary: "a `Federated` or `CanonicalUser` principal never names the caller of a KMS request", help: "a web-identity or SAML user calls KMS as the role session it assumed: name the role (`{\"AWS\": \"arn:aws:iam::…:role/…\"}`), or test `aws:PrincipalArn`; a Deny naming only this principal denies nothing" },

  // Policy variables (checks/check-variables.ts), spec §4, A24, A36.
  misplacedVariable: { code: "KC2080", slug: "misplaced-variable", severity: error, summary: "policy variables are not allowed here", help: "variables work only in `Resource`/`NotResource` (after the fifth colon) and in condition values" },
  malformedVariable: { code: "KC2081", slug: "malformed-variable", severity: error, summary: "malformed policy variable", help: "write `${key}` or `${key, 'default'}`; `${*}`, `${?}` and `${$}` insert the literal character" },
  variableNotAllowed: { code: "KC2082", slug: "variable-not-allowed", severity: error, summary: "this operator does not support policy variables", help: "variables work with String, ARN and Bool operators only" },
  multivaluedVariable: { code: "KC2083", slug: "multivalued-variable", severity: error, summary: "a multivalued key cannot be a policy variable" },
  variableInLegacyVersion: { code: "KC2084", slug: "variable-in-legacy-version", severity: warning, summary: "`${…}` is literal text here, not a policy variable", help: "policy variables exist only in `\"Version\": \"2012-10-17\"`" },

  // Condition operators and blocks (checks/check-condition-operators.ts), spec §1.8, §2.1, §2.10, A8, A9.
  unknownOperator: { code: "KC2090", slug: "unknown-operator", severity: error, summary: "unknown condition operator (names are case-sensitive)" },
  nullIfExists: { code: "KC2091", slug: "null-if-exists", severity: error, summary: "`Null` cannot take `IfExists`" },
  qualifiedNull: { code: "KC2092", slug: "qualified-null", severity: error, summary: "`Null` cannot take `ForAllValues:` or `ForAnyValue:`", help: "`ForAllValues:Null` is always true and `ForAnyValue:Null` always false" },
  emptyCondition: { code: "KC2093", slug: "empty-condition", severity: warning, summary: "an empty condition has no effect" },
  duplicateConditionKey: { code: "KC2094", slug: "duplicate-condition-key", severity: error, summary: "the same condition key appears twice under one operator, in different letter case", help: "key names are case-insensitive, so case variants are duplicates (exact repeats are reported as duplicate JSON keys)" },

  // Condition keys (checks/check-condition-keys.ts), spec §3, §5.6, §6, A5, A6, A23, A37.
  invalidConditionKey: { code: "KC2100", slug: "invalid-condition-key", severity: error, summary: "a condition key must be `service:name`" },
  unknownConditionKey: { code: "KC2101", slug: "unknown-condition-key", severity: warning, summary: "unknown condition key: it is never present in a request" },
  keyNotSupportedInKeyPolicy: { code: "KC2102", slug: "key-not-supported-in-key-policy", severity: error, summary: "this condition key is supported in IAM policies only", help: "KMS rejects key policies that use `aws:ResourceTag/…` or `kms:ResourceAliases`" },
  aliasKeyNeedsKmsPrefix: { code: "KC2103", slug: "alias-key-needs-kms-prefix", severity: error, summary: "there is no `aws:` alias condition key" },
  overlyPermissiveSetOperator: { code: "KC2104", slug: "overly-permissive-set-operator", severity: error, summary: "set operators are not allowed with `kms:EncryptionContext:…` or `aws:RequestTag/…`", help: "these keys are single-valued; KMS rejects `ForAllValues` with them (`OverlyPermissiveCondition`) because it also matches requests without the key" },
  setOperatorOnSingleValuedKey: { code: "KC2105", slug: "set-operator-on-single-valued-key", severity: warning, summary: "set operator on a single-valued key", help: "`ForAllValues` is also true when the key is absent, which can be overly permissive" },
  plainOperatorOnMultivaluedKey: { code: "KC2106", slug: "plain-operator-on-multivalued-key", severity: error, summary: "a multivalued key needs `ForAllValues:` or `ForAnyValue:`" },
  deprecatedConditionKey: { code: "KC2107", slug: "deprecated-condition-key", severity: info, summary: "deprecated condition key" },

  // Condition values (checks/check-condition-values.ts), spec §2.3–§2.10, §2.12, A7, A10, A14.
  emptyValueList: { code: "KC2120", slug: "empty-value-list", severity: error, summary: "a condition key has an empty list of values", help: "IAM's behaviour for `[]` is contradictory; write the intended values" },
  nullMultipleValues: { code: "KC2121", slug: "null-multiple-values", severity: error, summary: "`Null` takes one value, `true` or `false`" },
  boolMultipleValues: { code: "KC2122", slug: "bool-multiple-values", severity: error, summary: "`Bool` takes one value, `true` or `false`" },
  invalidNumber: { code: "KC2123", slug: "invalid-numeric-value", severity: error, summary: "not a number", help: "write an integer or decimal such as `10` or `1546257599.0`; exponents, hex, NaN and Infinity are not accepted" },
  invalidDate: { code: "KC2124", slug: "invalid-date", severity: error, summary: "not a date", help: "write an ISO 8601 date such as `2020-01-01` or `2020-01-01T00:00:00Z`, or epoch seconds" },
  invalidIp: { code: "KC2125", slug: "invalid-ip", severity: error, summary: "not an IP address or CIDR range", help: "write an IPv4 or IPv6 address or CIDR such as `203.0.113.0/24` or `2001:db8::/32`" },
  invalidBool: { code: "KC2126", slug: "invalid-bool", severity: error, summary: "a `Bool` value must be `true` or `false`" },
  invalidBase64: { code: "KC2127", slug: "invalid-base64", severity: error, summary: "a `BinaryEquals` value must be base64" },
  invalidArnValue: { code: "KC2128", slug: "invalid-arn-value", severity: error, summary: "an ARN operator value must be an ARN with six components", help: "a value with fewer than six colon-separated parts never matches" },
  invalidNullValue: { code: "KC2129", slug: "invalid-null-value", severity: error, summary: "a `Null` value must be `true` or `false`" },
  booleanValueCase: { code: "KC2130", slug: "boolean-value-case", severity: warning, summary: "write booleans in lower case", help: "we compare `true`/`false` ignoring case, but AWS does not document it" },
  wildcardWithoutLike: { code: "KC2131", slug: "wildcard-without-like", severity: warning, summary: "`*` and `?` are literal characters under this operator", help: "use `StringLike` for wildcard matching" },
  wildcardInSensitiveKey: { code: "KC2132", slug: "wildcard-in-sensitive-key", severity: warning, summary: "wildcards have no valid use with this condition key", help: "AWS lists account, organization, VPC and VPC endpoint keys whose values should be exact" },
  inexactNumber: { code: "KC2134", slug: "inexact-number", severity: error, summary: "this unquoted number does not survive JSON reading as written", help: "write it as a string, e.g. `\"1.0\"`: JSON readers turn `1.0` into `1` and round integers beyond 2^53, so what the policy says would depend on the reader" },
  operatorTypeMismatch: { code: "KC2133", slug: "operator-type-mismatch", severity: warning, summary: "the operator does not fit the condition key's type", help: "a context value that does not parse for the operator never matches, so negated operators are then true" },
} as const satisfies Record<string, DiagnosticInfo>;

/** Internal errors (KC9xxx): a bug in a check, reported instead of crashing the run. */
export const INTERNAL_CODES = {
  checkFailed: { code: "KC9002", slug: "internal-check-failure", severity: error, summary: "internal error in a policy check", help: "this is a bug in kms-cedar; please report it with the policy" },
} as const satisfies Record<string, DiagnosticInfo>;
