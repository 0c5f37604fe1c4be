// Graph pass: drops statements that can match no KMS action (no KMS action named, only actions a key
// policy is not consulted for, or a key-policy statement without Resource, spec §1.3). Statement
// indices change; the action index is rebuilt. Nodes left unused are pruned by prune-nodes. The `AWS`
// values of the dropped statements' Principal elements are kept in `droppedPrincipals`: they decide
// nothing, but a role ARN as caller is checked against every principal the bundle names (KR0012).
import type { DecisionGraph } from "@kms-cedar/runtime";
import { indexStatements } from "../lower/index-statements.js";

export function dropActionlessStatements(graph: DecisionGraph): DecisionGraph {
  const statements = graph.statements.filter((s) => s.actions.length > 0);
  if (statements.length === graph.statements.length) return graph;
  const dropped = new Set(graph.droppedPrincipals);
  for (const s of graph.statements) {
    const node = s.actions.length > 0 || s.principal === undefined ? undefined : graph.nodes[s.principal];
    if (node?.kind === "principal") for (const value of node.aws) dropped.add(value);
  }
  // Sorted: the graph is byte-stable whatever the order of the statements that named them.
  const droppedPrincipals = [...dropped].sort();
  return {
    ...graph, policies: indexStatements(graph.actions, graph.policies, statements), statements,
    ...(droppedPrincipals.length > 0 ? { droppedPrincipals } : {}),
  };
}
