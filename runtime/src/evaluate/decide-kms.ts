// The KMS decision over compiled statements (DESIGN §3, spec §5.3, docs/request-model.md):
//   key:          Allow iff ¬D ∧ (KD ∨ KA) ∧ ((same ∧ KD) ∨ I) ∧ (same ∨ cross-account capable)
//   service:      Allow iff ¬D ∧ KD            identity only (alias, no resource): ¬D ∧ I
//   RetireGrant (no policy can allow it): never Allow; ExplicitDeny iff D
// Deny lists run first and short-circuit; reasons are collected only once the outcome is known.
import type { Decision, DecisionKind, Reason } from "../contracts.js";
import { DecisionCache, ID_KEY_LENGTH } from "./decision-cache.js";
import type { CallerInfo } from "../request/read-caller.js";
import type { CompiledGraph } from "./compile-graph.js";
import { ACCOUNT, DIRECT } from "./compile-principal.js";
import type { CallerIds } from "./compile-principal.js";
import type { EvalState } from "./eval-state.js";
import { allowEnd, allowFrom, denyFrom, listAt, reasonIdAt, STRIDE } from "./statement-table.js";
import type { ReasonPath, StatementTable } from "./statement-table.js";

/**
 * A parsed caller with its identity policies and its ids for the principal tests (compile-principal.ts).
 * Without layers, it may stand for every session of one role (create-authorizer.ts): it has no ARN.
 */
export interface Caller extends CallerIds {
  readonly kind: CallerInfo["kind"];
  readonly partition: string;
  readonly account: string;
  /** Indices of its identity policies in the graph (root: those listed under the root ARN). */
  readonly identity: readonly number[];
}

/** Collects reasons without allocating, then shares the decision (decision-cache.ts). */
export class ReasonCollector {
  // PERF: never shrunk (setting `length = 0` would drop the backing store); `count` is the size.
  private readonly reasons: Reason[] = [];
  /** The id of each reason (statement-table.ts), or -1 for a reason that is not a compiled statement's. */
  private readonly ids: number[] = [];
  private count = 0;
  /** Whether every reason collected has an id (then `reasons` is not filled: the cache reads ids). */
  private allIds = true;
  private readonly cache = new DecisionCache();
  private readonly reasonOf: (id: number) => Reason;

  constructor(private readonly table: StatementTable) {
    this.reasonOf = (id) => table.reasons[id]!;
  }

  clear(): this {
    this.count = 0;
    this.allIds = true;
    return this;
  }

  push(reason: Reason): void {
    if (this.allIds) {
      // From now on the reasons themselves are needed: fill in those collected by id.
      for (let i = 0; i < this.count; i++) this.reasons[i] = this.reasonOf(this.ids[i]!);
      this.allIds = false;
    }
    this.ids[this.count] = -1;
    this.reasons[this.count++] = reason;
  }

  /** Collects the reason of entry `i` of the statement table for `path` (PERF: by its id alone). */
  pushEntry(i: number, path: ReasonPath): void {
    const id = reasonIdAt(this.table, i, path);
    if (!this.allIds) this.reasons[this.count] = this.reasonOf(id);
    this.ids[this.count++] = id;
  }

  /** `pushEntry`, unless the reason of entry `i` for `path` was collected already (one id per Reason, statement-table.ts). */
  pushEntryOnce(i: number, path: ReasonPath): void {
    const id = reasonIdAt(this.table, i, path);
    for (let k = 0; k < this.count; k++) if (this.ids[k] === id) return;
    this.pushEntry(i, path);
  }

  /**
   * `push`, unless `reason` (not a compiled statement's) was collected already. PERF: a scan of the few
   * reasons collected, where the layered Allow kept its own list (regrown per request) or a Set.
   */
  pushOnce(reason: Reason): void {
    for (let k = 0; k < this.count; k++) if (this.ids[k] === -1 && this.reasons[k] === reason) return;
    this.push(reason);
  }

  decision(kind: DecisionKind): Decision {
    if (this.allIds && this.count <= ID_KEY_LENGTH) return this.cache.getById(kind, this.ids, this.count, this.reasonOf);
    if (this.allIds) {
      for (let i = 0; i < this.count; i++) this.reasons[i] = this.reasonOf(this.ids[i]!);
    }
    return this.cache.get(kind, this.reasons, this.count);
  }
}

export const IMPLICIT_DENY: Decision = Object.freeze({ decision: "ImplicitDeny", reasons: Object.freeze([]) as readonly Reason[] });

/** DIRECT / ACCOUNT bits of principal test `p` for the request's caller (memoized per request). */
export function principalBits(cg: CompiledGraph, st: EvalState, caller: Caller, p: number): number {
  // PERF: one stamp per test, `gen * 4 + bits` (eval-state.ts): a single read when memoized.
  const stamp = st.principalStamp[p]!;
  if (stamp >>> 2 === st.gen) return stamp & 3;
  const b = cg.principals.bits(p, caller);
  st.principalStamp[p] = st.gen * 4 + b;
  return b;
}

/** Whether entry `i` of the statement table applies to the request. */
export function appliesAt(table: StatementTable, st: EvalState, i: number): boolean {
  const fail = table.info[i * STRIDE + 2]!;
  if (fail === 1) return true;
  const t = table.tests[i]!(st);
  return t !== 0 && t !== fail;
}

/** The principal test of entry `i` of the statement table. */
export function principalAt(table: StatementTable, i: number): number {
  return table.info[i * STRIDE + 1]!;
}

/** Whether some Deny of key-policy list `at` names the caller and applies; with `out`, collects all of them. */
function keyDenies(cg: CompiledGraph, st: EvalState, caller: Caller, at: number, out?: ReasonCollector): boolean {
  const table = cg.table;
  const end = allowFrom(table, at);
  let found = false;
  for (let i = denyFrom(table, at); i < end; i++) {
    // DEVIATION: §5.3, A22 — a Deny naming the caller's account (root ARN or id) applies to every principal of it.
    if (principalBits(cg, st, caller, principalAt(table, i)) !== 0 && appliesAt(table, st, i)) {
      if (out === undefined) return true;
      out.pushEntry(i, "deny");
      found = true;
    }
  }
  return found;
}

/** Whether some identity statement of `kind` applies; with `out`, collects all of them. */
export function identityApplies(cg: CompiledGraph, st: EvalState, caller: Caller, a: number, deny: boolean, out?: ReasonCollector): boolean {
  let found = false;
  const policies = caller.identity;
  const table = cg.table;
  for (let p = 0; p < policies.length; p++) {
    const at = listAt(table, policies[p]!, a);
    const end = deny ? allowFrom(table, at) : allowEnd(table, at);
    for (let i = deny ? denyFrom(table, at) : allowFrom(table, at); i < end; i++) {
      if (appliesAt(table, st, i)) {
        if (out === undefined) return true;
        out.pushEntry(i, deny ? "deny" : "identity");
        found = true;
      }
    }
  }
  return found;
}

function explicitDeny(cg: CompiledGraph, st: EvalState, caller: Caller, a: number, keyPolicy: number, out: ReasonCollector): Decision {
  out.clear();
  if (keyPolicy >= 0) keyDenies(cg, st, caller, listAt(cg.table, keyPolicy, a), out);
  identityApplies(cg, st, caller, a, true, out);
  return out.decision("ExplicitDeny");
}

/** Which key-policy Allow statements of list `at` apply: DIRECT / ACCOUNT bits (short-circuits once both are known). */
function keyAllows(cg: CompiledGraph, st: EvalState, caller: Caller, at: number): number {
  const table = cg.table;
  const end = allowEnd(table, at);
  let bits = 0;
  for (let i = allowFrom(table, at); i < end; i++) {
    const b = principalBits(cg, st, caller, principalAt(table, i));
    if (b === 0 || (b | bits) === bits || !appliesAt(table, st, i)) continue;
    bits |= b;
    if (bits === (DIRECT | ACCOUNT)) return bits;
  }
  return bits;
}

/** Collects the applying key-policy Allow statements of list `at` that name the caller with `bit` (DIRECT first). */
function collectKeyAllows(cg: CompiledGraph, st: EvalState, caller: Caller, at: number, bit: number, out: ReasonCollector): void {
  const table = cg.table;
  const end = allowEnd(table, at);
  for (let i = allowFrom(table, at); i < end; i++) {
    const b = principalBits(cg, st, caller, principalAt(table, i));
    // A statement naming the caller both ways is listed once, as direct (it was collected first).
    if ((b & bit) === 0 || (bit === ACCOUNT && (b & DIRECT) !== 0) || !appliesAt(table, st, i)) continue;
    out.pushEntry(i, bit === DIRECT ? "key-direct" : "key-account");
  }
}

/**
 * A request on a key (DESIGN §3). Reasons: the direct key statements, then (when the delegated
 * path also holds) the account statements and the identity statements.
 */
export function decideKey(
  cg: CompiledGraph, st: EvalState, caller: Caller, a: number, keyPolicy: number, same: boolean, out: ReasonCollector,
): Decision {
  const at = listAt(cg.table, keyPolicy, a);
  // DEVIATION: §5.7 — grants, SCPs, RCPs, permission boundaries, session and VPC endpoint policies are not modelled.
  if (keyDenies(cg, st, caller, at) || identityApplies(cg, st, caller, a, true)) {
    return explicitDeny(cg, st, caller, a, keyPolicy, out);
  }
  if (!same && !cg.actions[a]!.crossAccount) return IMPLICIT_DENY;
  const bits = keyAllows(cg, st, caller, at);
  if (bits === 0) return IMPLICIT_DENY;
  const direct = same && (bits & DIRECT) !== 0;
  // DEVIATION: §5.3, A28 — the root user's identity side counts as allowed, also across accounts.
  const delegated = caller.kind === "root" || identityApplies(cg, st, caller, a, false);
  if (!direct && !delegated) return IMPLICIT_DENY;
  out.clear();
  collectKeyAllows(cg, st, caller, at, DIRECT, out);
  if (delegated) {
    collectKeyAllows(cg, st, caller, at, ACCOUNT, out);
    identityApplies(cg, st, caller, a, false, out);
  }
  return out.decision("Allow");
}

/** A service principal on a key: the key policy alone, `¬D ∧ KD` (request model). */
export function decideService(cg: CompiledGraph, st: EvalState, caller: Caller, a: number, keyPolicy: number, out: ReasonCollector): Decision {
  const at = listAt(cg.table, keyPolicy, a);
  // DEVIATION: request model — a service principal is decided by the key policy alone (¬D ∧ KD), in the key's account.
  if (keyDenies(cg, st, caller, at)) return explicitDeny(cg, st, caller, a, keyPolicy, out);
  if ((keyAllows(cg, st, caller, at) & DIRECT) === 0) return IMPLICIT_DENY;
  collectKeyAllows(cg, st, caller, at, DIRECT, out.clear());
  return out.decision("Allow");
}

/**
 * An action no policy can allow (RetireGrant, spec §5.4): ExplicitDeny when a Deny applies — in the
 * key policy (naming the caller or its account, also across accounts) or an identity policy — else
 * ImplicitDeny. `keyPolicy` is -1 when the key policy is not consulted.
 */
export function decideDenyOnly(cg: CompiledGraph, st: EvalState, caller: Caller, a: number, keyPolicy: number, out: ReasonCollector): Decision {
  const keyDeny = keyPolicy >= 0 && keyDenies(cg, st, caller, listAt(cg.table, keyPolicy, a));
  if (keyDeny || identityApplies(cg, st, caller, a, true)) return explicitDeny(cg, st, caller, a, keyPolicy, out);
  return IMPLICIT_DENY;
}

/** Identity policies only (alias half, no specific resource): `¬D ∧ I` (spec §5.3). */
export function decideIdentityOnly(
  cg: CompiledGraph, st: EvalState, caller: Caller, a: number, sameAccount: boolean, out: ReasonCollector,
): Decision {
  if (identityApplies(cg, st, caller, a, true)) return explicitDeny(cg, st, caller, a, -1, out);
  if (!sameAccount) return IMPLICIT_DENY;
  if (caller.kind !== "root" && !identityApplies(cg, st, caller, a, false)) return IMPLICIT_DENY;
  identityApplies(cg, st, caller, a, false, out.clear());
  return out.decision("Allow");
}
