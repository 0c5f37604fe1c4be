// Registry entries of the Cedar emitter: KC3xxx "Cedar cannot express this natively" (errors only
// under --pure-cedar; otherwise the construct becomes a derived attribute in manifest.json) and
// KC93xx internal errors (the emitted Cedar failed cedar-wasm's own checks: a bug, never silent).
import type { DiagnosticInfo } from "@kms-cedar/grammar";

const error = "error" as const;

export const CEDAR_CODES = {
  likeQuestionMark: { code: "KC3001", slug: "cedar-no-single-character-wildcard", severity: error, summary: "Cedar's `like` has no single-character wildcard `?`", help: "without --pure-cedar the test becomes a derived attribute computed by the request encoder; or replace `?` with `*` if that is what you mean" },
  setQuantifier: { code: "KC3002", slug: "cedar-no-set-quantifier", severity: error, summary: "Cedar cannot apply this operator to each value of a multivalued key", help: "Cedar offers only `contains`, `containsAll` and `containsAny` on sets, which express ForAnyValue/ForAllValues with StringEquals and StringNotEquals" },
  ignoreCase: { code: "KC3003", slug: "cedar-no-lower-case", severity: error, summary: "Cedar has no lower-case function for StringEqualsIgnoreCase", help: "without --pure-cedar the encoder supplies a lower-cased view of the value" },
  concatenation: { code: "KC3004", slug: "cedar-no-concatenation", severity: error, summary: "Cedar cannot build a value from a policy variable and other text", help: "a value that is exactly one variable (`${aws:username}`) compiles natively" },
  arnComponents: { code: "KC3005", slug: "cedar-arn-component-wildcard", severity: error, summary: "a wildcard in the first five ARN components cannot be matched component by component in Cedar", help: "Cedar's `like` lets `*` cross a colon, ArnLike does not; wildcards only in the resource part compile natively" },
  numberPrecision: { code: "KC3006", slug: "cedar-number-precision", severity: error, summary: "the numeric constants do not fit Cedar's Long or decimal exactly", help: "Cedar's decimal has four fraction digits and Long crosses the JSON bridge exactly only within 2^53" },
  datePrecision: { code: "KC3007", slug: "cedar-date-precision", severity: error, summary: "the date constants do not fit Cedar's datetime exactly", help: "Cedar's datetime has millisecond precision and years 0000 to 9999" },
  binary: { code: "KC3008", slug: "cedar-no-base64", severity: error, summary: "Cedar cannot decode base64 for BinaryEquals" },
  resourcePattern: { code: "KC3009", slug: "cedar-resource-pattern", severity: error, summary: "Cedar's `like` cannot match this resource pattern exactly", help: "`?` and a `*` inside an ARN segment (which must not cross a colon) need a derived attribute" },
  variableOperator: { code: "KC3010", slug: "cedar-variable-operator", severity: error, summary: "a policy variable under this operator needs a derived attribute", help: "variables compile natively as whole values of StringEquals, StringNotEquals, StringLike and StringNotLike" },
  engineLimit: { code: "KC3011", slug: "cedar-engine-limit", severity: error, summary: "the Cedar output is beyond cedar-wasm's limits", help: "cedar-wasm traps on very deep expressions, sets of more than 1,000 values it cannot split (ForAllValues:StringEquals, ForAnyValue:StringNotEquals) and records of more than 1,000 attributes; split the condition over several statements or keys" },
  grantConstraint: { code: "KC3012", slug: "cedar-grant-constraint", severity: error, summary: "a grant's constraints need a derived attribute", help: "Cedar cannot iterate over the encryption context (EncryptionContextEquals wants no other pair) nor compare a context key's letter case, nor read which operations a CreateGrant request gives the grant it creates; without --pure-cedar the encoder computes whether the grant's constraints hold" },
  validationFailed: { code: "KC9301", slug: "cedar-validation-failed", severity: error, summary: "internal error: the emitted Cedar does not validate against the emitted schema", help: "this is a bug in kms-cedar; please report it with the bundle" },
  formatFailed: { code: "KC9302", slug: "cedar-format-failed", severity: error, summary: "internal error: the emitted Cedar does not parse", help: "this is a bug in kms-cedar; please report it with the bundle" },
  schemaFailed: { code: "KC9303", slug: "cedar-schema-failed", severity: error, summary: "internal error: the emitted Cedar schema does not parse", help: "this is a bug in kms-cedar; please report it with the bundle" },
} as const satisfies Record<string, DiagnosticInfo>;

export type CedarCode = keyof typeof CEDAR_CODES;

/** Every KC3xxx and KC93xx entry, for the diagnostic registry. */
export const CEDAR_DIAGNOSTICS: readonly DiagnosticInfo[] = Object.values(CEDAR_CODES);

/** Why each derived kind is needed (the manifest's `why`, the report's table). */
export const WHY: Readonly<Record<CedarCode, string>> = {
  likeQuestionMark: "`?` in StringLike: Cedar's `like` has only `*`",
  setQuantifier: "a set operator other than (Not)Equals: Cedar has no quantifier over set elements",
  ignoreCase: "IgnoreCase: Cedar has no lower-case function",
  concatenation: "a variable inside other text: Cedar has no string concatenation",
  arnComponents: "a wildcard in ARN components 1-5: Cedar's `*` would cross a colon",
  numberPrecision: "numbers beyond Long (2^53 over JSON) or decimal (4 digits) precision",
  datePrecision: "instants beyond datetime precision (ms, years 0000-9999)",
  binary: "BinaryEquals: Cedar cannot decode base64",
  resourcePattern: "`?` or a segment-inner `*` in a resource pattern: Cedar's `*` would cross a colon",
  variableOperator: "a variable under an operator other than String(Not)Equals/Like",
  engineLimit: "",
  grantConstraint: "a grant's constraints: Cedar cannot iterate over the encryption context",
  validationFailed: "",
  formatFailed: "",
  schemaFailed: "",
};
