// @kms-cedar/runtime/conditions (runtime/src/conditions/): what each condition operator means over resolved request values (spec §2,
// §3, §4.4), once, for every engine built on the runtime (the graph evaluator, the Cedar encoder's
// derived attributes) and for the compiler's Cedar emitter. The oracle keeps its own copy.
export type { Presence, RequestValue, Tri } from "./answer.js";
export { hasSeveralValues } from "./answer.js";
export { compileConditionAnswer, compileConditionParts } from "./condition-answer.js";
export type { ConditionAnswer, ConditionParts, ConditionSpec } from "./condition-answer.js";
export { keyAnswer, nullAnswer } from "./key-answer.js";
export type { KeyAnswer, KeyOperator } from "./key-answer.js";
export { CONDITION_BASES, isNegated, positivePartner } from "./operator-table.js";
export { chunksText, pairTest, resolvedPairTest } from "./pair-test.js";
export type { PairTest } from "./pair-test.js";
export { compilePolicyValues } from "./policy-values.js";
export type { CompiledValues, TemplateReader } from "./policy-values.js";
export { resolveTemplate, variableValue } from "./resolve-template.js";
export type { VariableValue } from "./resolve-template.js";
// The operators' value parsers (runtime/src/operators/), which the compiler's value checks reuse.
export { decodeBase64 } from "../operators/binary.js";
export { arnComponents } from "../operators/arn-pattern.js";
export { parseBool } from "../operators/bool.js";
export { parseInstant } from "../operators/date.js";
export { parseDecimal } from "../operators/decimal.js";
export type { Decimal } from "../operators/decimal.js";
export { parseCidr } from "../operators/ip.js";
export type { Cidr } from "../operators/ip.js";
