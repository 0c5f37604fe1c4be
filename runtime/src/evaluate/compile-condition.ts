// Compiles one condition node into a closure over the request (spec §2.2 `evalKey`, §2.10–§2.12,
// §3.2, A3–A5, A18): absent and empty keys, IfExists, ForAllValues / ForAnyValue, NOR for negated
// operators, the fail-closed answer (2) for ambiguous keys and plain operators on several values.
import type { ConditionNode } from "../graph/graph-types.js";
import { compileValues } from "./compile-values.js";
import { memoizeNode } from "./eval-state.js";
import type { EvalState, Tri } from "./eval-state.js";
import { hasSeveralValues } from "./template.js";

export type NodeTest = (st: EvalState) => Tri;

const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnLike",
  ArnNotLike: "ArnLike",
};

/** The positive partner of a base operator (ArnEquals behaves as ArnLike, spec §2.9). */
export function positivePartner(base: string): string {
  return NEGATED[base] ?? (base === "ArnEquals" ? "ArnLike" : base);
}

export function isNegated(base: string): boolean {
  return base in NEGATED;
}

/** Compiles a condition node; `id` is its index, for the per-request memo. */
export function compileCondition(node: ConditionNode, id: number, slotOf: (key: string) => number): NodeTest {
  const slot = slotOf(node.key);
  return memoizeNode(id, node.base === "Null" ? compileNull(node, slot) : compileKey(node, slot, slotOf));
}

function compileNull(node: ConditionNode, slot: number): NodeTest {
  // AWS: §2.10 — ForAllValues:Null is always true, ForAnyValue:Null always false.
  if (node.qualifier === "ForAllValues") return () => 1;
  if (node.qualifier === "ForAnyValue") return () => 0;
  // AWS: §2.10 — `"true"` (any case) holds when the key is absent, any other value when present.
  const isTrue = (v: unknown): boolean => typeof v === "string" && v.toLowerCase() === "true";
  const whenAbsent = node.values.some(isTrue);
  const whenPresent = node.values.some((v) => !isTrue(v));
  return (st) => {
    if (st.isAmbiguous(slot)) return 2;
    return (st.has(slot) ? whenPresent : whenAbsent) ? 1 : 0;
  };
}

function compileKey(node: ConditionNode, slot: number, slotOf: (key: string) => number): NodeTest {
  const negated = isNegated(node.base);
  const { prepare, m } = compileValues(positivePartner(node.base), node.values, slotOf);
  const qualifier = node.qualifier;
  // AWS: §2.12 — the answer for an absent key (or an empty set).
  // DEVIATION: §2.12, §3.2, A3, A4 — absent key: ForAllValues true, ForAnyValue false even when negated, IfExists true.
  const absent: Tri = node.ifExists || qualifier === "ForAllValues" ? 1 : qualifier === "ForAnyValue" ? 0 : negated ? 1 : 0;
  return (st) => {
    if (prepare !== undefined && !prepare(st)) return 2; // a variable on an ambiguous key: fail closed
    // DEVIATION: §6.1, A18 — a key given in two letter cases is ambiguous: fail closed.
    if (st.isAmbiguous(slot)) return 2; // A18: fail closed
    if (!st.has(slot)) return absent;
    const v = st.slotValue[slot]!;
    // Negated bases are the NOR of their positive partner: `m(r) !== negated`.
    if (typeof v === "string") return m(v) !== negated ? 1 : 0;
    if (qualifier === undefined) {
      // DEVIATION: §3.6, A5 — a plain operator on two or more request values: fail closed (AWS does not say).
      if (hasSeveralValues(v)) return 2; // A5: plain operator on several values, fail closed
      return m(v[0]!) !== negated ? 1 : 0;
    }
    if (qualifier === "ForAllValues") {
      for (let i = 0; i < v.length; i++) if (m(v[i]!) === negated) return 0;
      return 1;
    }
    for (let i = 0; i < v.length; i++) if (m(v[i]!) !== negated) return 1;
    return 0;
  };
}
