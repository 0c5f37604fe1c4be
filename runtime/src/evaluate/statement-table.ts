// The decision path's layout of the compiled statement lists (DESIGN §5): every (policy, action)
// list, Denies then Allows, laid out one after the other in flat arrays. PERF: a list is found by
// two adjacent integers and its entries sit side by side, with each statement's id, principal test
// and "always applies" flag inline; the decision reads a statement's closure only to run it, and
// its reason from a table by id. Objects per list and per statement cost a cache miss each at
// organisation scale. The plans (compile-graph.ts) keep the same lists as objects, for the layers
// and for explanations.
import type { Reason } from "../contracts.js";
import type { CompiledStatement, PolicyPlan } from "./compile-graph.js";
import type { NodeTest } from "./compile-condition.js";

/** The path a statement's reason names, as an offset of its reason id (`statement id * 4 + offset`). */
export const PATH_OFFSET = { deny: 0, "key-direct": 1, "key-account": 2, identity: 3 } as const;
export type ReasonPath = keyof typeof PATH_OFFSET;

/** Int32 entries per statement entry in `info`. */
export const STRIDE = 3;

export interface StatementTable {
  /**
   * For list `at = policy * actions + action`: its Denies are entries `[bounds[2 * at], bounds[2 * at + 1])`,
   * its Allows `[bounds[2 * at + 1], bounds[2 * at + 2])`.
   */
  readonly bounds: Int32Array;
  /** How many actions each policy has a list for (`at = policy * actions + action`). */
  readonly actions: number;
  /**
   * Entry `i` at `i * STRIDE`: the statement id, its principal test (-1: none), and 1 when it always
   * applies, else the answer of its test that fails it besides 0 (CompiledStatement.fail).
   */
  readonly info: Int32Array;
  /** Entry `i`'s statement test (CompiledStatement.test): it applies iff the answer is neither 0 nor its fail value. */
  readonly tests: readonly NodeTest[];
  /** Statement `id`'s reason for each path, at `id * 4 + PATH_OFFSET[path]`. */
  readonly reasons: readonly Reason[];
}

/** The list of policy `policy`'s statements for action `a`: its Denies are entries `[denyFrom, allowFrom)`, its Allows `[allowFrom, allowEnd)`. */
export function listAt(table: StatementTable, policy: number, a: number): number {
  return policy * table.actions + a;
}

/** The first Deny entry of list `at`. */
export function denyFrom(table: StatementTable, at: number): number {
  return table.bounds[2 * at]!;
}

/** The first Allow entry of list `at` (one past its last Deny). */
export function allowFrom(table: StatementTable, at: number): number {
  return table.bounds[2 * at + 1]!;
}

/** One past the last Allow entry of list `at`. */
export function allowEnd(table: StatementTable, at: number): number {
  return table.bounds[2 * at + 2]!;
}

/** The id of the reason entry `i` gives for `path` (an index of `reasons`). */
export function reasonIdAt(table: StatementTable, i: number, path: ReasonPath): number {
  return table.info[i * STRIDE]! * 4 + PATH_OFFSET[path];
}

export function buildStatementTable(plans: readonly PolicyPlan[], statements: readonly CompiledStatement[], actions: number): StatementTable {
  const bounds = new Int32Array(2 * plans.length * actions + 1);
  const info: number[] = [];
  const tests: NodeTest[] = [];
  const add = (s: CompiledStatement): void => {
    info.push(s.id, s.principal, s.always ? 1 : s.fail);
    tests.push(s.test);
  };
  plans.forEach((plan, policy) => {
    for (let a = 0; a < actions; a++) {
      const at = policy * actions + a;
      bounds[2 * at] = tests.length;
      plan.deny[a]!.forEach(add);
      bounds[2 * at + 1] = tests.length;
      plan.allow[a]!.forEach(add);
    }
  });
  bounds[bounds.length - 1] = tests.length;
  const reasons: Reason[] = [];
  for (const s of statements) {
    for (const path of Object.keys(PATH_OFFSET) as ReasonPath[]) reasons[s.id * 4 + PATH_OFFSET[path]] = s.reason[path];
  }
  return { bounds, actions, info: Int32Array.from(info), tests, reasons };
}
