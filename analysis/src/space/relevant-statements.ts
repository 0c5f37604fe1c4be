// Which condition keys can matter for one (action, resource, caller): those of the statements that
// can apply to it. A key-policy statement applies only to the request's own key and only when its
// Principal names the caller (its ARN, the role behind its session, its account, its service, or
// `*`); an identity statement only to a caller that has the policy. Leaving the other statements'
// keys out of the context is exact: such a statement is skipped before any of its tests is read
// (decide-kms.ts). The Principal test here may say "names" where the engine says no (never the
// reverse), which only keeps a key that could have been left out.
import type { CallerInfo, ConditionNode, DecisionGraph, GraphStatement, PrincipalNode } from "@kms-cedar/runtime";

/** Reads a caller ARN (the space memoizes it: the same few ARNs are read for every region). */
export type CallerOf = (arn: string) => CallerInfo | undefined;

function mayName(node: PrincipalNode, caller: CallerInfo | undefined, arn: string, parseCaller: CallerOf): boolean {
  if (node.any) return true;
  if (caller === undefined) return true;
  if (caller.kind === "service") return node.service.includes(arn);
  for (const v of node.aws) {
    if (v === arn || v === caller.account) return true;
    const named = parseCaller(v);
    if (named === undefined) continue;
    if (named.kind === "root" && named.account === caller.account) return true;
    if (named.roleKey !== "" && named.roleKey === caller.roleKey) return true;
  }
  return false;
}

function mayHave(owner: string, caller: CallerInfo | undefined, arn: string, parseCaller: CallerOf): boolean {
  if (caller === undefined) return true;
  if (caller.kind === "root" || caller.kind === "service") return false;
  if (owner === arn) return true;
  return caller.kind === "session" && parseCaller(owner)?.roleKey === caller.roleKey;
}

/** A statement that may apply, with its condition nodes by key. */
export interface RelevantStatement {
  readonly allow: boolean;
  readonly byKey: Map<string, ConditionNode[]>;
}

/** The condition keys of `statements`. */
export function relevantKeys(statements: readonly RelevantStatement[]): Set<string> {
  return new Set(statements.flatMap((s) => [...s.byKey.keys()]));
}

/**
 * Whether statement `s` of `g` may apply to a request of `resource` by `principal` (its actions
 * aside): the one test both the space and the change localization (changed-triples.ts) use.
 */
export function mayApply(g: DecisionGraph, s: GraphStatement, resource: string, principal: string, caller: CallerInfo | undefined, parseCaller: CallerOf): boolean {
  const policy = g.policies[s.policy]!;
  if (policy.kind === "key") {
    if (policy.owner !== resource) return false;
    const p = s.principal === undefined ? undefined : g.nodes[s.principal];
    return p === undefined || p.kind !== "principal" || mayName(p, caller, principal, parseCaller);
  }
  return mayHave(policy.owner, caller, principal, parseCaller);
}

/** Whether an identity policy of `owner` may apply to `principal` (its own, or its role's for a session). */
export function mayHaveOwner(owner: string, principal: string, parseCaller: CallerOf): boolean {
  return mayHave(owner, parseCaller(principal), principal, parseCaller);
}

/** The statements of `graphs` that may apply to (action, resource, principal). */
export function relevantStatements(graphs: readonly DecisionGraph[], action: string, resource: string, principal: string, parseCaller: CallerOf): RelevantStatement[] {
  const caller = parseCaller(principal);
  const out: RelevantStatement[] = [];
  for (const g of graphs) {
    for (const s of g.statements) {
      if (!s.actions.includes(action)) continue;
      if (!mayApply(g, s, resource, principal, caller, parseCaller)) continue;
      const byKey = new Map<string, ConditionNode[]>();
      for (const t of s.tests) {
        const n = g.nodes[t]!;
        if (n.kind === "condition") byKey.set(n.key, [...(byKey.get(n.key) ?? []), n]);
      }
      out.push({ allow: s.effect === "Allow", byKey });
    }
  }
  return out;
}
