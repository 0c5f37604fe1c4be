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
  graph.policies.forEach((p, i) => out.push(`policy p${i} ${p.kind}${p.layer !== undefined ? ` layer=${p.layer}` : ""} ${p.location}${p.file !== undefined ? ` file=${p.file}` : ""}`));
  for (const [arn, p] of Object.entries(graph.keys)) out.push(`key ${arn} -> p${p}`);
  for (const [arn, list] of Object.entries(graph.principals)) out.push(`principal ${arn} -> [${list.map((p) => `p${p}`).join(", ")}]`);
  if (graph.layers !== undefined) out.push(...layerLines(graph.layers));
  if (graph.droppedPrincipals !== undefined) out.push(`dropped principals ${JSON.stringify(graph.droppedPrincipals)}`);
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

/** The `layers` member (docs/graph-format.md "Layers"), one line per entry, in graph order. */
function layerLines(layers: NonNullable<DecisionGraph["layers"]>): string[] {
  const out: string[] = [];
  const ps = (list: readonly number[] | undefined): string => (list === undefined ? "FullAWSAccess" : `[${list.map((p) => `p${p}`).join(", ")}]`);
  const org = layers.organization;
  if (org !== undefined) {
    if (org.managementAccount !== undefined) out.push(`management ${org.managementAccount}`);
    for (const [account, levels] of Object.entries(org.accounts)) {
      out.push(`account ${account} -> ${levels.map((l) => `${l.location} scps=${ps(l.scps)} rcps=${ps(l.rcps)}`).join(" / ")}`);
    }
  }
  for (const [arn, e] of Object.entries(layers.principals)) {
    const parts = [
      ...(e.boundary !== undefined ? [`boundary=p${e.boundary}`] : []),
      ...(e.sessionPolicies !== undefined ? [`sessionPolicies=${ps(e.sessionPolicies)}`] : []),
      ...(e.federatedBy !== undefined ? [`federatedBy=${e.federatedBy}`] : []),
    ];
    out.push(`layers ${arn} ${parts.join(" ")}`);
  }
  for (const [id, e] of Object.entries(layers.endpoints ?? {})) out.push(`endpoint ${id} -> p${e.policy}${e.vpc !== undefined ? ` vpc=${e.vpc}` : ""}`);
  for (const [arn, k] of Object.entries(layers.keys)) {
    if (k.awsManaged === true) out.push(`key ${arn} awsManaged`);
    for (const g of k.grants ?? []) out.push(`grant ${arn} ${JSON.stringify(g)}`);
  }
  return out;
}
