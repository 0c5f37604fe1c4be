// Serializes a decision graph as `graph.json` (DESIGN §5): fields in a fixed order, one action,
// policy, node or statement per line, so files are byte-stable and diff well. Phase: emit.
import type { DecisionGraph, GraphNode, GraphPolicy, GraphStatement } from "@kms-cedar/runtime";
import { graphDigest } from "@kms-cedar/runtime";

/**
 * The graph as JSON text (ends with a newline), with its integrity digest computed afresh over the
 * canonical serialization (runtime/src/graph/graph-digest.ts). `readGraph` / `createAuthorizer` read it back.
 */
export function emitGraphJson(graph: DecisionGraph): string {
  const line = (value: unknown): string => JSON.stringify(value);
  const list = (items: readonly unknown[]): string =>
    items.length === 0 ? "[]" : `[\n${items.map((item) => `    ${line(item)}`).join(",\n")}\n  ]`;
  const map = (entries: readonly [string, unknown][]): string =>
    entries.length === 0 ? "{}" : `{\n${entries.map(([k, v]) => `    ${line(k)}: ${line(v)}`).join(",\n")}\n  }`;
  // The digest is taken over exactly what is written.
  const body = {
    format: graph.format,
    version: graph.version,
    actions: graph.actions.map((a) => ({ name: a.name, target: a.target, keyPolicy: a.keyPolicy, policyAllows: a.policyAllows, crossAccount: a.crossAccount })),
    policies: graph.policies.map(orderPolicy),
    keys: graph.keys,
    principals: graph.principals,
    nodes: graph.nodes.map(orderNode),
    statements: graph.statements.map(orderStatement),
    // docs/graph-format.md "Layers": only in the graph of a bundle with layers.
    ...(graph.layers !== undefined ? { layers: graph.layers } : {}),
    // docs/graph-format.md: only when the passes dropped a statement with a Principal.
    ...(graph.droppedPrincipals !== undefined ? { droppedPrincipals: graph.droppedPrincipals } : {}),
  };
  return [
    "{",
    `  "format": ${line(body.format)},`,
    `  "version": ${line(body.version)},`,
    `  "digest": ${line(graphDigest(body))},`,
    `  "actions": ${list(body.actions)},`,
    `  "policies": ${list(body.policies)},`,
    `  "keys": ${map(Object.entries(body.keys))},`,
    `  "principals": ${map(Object.entries(body.principals))},`,
    `  "nodes": ${list(body.nodes)},`,
    `  "statements": ${list(body.statements)}${body.layers !== undefined || body.droppedPrincipals !== undefined ? "," : ""}`,
    ...(body.layers !== undefined ? [`  "layers": ${JSON.stringify(body.layers, null, 2).replace(/\n/g, "\n  ")}${body.droppedPrincipals !== undefined ? "," : ""}`] : []),
    ...(body.droppedPrincipals !== undefined ? [`  "droppedPrincipals": ${list(body.droppedPrincipals)}`] : []),
    "}",
    "",
  ].join("\n");
}

function orderPolicy(p: GraphPolicy): GraphPolicy {
  return {
    location: p.location, kind: p.kind, owner: p.owner, ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.layer !== undefined ? { layer: p.layer } : {}),
    byAction: Object.fromEntries(Object.entries(p.byAction).map(([k, v]) => [k, { deny: v.deny, allow: v.allow }])),
  };
}

function orderNode(n: GraphNode): GraphNode {
  switch (n.kind) {
    case "principal":
      return { kind: n.kind, any: n.any, aws: n.aws, service: n.service, origin: n.origin };
    case "resource":
      return { kind: n.kind, negated: n.negated, patterns: n.patterns, ...(n.keyPolicy === true ? { keyPolicy: true } : {}), origin: n.origin };
    case "condition":
      return {
        kind: n.kind, ...(n.qualifier !== undefined ? { qualifier: n.qualifier } : {}), base: n.base, ifExists: n.ifExists,
        key: n.key, values: n.values, origin: n.origin,
      };
  }
}

function orderStatement(s: GraphStatement): GraphStatement {
  return {
    policy: s.policy, statement: s.statement, ...(s.sid !== undefined ? { sid: s.sid } : {}), effect: s.effect,
    ...(s.span !== undefined ? { span: s.span } : {}), actions: s.actions,
    ...(s.principal !== undefined ? { principal: s.principal } : {}), tests: s.tests,
  };
}
