// Graph pass: drops statements that can match no KMS action (no KMS action named, only actions a key
// policy is not consulted for, or a key-policy statement without Resource, spec §1.3). Statement
// indices change; the action index is rebuilt. Nodes left unused are pruned by prune-nodes.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { indexStatements } from "../lower/index-statements.js";

export function dropActionlessStatements(graph: DecisionGraph): DecisionGraph {
  const statements = graph.statements.filter((s) => s.actions.length > 0);
  if (statements.length === graph.statements.length) return graph;
  return { ...graph, policies: indexStatements(graph.actions, graph.policies, statements), statements };
}
