// Lays out a decision graph for drawing: policies as boxes of statements on the left, the shared test
// nodes on the right ordered by the mean height of the statements that use them (one barycenter
// pass, so edges cross little), one edge per statement → test. Pure; the SVG is drawn elsewhere.
import type { DecisionGraph, GraphNode, GraphValue } from "@kms-cedar/runtime";

/** A box with its top-left corner and size, in SVG user units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidPolicy extends Box {
  /** Short: the kind and the resource part of the owner's ARN (`key/1111…`, `role/App [0]`). */
  readonly title: string;
  /** The bundle location, in full. */
  readonly location: string;
  readonly kind: "key" | "identity";
}

export interface LaidStatement extends Box {
  readonly index: number;
  readonly title: string;
  readonly detail: string;
  readonly effect: "Allow" | "Deny";
}

export interface LaidNode extends Box {
  readonly index: number;
  readonly title: string;
  readonly detail: string;
  readonly kind: GraphNode["kind"];
}

export interface LaidEdge {
  readonly from: number;
  readonly to: number;
  /** The principal test of a key-policy statement (drawn dashed). */
  readonly principal: boolean;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly policies: readonly LaidPolicy[];
  readonly statements: readonly LaidStatement[];
  readonly nodes: readonly LaidNode[];
  readonly edges: readonly LaidEdge[];
}

const PAD = 16;
const STATEMENT_WIDTH = 250;
const NODE_WIDTH = 300;
const ROW = 44;
const BOX = 36;
const POLICY_HEADER = 26;
const GAP = 140;

/** Positions of every policy, statement and node of `graph`. */
export function layoutGraph(graph: DecisionGraph): GraphLayout {
  const policies: LaidPolicy[] = [];
  const statements: LaidStatement[] = [];
  let y = PAD;
  graph.policies.forEach((policy, p) => {
    const top = y;
    y += POLICY_HEADER;
    graph.statements.forEach((s, index) => {
      if (s.policy !== p) return;
      const title = `#${s.statement}${s.sid !== undefined ? ` ${s.sid}` : ""}`;
      const detail = `${s.effect} · ${s.actions.length} action${s.actions.length === 1 ? "" : "s"}`;
      statements.push({ index, title, detail, effect: s.effect, x: PAD + 8, y, width: STATEMENT_WIDTH, height: BOX });
      y += ROW;
    });
    if (y === top + POLICY_HEADER) y += ROW; // a policy with no statements still gets a row
    const title = `${policy.kind === "key" ? "key policy" : "identity policy"} ${policyOwner(policy.owner, policy.location)}`;
    policies.push({ title, location: policy.location, kind: policy.kind, x: PAD, y: top, width: STATEMENT_WIDTH + 16, height: y - top });
    y += 12;
  });
  const edges: LaidEdge[] = [];
  graph.statements.forEach((s, index) => {
    if (s.principal !== undefined) edges.push({ from: index, to: s.principal, principal: true });
    for (const t of s.tests) edges.push({ from: index, to: t, principal: false });
  });
  const nodes = placeNodes(graph.nodes, statements, edges);
  const bottom = Math.max(y, ...nodes.map((n) => n.y + n.height + PAD));
  return { width: PAD + STATEMENT_WIDTH + 16 + GAP + NODE_WIDTH + PAD, height: bottom, policies, statements, nodes, edges };
}

/** Nodes in one column, sorted by the barycenter of their statements, then by index (stable). */
function placeNodes(graphNodes: readonly GraphNode[], statements: readonly LaidStatement[], edges: readonly LaidEdge[]): LaidNode[] {
  const centerOf = new Map(statements.map((s) => [s.index, s.y + s.height / 2]));
  const sums = graphNodes.map(() => ({ total: 0, count: 0 }));
  for (const edge of edges) {
    const sum = sums[edge.to];
    if (sum === undefined) continue;
    sum.total += centerOf.get(edge.from) ?? 0;
    sum.count++;
  }
  const order = graphNodes.map((_, i) => i).sort((a, b) => barycenter(sums[a]) - barycenter(sums[b]) || a - b);
  const x = PAD + STATEMENT_WIDTH + 16 + GAP;
  let y = PAD + POLICY_HEADER;
  return order.map((index) => {
    const node = graphNodes[index]!;
    const wanted = barycenter(sums[index]) - BOX / 2;
    y = Math.max(y, Number.isFinite(wanted) ? wanted : y);
    const laid: LaidNode = { index, kind: node.kind, ...nodeLabel(node), x, y, width: NODE_WIDTH, height: BOX };
    y += ROW;
    return laid;
  });
}

/** The resource part of an ARN (after its fifth colon), plus the policy index for identity policies. */
function policyOwner(owner: string, location: string): string {
  const parts = owner.split(":");
  const short = parts.length >= 6 ? parts.slice(5).join(":") : owner;
  const index = /\]\[(\d+)\]$/.exec(location)?.[1];
  return index !== undefined ? `${short} [${index}]` : short;
}

function barycenter(sum: { total: number; count: number } | undefined): number {
  return sum === undefined || sum.count === 0 ? Number.POSITIVE_INFINITY : sum.total / sum.count;
}

/** Two short lines for a node: what it tests, and the values. */
export function nodeLabel(node: GraphNode): { title: string; detail: string } {
  switch (node.kind) {
    case "principal": {
      const names = [...(node.any ? ["*"] : []), ...node.aws, ...node.service.map((s) => `service ${s}`)];
      return { title: "Principal", detail: names.join(", ") };
    }
    case "resource":
      return { title: node.negated ? "NotResource" : "Resource", detail: node.patterns.map(valueText).join(", ") };
    case "condition": {
      const op = `${node.qualifier !== undefined ? `${node.qualifier}:` : ""}${node.base}${node.ifExists ? "IfExists" : ""}`;
      return { title: `${op} ${node.key}`, detail: node.values.map(valueText).join(", ") };
    }
  }
}

function valueText(value: GraphValue): string {
  if (typeof value === "string") return value;
  return value.template
    .map((part) => ("text" in part ? part.text : "literal" in part ? part.literal : `\${${part.variable}}`))
    .join("");
}
