// Emits the explanation probes of a decision graph (docs/explain.md, runtime cedar-explain-index.ts):
// for every Allow statement the policy set carries, one permit per test — its scope (actions, key or
// attached policy), each principal term, the resource and each condition, printed exactly as the
// policy set prints them for an Allow — so the Cedar engine learns from Cedar which tests hold.
// Phase: emit; deterministic. Emitted only when an explanation is wanted (it doubles the policy text).
import type { CedarExplainIndex, DecisionGraph, ExplainStatementEntry, GraphStatement, Origin, Span } from "@kms-cedar/runtime";
import { EXPLAIN_FORMAT, EXPLAIN_VERSION } from "@kms-cedar/runtime";
import { CedarType, policyEntityId } from "@kms-cedar/runtime/cedar-names";
import { and, printExpr, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { entity } from "./cedar-literal.js";
import { ActionSets, keyResource } from "./assemble-policies.js";
import { emittedStatements } from "./emit-cedar.js";
import { emitPrincipal } from "./emit-principal.js";
import { emitTest } from "./emit-test.js";
import { planConditions } from "./plan-conditions.js";

/** The probe set and its index, as JSON text (what `createCedarAuthorizer` takes as `explain`). */
export function emitCedarProbes(graph: DecisionGraph): string {
  const statements = emittedStatements(graph);
  const used: number[] = [];
  const seen = new Set<number>();
  for (const s of statements) for (const n of s.tests) if (!seen.has(n)) used.push(n), seen.add(n);
  // INVARIANT: the same plan as emitCedar's (a pure function of the graph and the used nodes), so
  // every view a probe reads is declared in the schema.
  const plan = planConditions(graph, used);
  const actions = new ActionSets(graph);
  const texts: string[] = [];
  const entries: ExplainStatementEntry[] = [];
  let next = 0;
  for (const s of statements) {
    if (s.effect !== "Allow") continue;
    const policy = graph.policies[s.policy]!;
    let head: string;
    let guard: Expr = TRUE;
    let principal: { direct: Expr; account: Expr } | undefined;
    if (policy.kind === "identity") {
      head = `permit (principal in ${entity(CedarType.policy, policyEntityId(policy.location))}, ${actions.scope(s.actions)}, resource)`;
    } else {
      const keyArns = Object.keys(graph.keys).filter((arn) => graph.keys[arn] === s.policy);
      const onKeys = keyResource(keyArns);
      head = `permit (principal, ${actions.scope(s.actions.filter((a) => actions.keyPolicy.has(a)))}, ${onKeys.scope})`;
      guard = onKeys.test;
      principal = emitPrincipal(graph.nodes[s.principal!] as Parameters<typeof emitPrincipal>[0]);
    }
    const probe = (test: Expr): string => {
      const id = `probe-${next++}`;
      const body = and(guard, test);
      texts.push(`@id("${id}")\n${head}${body === TRUE ? "" : `\nwhen { ${printExpr(body)} }`};`);
      return id;
    };
    const tests: { test: ExplainStatementEntry["tests"][number]["test"]; probe?: string; span?: Span }[] = [];
    const resource = s.tests.find((n) => graph.nodes[n]!.kind === "resource");
    const resourceSpan = resource === undefined ? undefined : spanIn(graph.nodes[resource]!.origin, s);
    tests.push({
      test: { kind: "resource" },
      ...(resource === undefined ? {} : { probe: probe(emitTest(plan.strategies.get(resource)!, "Allow", plan.views)) }),
      ...(resourceSpan !== undefined ? { span: resourceSpan } : {}),
    });
    for (const n of s.tests) {
      const node = graph.nodes[n]!;
      if (node.kind !== "condition") continue;
      const span = spanIn(node.origin, s);
      const operator = `${node.qualifier !== undefined ? `${node.qualifier}:` : ""}${node.base}${node.ifExists ? "IfExists" : ""}`;
      tests.push({ test: { kind: "condition", operator, key: node.key }, probe: probe(emitTest(plan.strategies.get(n)!, "Allow", plan.views)), ...(span !== undefined ? { span } : {}) });
    }
    const principalSpan = s.principal === undefined ? undefined : spanIn(graph.nodes[s.principal]!.origin, s);
    entries.push({
      policy: policy.location,
      statement: s.statement,
      ...(s.sid !== undefined ? { sid: s.sid } : {}),
      ...(s.span !== undefined ? { span: s.span } : {}),
      side: policy.kind,
      action: probe(TRUE),
      ...(principal !== undefined ? { direct: probe(principal.direct), account: probe(principal.account) } : {}),
      ...(principalSpan !== undefined ? { principalSpan } : {}),
      tests,
    });
  }
  const index: CedarExplainIndex = { format: EXPLAIN_FORMAT, version: EXPLAIN_VERSION, policies: texts.join("\n\n"), statements: entries };
  return `${JSON.stringify(index)}\n`;
}

/** The origin of a (hash-consed) node that lies in statement `s`. */
function spanIn(origins: readonly Origin[], s: GraphStatement): Span | undefined {
  return origins.find((o) => o.policy === s.policy && (s.span === undefined || (o.span.start >= s.span.start && o.span.end <= s.span.end)))?.span;
}


