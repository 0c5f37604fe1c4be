// Condition operator names (spec §2.1): `[ForAllValues:|ForAnyValue:] base [IfExists]`, the 27
// bases, which of them are negated, and the value family each one compares in.

/** The value family a base compares in; it picks the per-pair match of §2.3–§2.9. */
export type OperatorFamily =
  | "StringEquals" | "StringEqualsIgnoreCase" | "StringLike"
  | "Numeric" | "Date" | "Bool" | "Binary" | "Ip" | "Arn" | "Null";

/** A comparison of the Numeric and Date families (§2.4, §2.5). */
export type Comparison = "eq" | "lt" | "le" | "gt" | "ge";

export interface OperatorBase {
  readonly name: string;
  readonly family: OperatorFamily;
  /** AWS: §2.1 — negated bases are the NOR of their positive partner (true on a missing key). */
  readonly negated: boolean;
  readonly comparison: Comparison;
}

export type SetOperator = "ForAllValues" | "ForAnyValue";

export interface Operator {
  readonly setOperator: SetOperator | undefined;
  readonly base: OperatorBase;
  readonly ifExists: boolean;
}

function base(name: string, family: OperatorFamily, negated = false, comparison: Comparison = "eq"): OperatorBase {
  return { name, family, negated, comparison };
}

// AWS: §2.1 — the 27 bases.
const BASES: readonly OperatorBase[] = [
  base("StringEquals", "StringEquals"),
  base("StringNotEquals", "StringEquals", true),
  base("StringEqualsIgnoreCase", "StringEqualsIgnoreCase"),
  base("StringNotEqualsIgnoreCase", "StringEqualsIgnoreCase", true),
  base("StringLike", "StringLike"),
  base("StringNotLike", "StringLike", true),
  base("NumericEquals", "Numeric"),
  base("NumericNotEquals", "Numeric", true),
  base("NumericLessThan", "Numeric", false, "lt"),
  base("NumericLessThanEquals", "Numeric", false, "le"),
  base("NumericGreaterThan", "Numeric", false, "gt"),
  base("NumericGreaterThanEquals", "Numeric", false, "ge"),
  base("DateEquals", "Date"),
  base("DateNotEquals", "Date", true),
  base("DateLessThan", "Date", false, "lt"),
  base("DateLessThanEquals", "Date", false, "le"),
  base("DateGreaterThan", "Date", false, "gt"),
  base("DateGreaterThanEquals", "Date", false, "ge"),
  base("Bool", "Bool"),
  base("BinaryEquals", "Binary"),
  base("IpAddress", "Ip"),
  base("NotIpAddress", "Ip", true),
  // AWS: §2.9 — ArnEquals honours wildcards exactly like ArnLike.
  base("ArnEquals", "Arn"),
  base("ArnLike", "Arn"),
  base("ArnNotEquals", "Arn", true),
  base("ArnNotLike", "Arn", true),
  base("Null", "Null"),
];

const BY_NAME = new Map(BASES.map((b) => [b.name, b]));

/** Every base operator of §2.1, in the spec's order. */
export const OPERATOR_BASES: readonly OperatorBase[] = BASES;

/**
 * Splits an operator name. Names are case-sensitive (spec §1.8). Returns undefined for anything
 * outside §2.1, including `NullIfExists` (IfExists is not allowed on Null).
 */
export function parseOperator(name: string): Operator | undefined {
  let rest = name;
  let setOperator: SetOperator | undefined;
  const colon = name.indexOf(":");
  if (colon >= 0) {
    const prefix = name.slice(0, colon);
    if (prefix !== "ForAllValues" && prefix !== "ForAnyValue") return undefined;
    setOperator = prefix;
    rest = name.slice(colon + 1);
  }
  const exact = BY_NAME.get(rest);
  if (exact !== undefined) return { setOperator, base: exact, ifExists: false };
  if (!rest.endsWith("IfExists")) return undefined;
  const withoutSuffix = BY_NAME.get(rest.slice(0, -"IfExists".length));
  if (withoutSuffix === undefined || withoutSuffix.family === "Null") return undefined;
  return { setOperator, base: withoutSuffix, ifExists: true };
}
