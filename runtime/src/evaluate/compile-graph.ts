// Compiles a decision graph once into closures and lookup tables (DESIGN §5): one closure per node
// (memoized per request, so shared nodes run once), statements indexed by policy and action with
// Deny lists apart from Allow lists, and the context slots every test reads. No eval, no new Function.
import type { Reason } from "../contracts.js";
import type { DecisionGraph, GraphAction, GraphStatement, PrincipalNode } from "../graph/graph-types.js";
import { compileCondition } from "./compile-condition.js";
import type { NodeTest } from "./compile-condition.js";
import { PrincipalTests } from "./compile-principal.js";
import type { PrincipalTest } from "./compile-principal.js";
import { compileResource, constantResource } from "./compile-resource.js";
import type { Tri } from "./eval-state.js";
import { buildStatementTable } from "./statement-table.js";
import type { StatementTable } from "./statement-table.js";

/** A statement ready to run. */
export interface CompiledStatement {
  readonly id: number;
  readonly allow: boolean;
  /** Index into `principalTests`, or -1 (identity policies). */
  readonly principal: number;
  /**
   * It applies iff `test` answers neither 0 nor `fail`: all its tests hold, an undecidable test
   * counting as false in an Allow, true in a Deny (spec §0.2). PERF: a statement of one test is that
   * node's test itself (no closure of its own to pass through); of several, a closure answering 1 or 0.
   */
  readonly test: NodeTest;
  /** PERF: it applies to every request (no test but ones that always hold): `test` need not run. */
  readonly always: boolean;
  /** What `test` answers when the statement does not apply (besides 0): 2 for an Allow, 3 for a Deny. */
  readonly fail: 2 | 3;
  /** The reason it gives, by the path that used it. */
  readonly reason: Readonly<Record<"deny" | "key-direct" | "key-account" | "identity", Reason>>;
}

/** A policy's statements by action index. */
export interface PolicyPlan {
  readonly deny: readonly (readonly CompiledStatement[])[];
  readonly allow: readonly (readonly CompiledStatement[])[];
}

export interface CompiledGraph {
  readonly graph: DecisionGraph;
  readonly actions: readonly GraphAction[];
  /** Lower-cased action name → index. */
  readonly actionIndex: ReadonlyMap<string, number>;
  readonly plans: readonly PolicyPlan[];
  /**
   * PERF: the same lists laid out flat (statement-table.ts): what the KMS decision reads (at
   * organisation scale a plan object, its array and then the entry were a cache miss each).
   */
  readonly table: StatementTable;
  readonly principalTests: readonly PrincipalTest[];
  /** The same tests over a caller's interned ids (`principals.bits(p, ids)`), for the decision path. */
  readonly principals: PrincipalTests;
  /** Lower-cased context key → slot. */
  readonly slots: Map<string, number>;
  readonly nodeCount: number;
  /** Each node's test (principal nodes answer 1; their test is `principalTests`), for explanations. */
  readonly nodeTests: readonly NodeTest[];
}

const NONE: readonly CompiledStatement[] = Object.freeze([]);

export function compileGraph(graph: DecisionGraph): CompiledGraph {
  const slots = new Map<string, number>();
  const slotOf = (key: string): number => {
    const k = key.toLowerCase();
    let s = slots.get(k);
    if (s === undefined) slots.set(k, (s = slots.size));
    return s;
  };
  const principalIndex: number[] = [];
  const principalNodes: PrincipalNode[] = [];
  const tests: NodeTest[] = graph.nodes.map((node, id) => {
    if (node.kind === "condition") return compileCondition(node, id, slotOf);
    if (node.kind === "resource") return compileResource(node, id, slotOf);
    principalIndex[id] = principalNodes.length;
    principalNodes.push(node);
    return () => 1;
  });
  const principals = new PrincipalTests(principalNodes);
  // PERF: the tests whose answer is known without a request (`Resource: "*"`) are left out of statements.
  const constants = graph.nodes.map((node): Tri | undefined => (node.kind === "resource" ? constantResource(node) : undefined));
  const statements = graph.statements.map((s, id) => compileStatement(graph, s, id, tests, constants, principalIndex));
  const actionIndex = new Map(graph.actions.map((a, i) => [a.name.toLowerCase(), i] as const));
  const plans = graph.policies.map((policy): PolicyPlan => {
    const deny: (readonly CompiledStatement[])[] = graph.actions.map(() => NONE);
    const allow: (readonly CompiledStatement[])[] = graph.actions.map(() => NONE);
    for (const [name, lists] of Object.entries(policy.byAction)) {
      const a = actionIndex.get(name.toLowerCase())!;
      deny[a] = lists.deny.map((i) => statements[i]!);
      allow[a] = lists.allow.map((i) => statements[i]!);
    }
    return { deny, allow };
  });
  const table = buildStatementTable(plans, statements, graph.actions.length);
  return { graph, actions: graph.actions, actionIndex, plans, table, principalTests: principals.tests, principals, slots, nodeCount: graph.nodes.length, nodeTests: tests };
}

function compileStatement(
  graph: DecisionGraph, s: GraphStatement, id: number, tests: readonly NodeTest[], constants: readonly (Tri | undefined)[], principalIndex: readonly number[],
): CompiledStatement {
  const allow = s.effect === "Allow";
  const fail = allow ? 2 : 3; // an Allow fails on 0 or 2 (undecidable); a Deny only on 0 (3: never)
  const never = s.tests.some((n) => constants[n] === 0 || constants[n] === fail);
  const own = s.tests.filter((n) => constants[n] === undefined).map((n) => tests[n]!);
  const test: NodeTest = never ? () => 0 : own.length === 1 ? own[0]! : allHold(own, fail);
  const layer = graph.policies[s.policy]!.layer;
  const base = {
    policy: graph.policies[s.policy]!.location,
    statement: s.statement,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    ...(s.span !== undefined ? { span: s.span } : {}),
  };
  // A layer's statement names its layer (docs/request-model.md "Reasons").
  const reason = (path: string): Reason => Object.freeze(layer === undefined ? { ...base, path } : { ...base, path, layer });
  return {
    id,
    allow,
    principal: s.principal === undefined ? -1 : principalIndex[s.principal]!,
    always: !never && own.length === 0,
    test,
    fail,
    reason: { deny: reason("deny"), "key-direct": reason("key-direct"), "key-account": reason("key-account"), identity: reason("identity") },
  };
}

/**
 * 1 when all of `tests` hold (none answers 0 or `fail`), else 0; for statements of no test or several
 * (one test is run as itself). PERF: statements of two tests get a closure over them, without the array.
 */
function allHold(tests: readonly NodeTest[], fail: number): NodeTest {
  if (tests.length === 0) return () => 1;
  const t0 = tests[0]!;
  const t1 = tests[1]!;
  if (tests.length === 2) return (st) => {
    const t = t0(st);
    if (t === 0 || t === fail) return 0;
    const u = t1(st);
    return u !== 0 && u !== fail ? 1 : 0;
  };
  return (st) => {
    for (let i = 0; i < tests.length; i++) {
      const t = tests[i]!(st);
      if (t === 0 || t === fail) return 0;
    }
    return 1;
  };
}
