// Change localization for a diff: the (action, resource, caller) triples where OLD and NEW can
// decide differently. The engines decide a triple from the statements that may apply to it
// (relevant-statements.ts: its action, its key's policy when the Principal may name the caller, the
// caller's identity policies) and from which keys and principals the bundle has; so where every
// statement that may apply is the same in both graphs (same policy kind and owner, effect, actions
// and tests, compared as content) and the key and the caller are listed alike, every request of the
// triple is decided alike and the triple need not be enumerated. A statement is "the same" when its
// content occurs equally often in both graphs; every other statement marks the triples it may apply
// to, through the very test the space uses (mayApply). Graphs with policy layers are not localized.
import type { DecisionGraph, GraphNode, GraphStatement } from "@kms-cedar/runtime";
import { mayApply, mayHaveOwner } from "./relevant-statements.js";
import type { CallerOf } from "./relevant-statements.js";

export interface Triple {
  readonly action: { readonly name: string; readonly target: string };
  readonly resource: string;
  readonly principal: string;
}

/** What the space offers the localization. */
export interface TripleSpace {
  readonly actions: readonly { readonly name: string; readonly target: string }[];
  readonly principals: readonly string[];
  resourcesFor(target: string): readonly string[];
  readonly callerOf: CallerOf;
}

function nodeText(n: GraphNode): string {
  const { origin: _origin, ...rest } = n;
  return JSON.stringify(rest);
}

/** A statement's content, independent of where it is written (index, Sid, span, node numbering, test order). */
function statementText(g: DecisionGraph, s: GraphStatement): string {
  const policy = g.policies[s.policy]!;
  const principal = s.principal === undefined ? "" : nodeText(g.nodes[s.principal]!);
  const tests = s.tests.map((t) => nodeText(g.nodes[t]!)).sort();
  return JSON.stringify([policy.kind, policy.owner, policy.layer ?? "", s.effect, s.actions, principal, tests]);
}

/** The triples whose decision may differ between `old` and `new`, or undefined when the graphs cannot be localized. */
export function changedTriples(oldGraph: DecisionGraph, newGraph: DecisionGraph, space: TripleSpace): Triple[] | undefined {
  if (oldGraph.layers !== undefined || newGraph.layers !== undefined) return undefined;
  const graphs = [oldGraph, newGraph] as const;
  const counts = new Map<string, number>();
  const texts = graphs.map((g, side) => g.statements.map((s) => {
    const t = statementText(g, s);
    counts.set(t, (counts.get(t) ?? 0) + (side === 0 ? 1 : -1));
    return t;
  }));
  const out = new Map<string, Triple>();
  const add = (action: Triple["action"], resource: string, principal: string): void => {
    const k = `${action.name}\u0000${resource}\u0000${principal}`;
    if (!out.has(k)) out.set(k, { action, resource, principal });
  };
  const actionOf = new Map(space.actions.map((a) => [a.name, a] as const));
  graphs.forEach((g, side) => {
    g.statements.forEach((s, i) => {
      if (counts.get(texts[side]![i]!) === 0) return;
      const policy = g.policies[s.policy]!;
      for (const name of s.actions) {
        const action = actionOf.get(name);
        if (action === undefined) continue;
        // A key policy's statement may apply to its own key only; an identity statement's reach does not depend on the resource.
        const all = space.resourcesFor(action.target);
        const resources = policy.kind === "key" ? (all.includes(policy.owner) ? [policy.owner] : []) : all;
        if (resources.length === 0) continue;
        for (const principal of space.principals) {
          if (!mayApply(g, s, resources[0]!, principal, space.callerOf(principal), space.callerOf)) continue;
          for (const resource of resources) add(action, resource, principal);
        }
      }
    });
  });
  // A key or a principal listed in one graph only: every triple that names it.
  const oneSided = (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] => [...Object.keys(a).filter((k) => !(k in b)), ...Object.keys(b).filter((k) => !(k in a))];
  for (const key of oneSided(oldGraph.keys, newGraph.keys)) {
    for (const action of space.actions) {
      if (!space.resourcesFor(action.target).includes(key)) continue;
      for (const principal of space.principals) add(action, key, principal);
    }
  }
  for (const owner of oneSided(oldGraph.principals, newGraph.principals)) {
    for (const principal of space.principals) {
      if (!mayHaveOwner(owner, principal, space.callerOf) && owner !== principal) continue;
      for (const action of space.actions) for (const resource of space.resourcesFor(action.target)) add(action, resource, principal);
    }
  }
  return [...out.values()];
}
