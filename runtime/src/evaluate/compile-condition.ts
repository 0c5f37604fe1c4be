// Compiles one condition node into a closure over the request. What the condition means (spec §2.2
// `evalKey`, §2.10–§2.12, §3.2, A3–A5, A18) is defined once in runtime/src/conditions/; this file
// only says how the graph evaluator reads the key from its slots, and memoizes the node.
import { compileConditionParts } from "../conditions/condition-answer.js";
import { answerKey } from "../conditions/key-answer.js";
import type { ConditionNode } from "../graph/graph-types.js";
import { memoizeNode } from "./eval-state.js";
import type { EvalState, Tri } from "./eval-state.js";
import { graphTemplates, presenceOf } from "./template.js";

export type NodeTest = (st: EvalState) => Tri;

/**
 * Compiles a condition node; `id` is its index, for the per-request memo (eval-state.ts `memoizeNode`).
 * PERF: the memo, the read of the slot and the key answer are one closure (at organisation scale each
 * closure a test passes through is a cache miss).
 */
export function compileCondition(node: ConditionNode, id: number, slotOf: (key: string) => number): NodeTest {
  const slot = slotOf(node.key);
  const { prepare, answer, key } = compileConditionParts(node, graphTemplates(slotOf));
  if (key !== undefined) {
    // PERF: the memo (eval-state.ts `memoizeNode`, inlined), the key answer's parts kept here, and the one
    // definition (answerKey) called directly.
    const { absent, negated, qualifier, m, readable } = key;
    return (st) => {
      const stamp = st.nodeStamp[id]!;
      if (stamp >>> 2 === st.gen) return (stamp & 3) as Tri;
      // A variable on an ambiguous or multi-valued key makes the condition undecidable: fail closed.
      const value: Tri = prepare !== undefined && !prepare(st) ? 2 : answerKey(absent, negated, qualifier, m, presenceOf(st, slot), st.slotValue[slot], readable);
      st.nodeStamp[id] = st.gen * 4 + value;
      return value;
    };
  }
  // Null (no key answer): its values have no variable, so there is nothing to prepare.
  return memoizeNode(id, (st) => answer(presenceOf(st, slot), st.slotValue[slot]));
}
