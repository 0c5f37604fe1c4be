// The condition operators of spec §2.1 as data: the 27 base operators, their families, which are
// negated, and which qualifier/IfExists combinations the compiler's checks accept (§2.1, §2.10).
// Phase: conformance generators; the reference evaluator does not read this file.

/** A value family: decides the key pools and per-pair comparison. */
export type OperatorFamily = "string" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

/** `ForAnyValue:` / `ForAllValues:` prefix, or none. */
export type Qualifier = "" | "ForAnyValue" | "ForAllValues";

export const QUALIFIERS: readonly Qualifier[] = ["", "ForAnyValue", "ForAllValues"];

/** The 27 base operators of spec §2.1, in the spec's order, with their family. */
export const BASE_OPERATORS = [
  ["StringEquals", "string"], ["StringNotEquals", "string"], ["StringEqualsIgnoreCase", "string"],
  ["StringNotEqualsIgnoreCase", "string"], ["StringLike", "string"], ["StringNotLike", "string"],
  ["NumericEquals", "numeric"], ["NumericNotEquals", "numeric"], ["NumericLessThan", "numeric"],
  ["NumericLessThanEquals", "numeric"], ["NumericGreaterThan", "numeric"], ["NumericGreaterThanEquals", "numeric"],
  ["DateEquals", "date"], ["DateNotEquals", "date"], ["DateLessThan", "date"], ["DateLessThanEquals", "date"],
  ["DateGreaterThan", "date"], ["DateGreaterThanEquals", "date"],
  ["Bool", "bool"], ["BinaryEquals", "binary"], ["IpAddress", "ip"], ["NotIpAddress", "ip"],
  ["ArnEquals", "arn"], ["ArnLike", "arn"], ["ArnNotEquals", "arn"], ["ArnNotLike", "arn"],
  ["Null", "null"],
] as const satisfies readonly (readonly [string, OperatorFamily])[];

export type BaseOperator = (typeof BASE_OPERATORS)[number][0];

export const BASE_OPERATOR_NAMES: readonly BaseOperator[] = BASE_OPERATORS.map(([name]) => name);

const FAMILY = new Map<string, OperatorFamily>(BASE_OPERATORS);

/** The family of a base operator. */
export function familyOf(base: BaseOperator): OperatorFamily {
  const family = FAMILY.get(base);
  // INVARIANT: BaseOperator only names members of BASE_OPERATORS.
  if (family === undefined) throw new Error(`not a base operator: ${base}`);
  return family;
}

/** Whether `name` is one of the 27 base operators. */
export function isBaseOperator(name: string): name is BaseOperator {
  return FAMILY.has(name);
}

/** One operator variant: a base, a qualifier and IfExists (a cell of the coverage grid). */
export interface OperatorVariant {
  readonly base: BaseOperator;
  readonly qualifier: Qualifier;
  readonly ifExists: boolean;
}

/** The operator name as written in a policy, e.g. `ForAnyValue:StringLikeIfExists`. */
export function operatorName(v: OperatorVariant): string {
  return `${v.qualifier === "" ? "" : `${v.qualifier}:`}${v.base}${v.ifExists ? "IfExists" : ""}`;
}

/** Splits an operator name into a variant, or `undefined` when it is not one of §2.1. */
export function parseOperatorVariant(name: string): OperatorVariant | undefined {
  let rest = name;
  let qualifier: Qualifier = "";
  for (const q of ["ForAnyValue", "ForAllValues"] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  return isBaseOperator(base) ? { base, qualifier, ifExists } : undefined;
}

/**
 * Whether the compiler accepts the variant at all: `Null` takes neither `IfExists` (KC2091) nor a
 * qualifier (KC2092). Every other base accepts every combination (§2.1).
 */
export function isValidVariant(v: OperatorVariant): boolean {
  return v.base !== "Null" || (v.qualifier === "" && !v.ifExists);
}

/** Every variant of the coverage grid: 27 bases × {plain, IfExists} × {none, ForAnyValue, ForAllValues}. */
export function allVariants(): OperatorVariant[] {
  const out: OperatorVariant[] = [];
  for (const base of BASE_OPERATOR_NAMES) {
    for (const qualifier of QUALIFIERS) {
      for (const ifExists of [false, true]) out.push({ base, qualifier, ifExists });
    }
  }
  return out;
}
