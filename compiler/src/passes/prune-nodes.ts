// Graph pass: keeps only the nodes some statement uses and numbers them in order of first use
// (statement order, principal first, then tests), so the output is byte-stable. Run last.
import type { DecisionGraph, GraphNode } from "@kms-cedar/runtime";

export function pruneNodes(graph: DecisionGraph): DecisionGraph {
  const remap = new Map<number, number>();
  const nodes: GraphNode[] = [];
  const use = (n: number): number => {
    let m = remap.get(n);
    if (m === undefined) {
      remap.set(n, (m = nodes.length));
      nodes.push(graph.nodes[n]!);
    }
    return m;
  };
  const statements = graph.statements.map((s) => ({
    ...s,
    ...(s.principal !== undefined ? { principal: use(s.principal) } : {}),
    tests: s.tests.map(use),
  }));
  return { ...graph, nodes, statements };
}
