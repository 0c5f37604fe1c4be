// Types of the condition-operator-name sub-grammar: `[ForAllValues:|ForAnyValue:]Base[IfExists]` (spec §2.1).

export const BASE_OPERATORS = [
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
  "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
  "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
  "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
  "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
  "Null",
] as const;

export type BaseOperator = (typeof BASE_OPERATORS)[number];

export type SetQualifier = "ForAllValues" | "ForAnyValue";

/** A parsed operator name. `NullIfExists` and set-qualified Null parse; checks reject them. */
export interface OperatorName {
  readonly qualifier: SetQualifier | undefined;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}
