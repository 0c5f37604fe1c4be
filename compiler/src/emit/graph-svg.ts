// Draws a laid-out decision graph as SVG markup: policy boxes holding their statements (green Allow,
// red Deny), test nodes on the right, curved edges (dashed for a key-policy principal). Text that
// does not fit is cut with `…`; the whole text is in a <title> tooltip. The playground styles it with
// its page's CSS; `compile` writes graph.svg with the same look in an embedded <style>.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { layoutGraph, type GraphLayout, type LaidNode, type LaidStatement } from "./graph-layout.js";
import { escapeHtml } from "./escape-markup.js";

const CHAR_WIDTH = 6.6;

/** The look of a standalone picture (the playground's style.css says the same for the page). */
const STANDALONE_STYLE = [
  "svg.graph { font: 11px ui-monospace, \"DejaVu Sans Mono\", monospace; background: #fff; }",
  "svg.graph .policy rect { fill: #f3f5f9; stroke: #aab2c0; }",
  "svg.graph .policy.identity rect { fill: #f6f2fb; }",
  "svg.graph .policy-title { font-weight: 700; fill: #394257; }",
  "svg.graph .statement rect { stroke-width: 1.5; }",
  "svg.graph .statement.allow rect { fill: #dff3e5; stroke: #1f7a3a; }",
  "svg.graph .statement.deny rect { fill: #fde3e0; stroke: #b3261e; }",
  "svg.graph .node rect { fill: #fff; stroke: #6f7a90; }",
  "svg.graph .node.principal rect { fill: #eef3fb; }",
  "svg.graph .node.condition rect { fill: #fff8e6; }",
  "svg.graph .title { font-weight: 700; fill: #1d2330; }",
  "svg.graph .detail { fill: #4a5263; }",
  "svg.graph .edge { fill: none; stroke: #7c869a; stroke-width: 1.3; }",
  "svg.graph .edge.principal { stroke-dasharray: 5 4; }",
].join("\n");

/** graph.svg: the decision graph laid out and drawn as a standalone SVG file (no Graphviz needed). */
export function emitGraphSvg(graph: DecisionGraph): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderGraphSvg(layoutGraph(graph), { standalone: true })}\n`;
}

/** The SVG element (as markup) of `layout`; `standalone` embeds the style sheet. */
export function renderGraphSvg(layout: GraphLayout, options: { standalone?: boolean } = {}): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="decision graph">`,
    ...(options.standalone === true ? [`<style>\n${STANDALONE_STYLE}\n</style>`] : []),
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#667"/></marker></defs>',
  ];
  for (const p of layout.policies) {
    out.push(`<g class="policy ${p.kind}"><title>${escapeHtml(p.location)}</title>`,
      `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="8"/>`,
      text(p.x + 8, p.y + 17, p.title, p.width - 16, "policy-title"), "</g>");
  }
  const statements = new Map(layout.statements.map((s) => [s.index, s]));
  const nodes = new Map(layout.nodes.map((n) => [n.index, n]));
  for (const edge of layout.edges) {
    const from = statements.get(edge.from);
    const to = nodes.get(edge.to);
    if (from === undefined || to === undefined) continue;
    out.push(`<path class="edge${edge.principal ? " principal" : ""}" data-from="s${edge.from}" data-to="n${edge.to}" d="${curve(from, to)}" marker-end="url(#arrow)"/>`);
  }
  for (const s of layout.statements) {
    out.push(`<g class="statement ${s.effect.toLowerCase()}" data-statement="s${s.index}"><title>${escapeHtml(`${s.title}\n${s.detail}`)}</title>`,
      `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" rx="5"/>`,
      text(s.x + 8, s.y + 15, s.title, s.width - 16, "title"), text(s.x + 8, s.y + 29, s.detail, s.width - 16, "detail"), "</g>");
  }
  for (const n of layout.nodes) {
    out.push(`<g class="node ${n.kind}" data-node="n${n.index}"><title>${escapeHtml(`n${n.index} ${n.title}\n${n.detail}`)}</title>`,
      `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.height / 2}"/>`,
      text(n.x + 14, n.y + 15, n.title, n.width - 28, "title"), text(n.x + 14, n.y + 29, n.detail, n.width - 28, "detail"), "</g>");
  }
  out.push("</svg>");
  return out.join("\n");
}

function curve(from: LaidStatement, to: LaidNode): string {
  const x1 = from.x + from.width;
  const y1 = from.y + from.height / 2;
  const x2 = to.x;
  const y2 = to.y + to.height / 2;
  const bend = (x2 - x1) / 2;
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}

function text(x: number, y: number, content: string, width: number, className: string): string {
  return `<text x="${x}" y="${y}" class="${className}">${escapeHtml(fit(content, width))}</text>`;
}

/** `content` cut to about `width` units of text, with `…` when cut. */
export function fit(content: string, width: number): string {
  const max = Math.max(1, Math.floor(width / CHAR_WIDTH));
  const chars = Array.from(content);
  return chars.length <= max ? content : `${chars.slice(0, max - 1).join("")}…`;
}
