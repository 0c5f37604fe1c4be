// Graph pass: a key policy is never consulted for IAM-only actions (spec §5.4, A33),
// so key-policy statements lose those actions (not RCP or endpoint statements: those layers apply to them). Assumes: graph fresh from lowering or a pass.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { indexStatements } from "../lower/index-statements.js";

export function dropUnreachableActions(graph: DecisionGraph): DecisionGraph {
  const consulted = new Set(graph.actions.filter((a) => a.keyPolicy).map((a) => a.name));
  const statements = graph.statements.map((s) => {
    if (graph.policies[s.policy]!.kind !== "key" || graph.policies[s.policy]!.layer !== undefined) return s;
    const actions = s.actions.filter((a) => consulted.has(a));
    return actions.length === s.actions.length ? s : { ...s, actions };
  });
  return { ...graph, policies: indexStatements(graph.actions, graph.policies, statements), statements };
}
