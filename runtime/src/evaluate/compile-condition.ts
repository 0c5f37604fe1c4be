// Compiles one condition node into a closure over the request. What the condition means (spec §2.2
// `evalKey`, §2.10–§2.12, §3.2, A3–A5, A18) is defined once in runtime/src/conditions/; this file
// only says how the graph evaluator reads the key from its slots, and memoizes the node.
import { compileConditionAnswer } from "../conditions/condition-answer.js";
import type { ConditionNode } from "../graph/graph-types.js";
import { memoizeNode } from "./eval-state.js";
import type { EvalState, Tri } from "./eval-state.js";
import { graphTemplates, presenceOf } from "./template.js";

export type NodeTest = (st: EvalState) => Tri;

/** Compiles a condition node; `id` is its index, for the per-request memo. */
export function compileCondition(node: ConditionNode, id: number, slotOf: (key: string) => number): NodeTest {
  const slot = slotOf(node.key);
  const answer = compileConditionAnswer(node, graphTemplates(slotOf));
  return memoizeNode(id, (st) => answer(st, presenceOf(st, slot), st.slotValue[slot]));
}
