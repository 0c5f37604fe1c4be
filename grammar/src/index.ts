// @kms-cedar/grammar: the Chevrotain front end for policy JSON and the policy sub-grammars.
export type { Diagnostic, DiagnosticInfo, RelatedSpan, Report, Severity, Span } from "./diagnostic.js";
export type {
  JsonArray, JsonBoolean, JsonMember, JsonNull, JsonNumber, JsonObject, JsonString, JsonValue,
  ParseOptions, ParseResult,
} from "./json/syntax-tree.js";
export { BASE_OPERATORS } from "./policy/operator-name.types.js";
export type { BaseOperator, OperatorName, SetQualifier } from "./policy/operator-name.types.js";
export type { Template, TemplatePart } from "./policy/template.types.js";
export type { Arn } from "./policy/arn.types.js";
export { formatOperatorName, parseOperatorName } from "./policy/operator-name.js";
export { hasSubstitutions, parseTemplate } from "./policy/template.js";
export type { TemplateError, TemplateResult } from "./policy/template.js";
export { parseArn } from "./policy/arn.js";
export { parseJson } from "./json/parse.js";
export { DEFAULT_MAX_DEPTH, utf8Length } from "./json/limits.js";
export { toPlainValue } from "./json/to-plain.js";
export { JSON_DIAGNOSTICS, JsonCode } from "./json/diagnostic-codes.js";
