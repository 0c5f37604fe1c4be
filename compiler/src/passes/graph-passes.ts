// The graph passes, in order (STYLE "Passes"): each is a pure function from graph to graph.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { dropActionlessStatements } from "./drop-actionless-statements.js";
import { dropTrivialTests } from "./drop-trivial-tests.js";
import { dropUnreachableActions } from "./drop-unreachable-actions.js";
import { mergeEqualTests } from "./merge-equal-tests.js";
import { pruneNodes } from "./prune-nodes.js";

export interface GraphPass {
  readonly name: string;
  readonly run: (graph: DecisionGraph) => DecisionGraph;
}

export const GRAPH_PASSES: readonly GraphPass[] = [
  { name: "drop-unreachable-actions", run: dropUnreachableActions }, // assumes: statements carry their catalog actions
  { name: "drop-actionless-statements", run: dropActionlessStatements }, // assumes: unreachable actions removed
  { name: "drop-trivial-tests", run: dropTrivialTests }, // assumes: nothing
  { name: "merge-equal-tests", run: mergeEqualTests }, // assumes: nothing; keeps every origin
  { name: "prune-nodes", run: pruneNodes }, // assumes: run last; renumbers nodes
];

/** Runs every pass in order. */
export function runGraphPasses(graph: DecisionGraph): DecisionGraph {
  return GRAPH_PASSES.reduce((g, pass) => pass.run(g), graph);
}
