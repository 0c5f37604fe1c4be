// The decision graph as Graphviz DOT, for people: one cluster per policy with its statements
// (green Allow, red Deny), shared test nodes outside, edges from statements to the tests they use.
// Phase: emit. Render with `dot -Tsvg graph.dot`.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { nodeText } from "./graph-text.js";

export function emitDot(graph: DecisionGraph): string {
  const q = (text: string): string => JSON.stringify(text);
  const out = ["digraph decision {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=10];"];
  graph.policies.forEach((p, i) => {
    out.push(`  subgraph cluster_p${i} {`, `    label=${q(`${p.kind} ${p.location}`)};`);
    graph.statements.forEach((s, id) => {
      if (s.policy !== i) return;
      const label = `#${s.statement}${s.sid !== undefined ? ` ${s.sid}` : ""}\\n${s.effect} ${s.actions.length} action(s)`;
      const color = s.effect === "Allow" ? "palegreen" : "lightpink";
      out.push(`    s${id} [shape=box, style=filled, fillcolor=${color}, label=${q(label).replace(/\\\\n/g, "\\n")}];`);
    });
    out.push("  }");
  });
  graph.nodes.forEach((n, i) => out.push(`  n${i} [shape=ellipse, label=${q(nodeText(n))}];`));
  graph.statements.forEach((s, id) => {
    if (s.principal !== undefined) out.push(`  s${id} -> n${s.principal} [style=dashed];`);
    for (const t of s.tests) out.push(`  s${id} -> n${t};`);
  });
  out.push("}", "");
  return out.join("\n");
}
