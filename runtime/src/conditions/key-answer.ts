// What a condition answers from what its key finds in the request (spec §2.2 `evalKey`, §2.10–§2.12,
// §3.2, A3–A5, A18): absent and empty keys, IfExists, ForAllValues / ForAnyValue, NOR for negated
// operators, the fail-closed answer (2) for ambiguous keys and plain operators on several values.
// Both engines decide every condition through these two functions.
import type { Presence, RequestValue, Tri } from "./answer.js";
import { hasSeveralValues } from "./answer.js";
import type { PairTest } from "./pair-test.js";

/** The parts of an operator name that shape the answer (spec §2.1). */
export interface KeyOperator {
  readonly qualifier?: "ForAllValues" | "ForAnyValue" | undefined;
  readonly base: string;
  readonly ifExists: boolean;
}

/** A condition's answer for one request: what its key finds, and the value when present. */
export type KeyAnswer = (presence: Presence, value: RequestValue | undefined) => Tri;

/**
 * The answer of a non-Null condition whose `m(r)` is given (`negated`: the operator is the NOR of its
 * positive partner). The value must be set whenever presence is "present".
 */
export function keyAnswer(op: KeyOperator, negated: boolean, m: PairTest, readable?: ValueReader): KeyAnswer {
  const qualifier = op.qualifier;
  const absent = absentAnswer(op, negated);
  return (presence, v) => answerKey(absent, negated, qualifier, m, presence, v, readable);
}

/** Whether a request value can be read as the operator's type (pair-test.ts `requestValueReader`). */
export type ValueReader = (r: string) => boolean;

/** The answer of a non-Null condition for an absent key (or an empty set). */
export function absentAnswer(op: KeyOperator, negated: boolean): Tri {
  const qualifier = op.qualifier;
  // AWS: §2.12 — the answer for an absent key (or an empty set).
  // DEVIATION: §2.12, §3.2, A3, A4 — absent key: ForAllValues true, ForAnyValue false even when negated, IfExists true.
  return op.ifExists || qualifier === "ForAllValues" ? 1 : qualifier === "ForAnyValue" ? 0 : negated ? 1 : 0;
}

/**
 * `keyAnswer(op, negated, m)(presence, v)`, with `absent = absentAnswer(op, negated)` and `qualifier`
 * op's: the one definition. PERF: an engine may keep these with its own closure and call this
 * function (one closure less per condition test: a cache miss at organisation scale).
 */
export function answerKey(
  absent: Tri, negated: boolean, qualifier: KeyOperator["qualifier"], m: PairTest, presence: Presence, v: RequestValue | undefined,
  readable?: ValueReader,
): Tri {
  // DEVIATION: §6.1, A18 — a key given in two letter cases is ambiguous: fail closed.
  if (presence === "ambiguous") return 2;
  if (presence === "absent") return absent;
  // DEVIATION: §2.4–§2.8, A15, A17 — a value the operator's type cannot read leaves the key undecided (deviation 46).
  if (readable !== undefined && !allReadable(readable, v!)) return 2;
  // Negated bases are the NOR of their positive partner: `m(r) !== negated`.
  if (typeof v === "string") return m(v) !== negated ? 1 : 0;
  const values = v!;
  if (qualifier === undefined) {
    // DEVIATION: §3.6, A5 — a plain operator on two or more request values: fail closed (AWS does not say).
    if (hasSeveralValues(values)) return 2;
    return m(values[0]!) !== negated ? 1 : 0;
  }
  if (qualifier === "ForAllValues") {
    for (let i = 0; i < values.length; i++) if (m(values[i]!) === negated) return 0;
    return 1;
  }
  for (let i = 0; i < values.length; i++) if (m(values[i]!) !== negated) return 1;
  return 0;
}

function allReadable(readable: ValueReader, v: RequestValue): boolean {
  if (typeof v === "string") return readable(v);
  for (let i = 0; i < v.length; i++) if (!readable(v[i]!)) return false;
  return true;
}

/** The answer of a Null condition (spec §2.10). */
export function nullAnswer(op: KeyOperator, values: readonly unknown[]): KeyAnswer {
  // AWS: §2.10 — ForAllValues:Null is always true, ForAnyValue:Null always false.
  if (op.qualifier === "ForAllValues") return () => 1;
  if (op.qualifier === "ForAnyValue") return () => 0;
  // AWS: §2.10 — `"true"` (any case) holds when the key is absent, any other value when present.
  const isTrue = (v: unknown): boolean => typeof v === "string" && v.toLowerCase() === "true";
  const whenAbsent: Tri = values.some(isTrue) ? 1 : 0;
  const whenPresent: Tri = values.some((v) => !isTrue(v)) ? 1 : 0;
  return (presence) => (presence === "ambiguous" ? 2 : presence === "present" ? whenPresent : whenAbsent);
}
