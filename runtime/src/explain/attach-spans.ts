// Adds source spans to an explanation that has none (the reference evaluator reads plain JSON and
// knows no positions) from a decision graph compiled from the same bundle: the statement's span and
// the span of its principal, resource or condition test. Presentation only (docs/explain.md).
import type { Reason } from "../contracts.js";
import type { DecisionGraph, GraphStatement } from "../graph/graph-types.js";
import type { Span } from "../span.js";
import type { ClosestStatement, Explanation, ExplainedTest, ExplanationResult } from "./explanation.js";

/** The same explanation, with spans wherever the graph knows them and the explanation did not. */
export function attachSpans(result: ExplanationResult, graph: DecisionGraph): ExplanationResult {
  if ("error" in result) return result;
  if ("checks" in result) return { ...result, checks: result.checks.map((c) => attachOne(c, graph)) };
  return attachOne(result, graph);
}

function attachOne(e: Explanation, graph: DecisionGraph): Explanation {
  const byName = new Map<string, GraphStatement>();
  for (const s of graph.statements) byName.set(`${s.statement} ${graph.policies[s.policy]!.location}`, s);
  const find = (policy: string, statement: number): GraphStatement | undefined => byName.get(`${statement} ${policy}`);
  const reason = (r: Reason): Reason => {
    const span = r.span ?? find(r.policy, r.statement)?.span;
    return span === undefined ? r : { ...r, span };
  };
  const closest = (c: ClosestStatement): ClosestStatement => {
    const s = find(c.policy, c.statement);
    if (s === undefined) return c;
    const span = c.span ?? s.span;
    const failedSpan = c.failed === undefined ? undefined : c.failed.span ?? testSpan(graph, s, c.failed.test);
    return {
      ...c, ...(span !== undefined ? { span } : {}),
      ...(c.failed !== undefined ? { failed: { ...c.failed, ...(failedSpan !== undefined ? { span: failedSpan } : {}) } } : {}),
    };
  };
  return {
    ...e,
    reasons: e.reasons.map(reason),
    ...(e.closest !== undefined ? { closest: { key: e.closest.key.map(closest), identity: e.closest.identity.map(closest) } } : {}),
  };
}

/** The span of one test of statement `s`: the origin of its node that lies in the statement. */
function testSpan(graph: DecisionGraph, s: GraphStatement, test: ExplainedTest): Span | undefined {
  const nodes = [...s.tests, ...(s.principal !== undefined ? [s.principal] : [])];
  const node = nodes.map((n) => graph.nodes[n]!).find((n) => {
    if (test.kind === "principal") return n.kind === "principal";
    if (test.kind === "resource") return n.kind === "resource";
    if (test.kind !== "condition" || n.kind !== "condition") return false;
    const operator = `${n.qualifier !== undefined ? `${n.qualifier}:` : ""}${n.base}${n.ifExists ? "IfExists" : ""}`;
    return operator === test.operator && n.key === test.key;
  });
  const inside = node?.origin.find((o) => o.policy === s.policy && (s.span === undefined || (o.span.start >= s.span.start && o.span.end <= s.span.end)));
  return inside?.span;
}
