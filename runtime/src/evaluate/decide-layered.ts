// The KMS decision with the whole authorization chain (docs/semantics/README.md §1), for a graph with
// `layers`:
//   key:            Allow iff ¬D ∧ SCP ∧ RCP ∧ E ∧ (PathSame ∨ PathCross)
//                   PathSame  = same ∧ (KDfree ∨ (KDcap ∧ C) ∨ (KA ∧ I ∧ C) ∨ (G ∧ C))
//                   PathCross = ¬same ∧ X ∧ (((KD ∨ KA) ∧ I ∧ C) ∨ (G ∧ I ∧ C)),   C = B ∧ S
//   IAM-only:       Allow iff ¬D ∧ SCP ∧ E ∧ I ∧ C                                  (§1.4)
//   RetireGrant:    never Allow (a request cannot name its grant yet); ExplicitDeny iff D  (request-model "Not yet")
// `D` holds every layer's applicable Deny; RCPs act through `D` only (RCPFullAWSAccess cannot be detached).
// The reasons follow the order of §1.5; an ImplicitDeny a ceiling caused names it (a `no-allow` reason).
import type { Decision, Reason } from "../contracts.js";
import type { GraphEndpoint } from "../graph/graph-types.js";
import type { TargetInfo } from "../request/read-target.js";
import type { CompiledGraph } from "./compile-graph.js";
import { gapReason, type CallerLayers, type CompiledLayers, type OrgLevel } from "./compile-layers.js";
import { ACCOUNT, DIRECT } from "./compile-principal.js";
import { appliesAt, IMPLICIT_DENY, identityApplies, principalAt, principalBits, type Caller, type ReasonCollector } from "./decide-kms.js";
import { allowEnd, allowFrom, denyFrom, listAt } from "./statement-table.js";
import type { EvalState } from "./eval-state.js";
import { grantAllows } from "./grant-allows.js";
import type { GrantEntries } from "../conditions/grant-constraints.js";
import type { CallerInfo } from "../request/read-caller.js";

/** A caller of a layered graph: its identity policies include its federating user's. */
export interface LayeredCaller extends Caller {
  readonly info: CallerInfo;
  readonly layers: CallerLayers;
}

/** One request, loaded. The authorizer refills one record per request: it is read only while deciding. */
export interface LayeredRequest {
  readonly a: number;
  readonly target: TargetInfo;
  /** The key policy, when the request is on a key (consulted or not: RetireGrant's Denies apply). */
  readonly keyPolicy: number | undefined;
  /** The endpoint it goes through (`aws:SourceVpce`), when endpoints are modelled. */
  readonly endpoint: (GraphEndpoint & { readonly gap: Reason }) | undefined;
  /** The context entries grants test, as the context reader read them (never the context again: a getter may answer otherwise). */
  readonly grantEntries: GrantEntries;
}

/** Everything the decision reads besides the request. */
export interface LayeredGraph {
  readonly cg: CompiledGraph;
  readonly st: EvalState;
  readonly layers: CompiledLayers;
  readonly out: ReasonCollector;
  /** Shared gap reasons (the decision cache keys on reason identity). */
  readonly reasons: ReasonCache;
  /** PERF: each action's grant operation name (without `kms:`), made once. */
  readonly operations: readonly string[];
}

/** Frozen reasons made once: a boundary's gap by policy index (a grant's Allow is made with the grant, compile-layers.ts). */
export class ReasonCache {
  private readonly gaps = new Map<number, Reason>();

  boundaryGap(cg: CompiledGraph, policy: number): Reason {
    let r = this.gaps.get(policy);
    if (r === undefined) this.gaps.set(policy, (r = gapReason(cg.graph.policies[policy]!.location, "boundary")));
    return r;
  }
}

const FREE_KINDS = new Set(["user", "session", "federated"]);

/** Decides one loaded request. */
export function decideLayered(g: LayeredGraph, caller: LayeredCaller, r: LayeredRequest): Decision {
  const { cg, st, out } = g;
  const action = cg.actions[r.a]!;
  const onKey = r.target.kind === "key" && r.keyPolicy !== undefined;
  const consulted = onKey && action.keyPolicy ? r.keyPolicy! : -1;
  const scp = scpLevels(g.layers, caller);
  const rcp = rcpLevels(g.layers, caller, action.name, r.target);

  // 1. Explicit deny in any layer (§1.5 step 1).
  if (denies(g, caller, r, consulted, scp, rcp)) {
    denies(g, caller, r, consulted, scp, rcp, out.clear());
    return out.decision("ExplicitDeny");
  }
  // AWS: §5.4, seed 004 — RetireGrant: "A policy alone cannot allow access to this operation".
  // DEVIATION: §5.4, §5.7 — a request cannot name the grant to retire (grants.md §4 awaits a request member), so never allowed.
  if (!action.policyAllows) return IMPLICIT_DENY;
  const identityOnly = !onKey || !action.keyPolicy;
  // A service caller has no identity policies (docs/request-model.md): nothing can allow an IAM-only request.
  if (identityOnly && caller.info.kind === "service") return IMPLICIT_DENY;
  // 2. SCP chain and endpoint without an applicable Allow (§1.5 steps 2 and 4).
  const scpGap = scp === undefined ? undefined : scpGapOf(g, scp, r.a);
  if (scpGap !== undefined) return gap(out, scpGap);
  if (r.endpoint !== undefined && !endpointAllows(g, caller, r.endpoint.policy, r.a)) return gap(out, r.endpoint.gap);
  if (identityOnly) {
    // §1.4: identity policies only, never across accounts (spec §5.3).
    const account = r.target.account;
    if (onKey ? false : account !== "" && account !== caller.info.account) return IMPLICIT_DENY;
    if (caller.info.kind !== "root" && !identityApplies(cg, st, caller, r.a, false)) return IMPLICIT_DENY;
    const ceiling = ceilingGapOf(g, caller, r.a);
    if (ceiling !== undefined) return gap(out, ceiling);
    identityApplies(cg, st, caller, r.a, false, out.clear());
    return out.decision("Allow");
  }
  return decideOnKey(g, caller, r, r.keyPolicy!);
}

/** `C = B ∧ S`: the first ceiling gap, boundaries then session policies, or undefined when C holds. */
function ceilingGapOf(g: LayeredGraph, caller: LayeredCaller, a: number): Reason | undefined {
  return boundaryGapOf(g, caller, a) ?? sessionGapOf(g, caller, a);
}

/** §1.2 on a key, after the denies and the SCP and endpoint gaps. */
function decideOnKey(g: LayeredGraph, caller: LayeredCaller, r: LayeredRequest, keyPolicy: number): Decision {
  const { cg, st, out } = g;
  const same = caller.info.kind === "service" || caller.info.account === r.target.account;
  if (!same && !cg.actions[r.a]!.crossAccount) return IMPLICIT_DENY;
  // PERF: the key policy's Allows for the action, entries [from, end) of the flat statement table.
  const table = cg.table;
  const at = listAt(table, keyPolicy, r.a);
  const from = allowFrom(table, at);
  const end = allowEnd(table, at);
  // KDfree, KDcap (with the statements naming a federated user's federating user), KA.
  let kdFree = false, kdCap = false, ka = false;
  for (let i = from; i < end; i++) {
    const bits = principalBits(cg, st, caller, principalAt(table, i));
    if (bits === 0 || !appliesAt(table, st, i)) continue;
    if ((bits & DIRECT) !== 0) {
      if (isFree(g, caller, principalAt(table, i), bits)) kdFree = true;
      else kdCap = true;
    }
    if ((bits & ACCOUNT) !== 0) ka = true;
  }
  const federating = caller.layers.federatedBy;
  if (!kdCap && federating !== undefined) {
    for (let i = from; i < end && !kdCap; i++) kdCap = (cg.principalTests[principalAt(table, i)]!(federating) & DIRECT) !== 0 && appliesAt(table, st, i);
  }
  // AWS: §5.3 — the root user's identity side counts as allowed.
  // DEVIATION: §5.3, A28 — the root user's identity side counts as allowed, also across accounts.
  const identity = caller.info.kind === "root" || identityApplies(cg, st, caller, r.a, false);
  const grants = grantsOf(g, caller, r);
  const direct = same && kdFree;
  const capped = (same && kdCap) || ((kdFree || kdCap || ka) && identity) || (grants && (same || identity));
  if (!direct && !capped) return IMPLICIT_DENY;
  // C = B ∧ S caps every path but KDfree in the same account (permission-boundary.md §3, session-policy.md §3).
  const ceiling = capped ? ceilingGapOf(g, caller, r.a) : undefined;
  if (!direct && ceiling !== undefined) return gap(out, ceiling);
  const c = ceiling === undefined;
  out.clear();
  // The direct statements usable: KDfree always, KDcap under a ceiling that holds (statement order kept).
  for (let i = from; i < end; i++) {
    const bits = principalBits(cg, st, caller, principalAt(table, i));
    if ((bits & DIRECT) !== 0 && (c || isFree(g, caller, principalAt(table, i), bits)) && appliesAt(table, st, i)) out.pushEntryOnce(i, "key-direct");
  }
  if (c && federating !== undefined) {
    for (let i = from; i < end; i++) {
      if ((cg.principalTests[principalAt(table, i)]!(federating) & DIRECT) !== 0 && appliesAt(table, st, i)) out.pushEntryOnce(i, "key-direct");
    }
  }
  const delegated = c && (kdFree || kdCap || ka) && identity;
  if (delegated) {
    for (let i = from; i < end; i++) {
      const bits = principalBits(cg, st, caller, principalAt(table, i));
      if ((bits & ACCOUNT) !== 0 && (bits & DIRECT) === 0 && appliesAt(table, st, i)) out.pushEntryOnce(i, "key-account");
    }
  }
  const granted = c && grants && (same || identity);
  if (delegated || (granted && !same)) identityReasons(g, caller, r.a, out);
  if (granted) {
    const op = g.operations[r.a]!;
    const list = g.layers.grants.get(r.target.arn)!; // G holds: the key has grants
    for (let i = 0; i < list.length; i++) if (grantAllows(list[i]!, caller.info, op, r.grantEntries)) out.pushOnce(list[i]!.reason);
  }
  return out.decision("Allow");
}

/** permission-boundary.md §3: the key policy (a statement of principal test `principal`) names the caller by a form no ceiling caps. */
function isFree(g: LayeredGraph, caller: LayeredCaller, principal: number, bits: number): boolean {
  const kind = caller.info.kind;
  if (kind === "root") return bits !== 0;
  if (kind === "service") return (bits & DIRECT) !== 0;
  return FREE_KINDS.has(kind) && g.layers.exactAws[principal]!.has(caller.info.arn);
}

function identityReasons(g: LayeredGraph, caller: LayeredCaller, a: number, out: ReasonCollector): void {
  const table = g.cg.table;
  for (const p of caller.identity) {
    const at = listAt(table, p, a);
    const end = allowEnd(table, at);
    for (let i = allowFrom(table, at); i < end; i++) if (appliesAt(table, g.st, i)) out.pushEntryOnce(i, "identity");
  }
}

/** `G`: some grant on the request's key allows it (grants.md §2). */
function grantsOf(g: LayeredGraph, caller: LayeredCaller, r: LayeredRequest): boolean {
  const list = g.layers.grants.get(r.target.arn);
  if (list === undefined) return false;
  const op = g.operations[r.a]!;
  for (let i = 0; i < list.length; i++) if (grantAllows(list[i]!, caller.info, op, r.grantEntries)) return true;
  return false;
}

function gap(out: ReasonCollector, reason: Reason): Decision {
  out.clear().push(reason);
  return out.decision("ImplicitDeny");
}

// ---------------------------------------------------------------------------------------------------
// the ceilings

/** scp.md §2: the caller's organization path, or undefined when SCPs do not apply to it. */
function scpLevels(layers: CompiledLayers, caller: LayeredCaller): readonly OrgLevel[] | undefined {
  const org = layers.organization;
  if (org === undefined || caller.info.kind === "service" || caller.layers.serviceLinked) return undefined;
  if (org.management === caller.info.account) return undefined;
  return org.accounts.get(caller.info.account);
}

/** rcp.md §2: the resource's organization path, or undefined when RCPs do not apply to the request. */
function rcpLevels(layers: CompiledLayers, caller: LayeredCaller, action: string, target: TargetInfo): readonly OrgLevel[] | undefined {
  const org = layers.organization;
  if (org === undefined || target.kind === "none" || caller.layers.serviceLinked) return undefined;
  // rcp.md §2: not for AWS managed keys; RCPs do not control RetireGrant.
  if (action === "kms:RetireGrant" || (target.kind === "key" && layers.awsManaged.has(target.arn))) return undefined;
  if (org.management === target.account) return undefined;
  return org.accounts.get(target.account);
}

/** Whether some Deny of any layer applies; with `out`, collects every one (§1.5 order). */
function denies(
  g: LayeredGraph, caller: LayeredCaller, r: LayeredRequest, consulted: number,
  scp: readonly OrgLevel[] | undefined, rcp: readonly OrgLevel[] | undefined, out?: ReasonCollector,
): boolean {
  const { cg, st } = g;
  const a = r.a;
  let found = false;
  // Key policy (on a key, RetireGrant included): naming the caller or its account (A22), or a federated user's federating user.
  const keyPolicy = r.target.kind === "key" && r.keyPolicy !== undefined && (consulted >= 0 || cg.actions[a]!.keyPolicy) ? r.keyPolicy : -1;
  if (keyPolicy >= 0) {
    const table = cg.table;
    const at = listAt(table, keyPolicy, a);
    const end = allowFrom(table, at);
    const federating = caller.layers.federatedBy;
    for (let i = denyFrom(table, at); i < end; i++) {
      const p = principalAt(table, i);
      const named = principalBits(cg, st, caller, p) !== 0 || (federating !== undefined && (cg.principalTests[p]!(federating) & DIRECT) !== 0);
      if (named && appliesAt(table, st, i)) {
        if (out === undefined) return true;
        out.pushEntry(i, "deny");
        found = true;
      }
    }
  }
  if (identityApplies(cg, st, caller, a, true, out)) {
    if (out === undefined) return true;
    found = true;
  }
  // PERF: plain loops over module-level functions, no closure made per request.
  if (scp !== undefined) {
    for (let l = 0; l < scp.length; l++) {
      const scps = scp[l]!.scps;
      if (scps !== undefined && policiesDeny(g, caller, a, scps, false, out)) found = true;
    }
  }
  if (found && out === undefined) return true;
  if (rcp !== undefined) for (let l = 0; l < rcp.length; l++) if (policiesDeny(g, caller, a, rcp[l]!.rcps, true, out)) found = true;
  if (r.endpoint !== undefined && policyDenies(g, caller, a, r.endpoint.policy, true, out)) found = true;
  if (policiesDeny(g, caller, a, caller.layers.boundaries, false, out)) found = true;
  const sessions = caller.layers.sessionPolicies;
  if (sessions !== undefined && policiesDeny(g, caller, a, sessions, false, out)) found = true;
  return found;
}

/** Whether a Deny of one of `policies` applies (see `policyDenies`); with `out`, collects every one. */
function policiesDeny(g: LayeredGraph, caller: LayeredCaller, a: number, policies: readonly number[], resourceKind: boolean, out: ReasonCollector | undefined): boolean {
  let any = false;
  for (let i = 0; i < policies.length; i++) {
    if (!policyDenies(g, caller, a, policies[i]!, resourceKind, out)) continue;
    if (out === undefined) return true;
    any = true;
  }
  return any;
}

/**
 * Whether a Deny statement of `policy` applies; with `out`, collects every one. An identity-kind
 * policy (SCP, boundary, session policy) has no principal; in a resource-kind one (RCP, endpoint) a
 * Deny applies when its principal names the caller or its account (no principal: everyone), or a
 * federated user's federating user, as in the key policy.
 */
function policyDenies(g: LayeredGraph, caller: LayeredCaller, a: number, policy: number, resourceKind: boolean, out: ReasonCollector | undefined): boolean {
  const { cg, st } = g;
  const table = cg.table;
  const at = listAt(table, policy, a);
  const end = allowFrom(table, at);
  const federating = caller.layers.federatedBy;
  let any = false;
  for (let i = denyFrom(table, at); i < end; i++) {
    const p = principalAt(table, i);
    if (resourceKind && p >= 0 && principalBits(cg, st, caller, p) === 0 && (federating === undefined || (cg.principalTests[p]!(federating) & DIRECT) === 0)) continue;
    if (!appliesAt(table, st, i)) continue;
    if (out === undefined) return true;
    out.pushEntry(i, "deny");
    any = true;
  }
  return any;
}

function someAllow(g: LayeredGraph, policy: number, a: number): boolean {
  const table = g.cg.table;
  const at = listAt(table, policy, a);
  const end = allowEnd(table, at);
  for (let i = allowFrom(table, at); i < end; i++) if (appliesAt(table, g.st, i)) return true;
  return false;
}

/** scp.md §3: the first level (root down) whose SCPs have no applicable Allow; `scps` absent is FullAWSAccess. */
function scpGapOf(g: LayeredGraph, levels: readonly OrgLevel[], a: number): Reason | undefined {
  for (let l = 0; l < levels.length; l++) {
    const scps = levels[l]!.scps;
    if (scps !== undefined && !someAllowOf(g, scps, a)) return levels[l]!.scpGap;
  }
  return undefined;
}

/** Whether some policy of `policies` has an applicable Allow. PERF: a loop, where `.some` made a closure per request. */
function someAllowOf(g: LayeredGraph, policies: readonly number[], a: number): boolean {
  for (let i = 0; i < policies.length; i++) if (someAllow(g, policies[i]!, a)) return true;
  return false;
}

/** vpc-endpoint-policy.md §3 (Our rule): an Allow naming the caller; an account principal names only its root user. */
function endpointAllows(g: LayeredGraph, caller: LayeredCaller, policy: number, a: number): boolean {
  const table = g.cg.table;
  const at = listAt(table, policy, a);
  const end = allowEnd(table, at);
  for (let i = allowFrom(table, at); i < end; i++) {
    const bits = principalBits(g.cg, g.st, caller, principalAt(table, i));
    const named = (bits & DIRECT) !== 0 || ((bits & ACCOUNT) !== 0 && caller.info.kind === "root");
    if (named && appliesAt(table, g.st, i)) return true;
  }
  return false;
}

/** permission-boundary.md §4: the first boundary capping the caller with no applicable Allow. */
function boundaryGapOf(g: LayeredGraph, caller: LayeredCaller, a: number): Reason | undefined {
  for (const b of caller.layers.boundaries) if (!someAllow(g, b, a)) return g.reasons.boundaryGap(g.cg, b);
  return undefined;
}

/** session-policy.md §2: listed session policies need one Allow; a modelled federated user needs a listed one. */
function sessionGapOf(g: LayeredGraph, caller: LayeredCaller, a: number): Reason | undefined {
  const listed = caller.layers.sessionPolicies;
  if (listed !== undefined && listed.length > 0) return someAllowOf(g, listed, a) ? undefined : caller.layers.sessionGap;
  return caller.layers.federationModelled ? caller.layers.sessionGap : undefined;
}
