// Graph pass: hash-conses nodes (DESIGN §5): one node per distinct test, shared by every statement
// that uses it, keeping every origin span. Two tests are equal when they answer the same for every
// request: same kind and fields, value lists compared as sets (OR / NOR do not depend on order).
import type { DecisionGraph, GraphNode } from "@kms-cedar/runtime";

/** The identity of a test, ignoring origins and the order of its value lists. */
export function testKey(node: GraphNode): string {
  const set = (values: readonly unknown[]): string[] => [...new Set(values.map((v) => JSON.stringify(v)))].sort();
  switch (node.kind) {
    case "principal":
      return JSON.stringify(["principal", node.any, set(node.aws), set(node.service)]);
    case "resource":
      return JSON.stringify(["resource", node.negated, node.keyPolicy === true, set(node.patterns)]);
    case "condition":
      return JSON.stringify(["condition", node.qualifier ?? "", node.base, node.ifExists, node.key, set(node.values)]);
  }
}

export function mergeEqualTests(graph: DecisionGraph): DecisionGraph {
  const byKey = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const remap = graph.nodes.map((node) => {
    const key = testKey(node);
    const seen = byKey.get(key);
    if (seen === undefined) {
      byKey.set(key, nodes.length);
      nodes.push(node);
      return nodes.length - 1;
    }
    const first = nodes[seen]!;
    nodes[seen] = { ...first, origin: [...first.origin, ...node.origin] } as GraphNode;
    return seen;
  });
  const statements = graph.statements.map((s) => ({
    ...s,
    ...(s.principal !== undefined ? { principal: remap[s.principal]! } : {}),
    tests: [...new Set(s.tests.map((n) => remap[n]!))],
  }));
  return { ...graph, nodes, statements };
}
