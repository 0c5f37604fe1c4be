// The graph evaluator's explanation of a decision (docs/explain.md): after the decision, for an
// ImplicitDeny, each Allow statement the graph indexes under the request's action is run test by
// test with the compiled node tests (principal, then the statement's tests: resource, conditions in
// source order; a `"Resource": "*"` the compiler dropped counts as a passed test).
import type { Decision, Request } from "../contracts.js";
import { closestOf } from "../explain/explanation.js";
import type { ClosestStatement, Explanation, ExplainedTest, SeenValue } from "../explain/explanation.js";
import type { ConditionNode, GraphStatement, Origin } from "../graph/graph-types.js";
import type { Span } from "../span.js";
import type { CompiledGraph, CompiledStatement } from "./compile-graph.js";
import { principalBits, type Caller } from "./decide-kms.js";
import type { EvalState } from "./eval-state.js";

/** What the explanation needs of one loaded request (the state holds its context). */
export interface LoadedRequest {
  /** The request's principal and resource, as the load read them (once). */
  readonly principal: string;
  readonly resource: string;
  readonly caller: Caller;
  /** Action index. */
  readonly a: number;
  /** The key policy consulted for the request, or -1 (IAM-only requests). */
  readonly keyPolicy: number;
}

/** Explains `decision`, which the graph evaluator just gave for `loaded` (the state is still loaded). */
export function explainGraphDecision(cg: CompiledGraph, st: EvalState, loaded: LoadedRequest, decision: Decision): Explanation {
  if (decision.decision !== "ImplicitDeny") return { decision: decision.decision, reasons: decision.reasons };
  const walk = (list: readonly CompiledStatement[]): ClosestStatement[] => list.map((s) => walkStatement(cg, st, loaded, s));
  const key = loaded.keyPolicy < 0 ? [] : walk(cg.plans[loaded.keyPolicy]!.allow[loaded.a]!);
  const identity = loaded.caller.identity.flatMap((p) => walk(cg.plans[p]!.allow[loaded.a]!));
  // An ImplicitDeny a ceiling caused keeps its `no-allow` reason naming the layer (docs/request-model.md "Reasons").
  return { decision: "ImplicitDeny", reasons: decision.reasons, closest: { key: closestOf(key), identity: closestOf(identity) } };
}

function walkStatement(cg: CompiledGraph, st: EvalState, loaded: LoadedRequest, compiled: CompiledStatement): ClosestStatement {
  const s = cg.graph.statements[compiled.id]!;
  const resourceNode = s.tests.find((n) => cg.graph.nodes[n]!.kind === "resource");
  const conditions = s.tests.filter((n) => cg.graph.nodes[n]!.kind === "condition");
  const total = 1 + (compiled.principal >= 0 ? 1 : 0) + 1 + conditions.length;
  const named = {
    policy: cg.graph.policies[s.policy]!.location,
    statement: s.statement,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    ...(s.span !== undefined ? { span: s.span } : {}),
  };
  const values = (text: string): SeenValue => ({ kind: "values", values: [text] });
  const fail = (passed: number, test: ExplainedTest, seen: SeenValue, node: number | undefined): ClosestStatement => {
    const span = node === undefined ? undefined : spanIn(cg.graph.nodes[node]!.origin, s);
    return { ...named, passed, tests: total, failed: { test, seen, ...(span !== undefined ? { span } : {}) } };
  };
  let passed = 1; // the action: the graph indexes the statement under the request's action
  if (compiled.principal >= 0) {
    const bits = principalBits(cg, st, loaded.caller, compiled.principal);
    if (bits === 0) return fail(passed, { kind: "principal" }, values(loaded.principal), s.principal);
    passed++;
  }
  // An Allow fails on false (0) and on undecidable (2), spec §0.2.
  if (resourceNode !== undefined && cg.nodeTests[resourceNode]!(st) !== 1) return fail(passed, { kind: "resource" }, values(loaded.resource), resourceNode);
  passed++;
  for (const n of conditions) {
    if (cg.nodeTests[n]!(st) !== 1) {
      const node = cg.graph.nodes[n] as ConditionNode;
      return fail(passed, { kind: "condition", operator: operatorName(node), key: node.key }, st.seen(cg.slots.get(node.key)), n);
    }
    passed++;
  }
  return { ...named, passed, tests: total };
}

/** The operator as written: qualifier, base, IfExists. */
export function operatorName(node: Pick<ConditionNode, "qualifier" | "base" | "ifExists">): string {
  return `${node.qualifier !== undefined ? `${node.qualifier}:` : ""}${node.base}${node.ifExists ? "IfExists" : ""}`;
}

/** The origin of a (hash-consed) node that lies in this statement. */
function spanIn(origins: readonly Origin[], s: GraphStatement): Span | undefined {
  const inside = origins.find((o) => o.policy === s.policy && (s.span === undefined || (o.span.start >= s.span.start && o.span.end <= s.span.end)));
  return inside?.span;
}
