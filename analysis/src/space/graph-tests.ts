// Reads what the analysis needs out of decision graphs: the condition nodes by key and by action,
// the resource patterns of requests without a key, the principals and keys they name.
import type { ConditionNode, DecisionGraph, GraphValue, ResourceNode } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "../diagnostics.js";

export function plainValues(values: readonly GraphValue[], where: string): string[] {
  return values.map((v) => {
    if (typeof v !== "string") refuse(AnalysisCode.variable, `${where} holds a policy variable`);
    return v;
  });
}

/** The plain (variable-free) values of a node whose variables checkVariables (variable-pairs.ts) admitted. */
export function literalValues(node: ConditionNode): string[] {
  return node.values.filter((v): v is string => typeof v === "string");
}

/** Condition nodes by lower-cased key, over every graph. */
export function conditionsByKey(graphs: readonly DecisionGraph[]): Map<string, ConditionNode[]> {
  const out = new Map<string, ConditionNode[]>();
  for (const g of graphs) {
    for (const n of g.nodes) {
      if (n.kind !== "condition") continue;
      const list = out.get(n.key) ?? [];
      list.push(n);
      out.set(n.key, list);
    }
  }
  return out;
}

/** Resource nodes of statements that list an action of one of `targets` (not key-policy Resources). */
export function resourceNodesFor(graphs: readonly DecisionGraph[], targets: ReadonlySet<string>): ResourceNode[] {
  const out: ResourceNode[] = [];
  for (const g of graphs) {
    const targetOf = new Map(g.actions.map((a) => [a.name, a.target] as const));
    for (const s of g.statements) {
      if (!s.actions.some((a) => targets.has(targetOf.get(a) ?? ""))) continue;
      for (const t of s.tests) {
        const n = g.nodes[t]!;
        if (n.kind === "resource" && n.keyPolicy !== true) out.push(n);
      }
    }
  }
  return out;
}
