// The condition operators' table (spec §2.1, §2.2): every base operator a graph may carry, and each
// negated operator's positive partner. The one copy in the project outside the oracle; the graph
// evaluator, the Cedar encoder's derived tests and the Cedar emitter all read it from here.

/** Every base operator name of spec §2.1 (a graph node's `base`). */
export const CONDITION_BASES: readonly string[] = [
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
];

// AWS: §2.2 — a negated operator is the NOR of its positive partner over the policy values.
const NEGATED: ReadonlyMap<string, string> = new Map([
  ["StringNotEquals", "StringEquals"],
  ["StringNotEqualsIgnoreCase", "StringEqualsIgnoreCase"],
  ["StringNotLike", "StringLike"],
  ["NumericNotEquals", "NumericEquals"],
  ["DateNotEquals", "DateEquals"],
  ["NotIpAddress", "IpAddress"],
  ["ArnNotEquals", "ArnLike"],
  ["ArnNotLike", "ArnLike"],
]);

/** The positive partner of a base operator (ArnEquals behaves as ArnLike, spec §2.9). */
export function positivePartner(base: string): string {
  return NEGATED.get(base) ?? (base === "ArnEquals" ? "ArnLike" : base);
}

/** Whether a base operator is negated (the NOR of its positive partner, spec §2.2). */
export function isNegated(base: string): boolean {
  return NEGATED.has(base);
}
