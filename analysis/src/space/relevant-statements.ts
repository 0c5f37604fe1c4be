// Which condition keys can matter for one (action, resource, caller): those of the statements that
// can apply to it. A key-policy statement applies only to the request's own key and only when its
// Principal names the caller (its ARN, the role behind its session, its account, its service, or
// `*`); an identity statement only to a caller that has the policy. Leaving the other statements'
// keys out of the context is exact: such a statement is skipped before any of its tests is read
// (decide-kms.ts); a federated user also has its federating user's identity policies (decide-layered.ts).
// The Principal test here may say "names" where the engine says no (never the
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
  // A layer's policy (SCP, RCP, boundary, session policy) caps the callers and resources the layers'
  // lookup gives it (account, principal ARN): keeping its keys for every request only refines the space.
  if (policy.layer !== undefined) return true;
  if (policy.kind === "key") {
    if (policy.owner !== resource) return false;
    const p = s.principal === undefined ? undefined : g.nodes[s.principal];
    return p === undefined || p.kind !== "principal" || mayName(p, caller, principal, parseCaller);
  }
  return mayHave(policy.owner, caller, principal, parseCaller) || federatingUserOf(g, principal) === policy.owner;
}

/** The IAM user a federated user's session was made by (its policies apply too, decide-layered.ts). */
function federatingUserOf(g: DecisionGraph, principal: string): string | undefined {
  const layers = g.layers?.principals;
  return layers !== undefined && Object.hasOwn(layers, principal) ? layers[principal]!.federatedBy : undefined;
}

/** Whether an identity policy of `owner` may apply to `principal` (its own, or its role's for a session). */
export function mayHaveOwner(owner: string, principal: string, parseCaller: CallerOf): boolean {
  return mayHave(owner, parseCaller(principal), principal, parseCaller);
}

/** Where a graph's policies are, by what a request names: its key, its caller, the role behind a session. */
interface PolicyIndex {
  readonly identityByOwner: Map<string, number[]>;
  readonly identityByRoleKey: Map<string, number[]>;
  /** The policies of the layers (SCPs, RCPs, boundaries, session policies): they may apply to any request. */
  readonly layers: number[];
}

const indexes = new WeakMap<DecisionGraph, PolicyIndex>();

function indexOf(g: DecisionGraph, parseCaller: CallerOf): PolicyIndex {
  let index = indexes.get(g);
  if (index !== undefined) return index;
  index = { identityByOwner: new Map(), identityByRoleKey: new Map(), layers: [] };
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [i]);
    else list.push(i);
  };
  g.policies.forEach((p, i) => {
    if (p.layer !== undefined) index!.layers.push(i);
    if (p.kind !== "identity") return;
    push(index!.identityByOwner, p.owner, i);
    const roleKey = parseCaller(p.owner)?.roleKey ?? "";
    if (roleKey !== "") push(index!.identityByRoleKey, roleKey, i);
  });
  indexes.set(g, index);
  return index;
}

/**
 * The indices of the statements of `g` that may list `action` and apply to the request: those of the
 * key's policy and of the identity policies `mayHave` can accept (the caller's own, the role's for a
 * session), read from each policy's statements by action; every statement when the caller does not
 * parse. A superset of what mayApply accepts, which then filters it: the same answer as a scan of
 * every statement, without reading the whole graph for each (action, resource, caller).
 */
function candidateStatements(g: DecisionGraph, action: string, resource: string, principal: string, caller: CallerInfo | undefined, parseCaller: CallerOf): number[] {
  if (caller === undefined) return g.statements.map((_, i) => i);
  const policies: number[] = [];
  const key = Object.hasOwn(g.keys, resource) ? g.keys[resource] : undefined;
  if (key !== undefined) policies.push(key);
  const index = indexOf(g, parseCaller);
  policies.push(...(index.identityByOwner.get(principal) ?? []));
  if (caller.kind === "session") for (const p of index.identityByRoleKey.get(caller.roleKey) ?? []) if (!policies.includes(p)) policies.push(p);
  const federating = federatingUserOf(g, principal);
  if (federating !== undefined) policies.push(...(index.identityByOwner.get(federating) ?? []));
  policies.push(...index.layers);
  const out: number[] = [];
  for (const p of policies) {
    const byAction = g.policies[p]!.byAction;
    const lists = Object.hasOwn(byAction, action) ? byAction[action] : undefined;
    if (lists !== undefined) out.push(...lists.deny, ...lists.allow);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** A statement with its condition nodes by key. */
function relevantOf(g: DecisionGraph, s: GraphStatement): RelevantStatement {
  const byKey = new Map<string, ConditionNode[]>();
  for (const t of s.tests) {
    const n = g.nodes[t]!;
    if (n.kind === "condition") byKey.set(n.key, [...(byKey.get(n.key) ?? []), n]);
  }
  return { allow: s.effect === "Allow", byKey };
}

/** The statements of `graphs` that may apply to (action, resource, principal). */
export function relevantStatements(graphs: readonly DecisionGraph[], action: string, resource: string, principal: string, parseCaller: CallerOf): RelevantStatement[] {
  const caller = parseCaller(principal);
  const out: RelevantStatement[] = [];
  for (const g of graphs) {
    for (const i of candidateStatements(g, action, resource, principal, caller, parseCaller)) {
      const s = g.statements[i]!;
      if (!s.actions.includes(action)) continue;
      if (!mayApply(g, s, resource, principal, caller, parseCaller)) continue;
      out.push(relevantOf(g, s));
    }
  }
  return out;
}

/** The same statements by a scan of every statement (the reference the index is tested against). */
export function relevantStatementsByScan(graphs: readonly DecisionGraph[], action: string, resource: string, principal: string, parseCaller: CallerOf): RelevantStatement[] {
  const caller = parseCaller(principal);
  const out: RelevantStatement[] = [];
  for (const g of graphs) {
    for (const s of g.statements) {
      if (!s.actions.includes(action) || !mayApply(g, s, resource, principal, caller, parseCaller)) continue;
      out.push(relevantOf(g, s));
    }
  }
  return out;
}
