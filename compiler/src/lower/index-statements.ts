// Builds each policy's action index (DESIGN §5: statements indexed by action, Deny lists apart from
// Allow lists): for every action in catalog order, the Deny then the Allow statements in source order.
// Used by lowering and by every pass that adds or removes statements.
import type { ActionStatements, DecisionGraph, GraphPolicy, GraphStatement } from "@kms-cedar/runtime";

/** `policies` with `byAction` rebuilt from `statements`. */
export function indexStatements(
  actions: DecisionGraph["actions"], policies: readonly GraphPolicy[], statements: readonly GraphStatement[],
): GraphPolicy[] {
  const lists = policies.map(() => new Map<string, { deny: number[]; allow: number[] }>());
  statements.forEach((s, id) => {
    const byAction = lists[s.policy]!;
    for (const name of s.actions) {
      let entry = byAction.get(name);
      if (entry === undefined) byAction.set(name, (entry = { deny: [], allow: [] }));
      (s.effect === "Deny" ? entry.deny : entry.allow).push(id);
    }
  });
  return policies.map((policy, p) => {
    const byAction = Object.create(null) as Record<string, ActionStatements>;
    for (const action of actions) {
      const entry = lists[p]!.get(action.name);
      if (entry !== undefined) byAction[action.name] = entry;
    }
    return { ...policy, byAction };
  });
}
