// Graph pass: removes tests that hold for every request: `"Resource": "*"` (spec §1.7 rule 1; it
// also matches the request resource `*`). Assumes: nodes not yet merged or merged, either works.
import type { DecisionGraph, GraphNode } from "@kms-cedar/runtime";

function alwaysTrue(node: GraphNode): boolean {
  return node.kind === "resource" && !node.negated && node.patterns.some((p) => p === "*");
}

export function dropTrivialTests(graph: DecisionGraph): DecisionGraph {
  const statements = graph.statements.map((s) => {
    const tests = s.tests.filter((n) => !alwaysTrue(graph.nodes[n]!));
    return tests.length === s.tests.length ? s : { ...s, tests };
  });
  return { ...graph, statements };
}
