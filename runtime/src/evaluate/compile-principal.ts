// Compiles the key-policy Principal nodes into classifiers of callers (docs/request-model.md
// "Key-policy principal matching", spec §1.5, §5.3): DIRECT when a node names the caller (its own ARN,
// the role behind a session by partition+account+name, the service, or `*`), ACCOUNT when it names
// the caller's account (root ARN or bare id; never for a service caller).
// PERF: every name the nodes mention is interned to a small integer once; a caller is read into its
// (at most four) ids once, cached with the caller, and a test compares integers in one flat
// Int32Array. Hashing the caller's ARN into several Sets per test cost a cache miss per Set at
// organisation scale.
import type { PrincipalNode } from "../graph/graph-types.js";
import type { CallerInfo } from "../request/read-caller.js";
import { BARE_ACCOUNT, parseCaller } from "../request/read-caller.js";

export const DIRECT = 1;
export const ACCOUNT = 2;

/** The ids of what a caller may be named by; -1 where no principal node names it. */
export interface CallerIds {
  /** The caller's own ARN (never for root), or a service caller's name: names it DIRECT. */
  readonly exactId: number;
  /** A role session's `partition:account:name`: names it DIRECT (a role ARN of any path). */
  readonly roleId: number;
  /** The caller's account as a bare id: names it ACCOUNT (any partition). */
  readonly accountId: number;
  /** The caller's `partition:account` (its root ARN): names it ACCOUNT. */
  readonly rootId: number;
}

export type PrincipalTest = (caller: CallerInfo) => number;

/** An entry of a node's record: `*`. Otherwise DIRECT ids, then ACCOUNT ids, each list sorted. */
const ANY = 1;

export class PrincipalTests {
  // Interned names by kind (no prototype: Maps). Ids are shared by all kinds, so one list holds them.
  private readonly exact = new Map<string, number>();
  private readonly services = new Map<string, number>();
  private readonly roles = new Map<string, number>();
  private readonly accounts = new Map<string, number>();
  private readonly roots = new Map<string, number>();
  private nextId = 0;
  /** The kinds of the ARNs in `exact`: a caller of another kind needs no lookup (PERF: a new session's ARN is not hashed). */
  private readonly exactKinds = new Set<CallerInfo["kind"]>();
  /** Test `p`'s record starts at `offsets[p]`: [any, n, …n DIRECT ids, m, …m ACCOUNT ids]. */
  private readonly offsets: Int32Array;
  private readonly data: Int32Array;
  /** One closure per test over a CallerInfo (the layered path's federating user, explanations). */
  readonly tests: readonly PrincipalTest[];

  constructor(nodes: readonly PrincipalNode[]) {
    const records = nodes.map((node) => this.record(node));
    this.offsets = new Int32Array(records.length);
    const flat: number[] = [];
    records.forEach((r, p) => {
      this.offsets[p] = flat.length;
      flat.push(...r);
    });
    this.data = Int32Array.from(flat);
    this.tests = nodes.map((_, p) => (caller: CallerInfo) => this.bits(p, this.idsOf(caller)));
  }

  /** The ids of a caller (compute once per caller and keep them with it). */
  idsOf(caller: CallerInfo): CallerIds {
    if (caller.kind === "service") return { exactId: this.services.get(caller.arn) ?? -1, roleId: -1, accountId: -1, rootId: -1 };
    return {
      exactId: this.exactIdOf(caller),
      roleId: caller.kind === "session" ? this.roles.get(caller.roleKey) ?? -1 : -1,
      accountId: this.accounts.get(caller.account) ?? -1,
      rootId: this.roots.get(`${caller.partition}:${caller.account}`) ?? -1,
    };
  }

  /** The id of a (non-service) caller's own ARN, -1 when no node names it (never for root). */
  exactIdOf(caller: CallerInfo): number {
    return caller.kind === "root" || !this.exactKinds.has(caller.kind) ? -1 : this.exact.get(caller.arn) ?? -1;
  }

  /** DIRECT / ACCOUNT bits of test `p` for a caller with ids `c`. */
  bits(p: number, c: CallerIds): number {
    const d = this.data;
    let at = this.offsets[p]!;
    if (d[at] === ANY) return DIRECT;
    let bits = 0;
    const direct = d[at + 1]!;
    at += 2;
    if (direct > 0 && (has(d, at, direct, c.exactId) || has(d, at, direct, c.roleId))) bits = DIRECT;
    at += direct;
    const account = d[at]!;
    if (account > 0 && (has(d, at + 1, account, c.accountId) || has(d, at + 1, account, c.rootId))) bits |= ACCOUNT;
    return bits;
  }

  private record(node: PrincipalNode): number[] {
    if (node.any) return [ANY];
    const direct = new Set<number>();
    const account = new Set<number>();
    for (const value of node.aws) {
      if (BARE_ACCOUNT.test(value)) {
        account.add(this.intern(this.accounts, value));
        continue;
      }
      const named = parseCaller(value);
      if (named === undefined || named.kind === "service") continue; // never matches (A35)
      if (named.kind === "root") {
        account.add(this.intern(this.roots, `${named.partition}:${named.account}`));
        continue;
      }
      // The caller's own ARN (case-sensitive), or for a session the role behind it, whatever its path.
      direct.add(this.intern(this.exact, value));
      this.exactKinds.add(named.kind);
      if (named.kind === "role") direct.add(this.intern(this.roles, named.roleKey));
    }
    for (const service of node.service) direct.add(this.intern(this.services, service));
    const sorted = (ids: Set<number>): number[] => [...ids].sort((x, y) => x - y);
    return [0, direct.size, ...sorted(direct), account.size, ...sorted(account)];
  }

  private intern(names: Map<string, number>, name: string): number {
    let id = names.get(name);
    if (id === undefined) names.set(name, (id = this.nextId++));
    return id;
  }
}

/** Whether `id` is among the `n` sorted ids of `d` from `from`. */
function has(d: Int32Array, from: number, n: number, id: number): boolean {
  if (id < 0) return false;
  if (n <= 8) {
    for (let i = from; i < from + n; i++) if (d[i] === id) return true;
    return false;
  }
  let lo = from;
  let hi = from + n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = d[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
