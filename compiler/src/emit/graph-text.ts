// The canonical text form of a decision graph, for golden tests and people: one line per policy,
// node and statement, then each policy's action index grouped by identical Deny/Allow lists.
// Byte-stable for a given graph. Phase: emit.
import type { DecisionGraph, GraphNode, Origin, Span } from "@kms-cedar/runtime";
import { valuesText } from "./value-text.js";

export function emitGraphText(graph: DecisionGraph): string {
  const out: string[] = [`${graph.format} v${graph.version}`];
  const consulted = graph.actions.filter((a) => a.keyPolicy).length;
  const cross = graph.actions.filter((a) => a.crossAccount).length;
  out.push(`actions ${graph.actions.length} (key policy consulted for ${consulted}, cross-account ${cross})`);
  graph.policies.forEach((p, i) => out.push(`policy p${i} ${p.kind} ${p.location}${p.file !== undefined ? ` file=${p.file}` : ""}`));
  for (const [arn, p] of Object.entries(graph.keys)) out.push(`key ${arn} -> p${p}`);
  for (const [arn, list] of Object.entries(graph.principals)) out.push(`principal ${arn} -> [${list.map((p) => `p${p}`).join(", ")}]`);
  graph.nodes.forEach((n, i) => out.push(`node n${i} ${nodeText(n)} ${origins(n.origin)}`));
  graph.statements.forEach((s, i) => {
    const who = s.principal !== undefined ? ` principal=n${s.principal}` : "";
    const sid = s.sid !== undefined ? ` sid=${JSON.stringify(s.sid)}` : "";
    out.push(`statement s${i} p${s.policy}#${s.statement}${sid} ${s.effect}${who} tests=[${s.tests.map((t) => `n${t}`).join(", ")}]${s.span ? ` @${at(s.span)}` : ""}`);
    out.push(`  actions ${s.actions.map((a) => a.replace(/^kms:/, "")).join(" ")}`);
  });
  graph.policies.forEach((p, i) => {
    const groups = new Map<string, string[]>();
    for (const [action, lists] of Object.entries(p.byAction)) {
      const key = `deny=[${lists.deny.map((s) => `s${s}`).join(", ")}] allow=[${lists.allow.map((s) => `s${s}`).join(", ")}]`;
      groups.set(key, [...(groups.get(key) ?? []), action.replace(/^kms:/, "")]);
    }
    for (const [key, actions] of groups) out.push(`index p${i} ${key}: ${actions.join(" ")}`);
  });
  return out.join("\n") + "\n";
}

/** One node in words: `condition StringEquals aws:resourcetag/project ["Alpha"]`. */
export function nodeText(n: GraphNode): string {
  switch (n.kind) {
    case "principal":
      return `principal${n.any ? " *" : ""} aws=${JSON.stringify(n.aws)} service=${JSON.stringify(n.service)}`;
    case "resource":
      return `${n.keyPolicy === true ? "key-policy " : ""}${n.negated ? "NotResource" : "Resource"} ${valuesText(n.patterns)}`;
    case "condition": {
      const op = `${n.qualifier !== undefined ? `${n.qualifier}:` : ""}${n.base}${n.ifExists ? "IfExists" : ""}`;
      return `condition ${op} ${n.key} ${valuesText(n.values)}`;
    }
  }
}

function at(span: Span): string {
  return span.line !== undefined ? `${span.line}:${span.column}` : `${span.start}-${span.end}`;
}

function origins(list: readonly Origin[]): string {
  return list.map((o) => `@p${o.policy}:${at(o.span)}`).join(" ");
}
