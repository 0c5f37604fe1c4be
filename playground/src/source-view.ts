// The pasted text with its diagnostics inline: line numbers, each span marked where it is (an empty
// span as a caret), and under the line where a span starts, its code, message and help.
// Produces markup; every piece of text is escaped.
import type { Severity } from "@kms-cedar/grammar";
import { LineIndex } from "@kms-cedar/compiler/render";
import type { PlacedDiagnostic } from "./analyze-input.js";
import { escapeHtml } from "@kms-cedar/compiler/render";

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Markup of the annotated source (a `<div class="source">` of line rows). */
export function renderSourceView(text: string, diagnostics: readonly PlacedDiagnostic[]): string {
  const index = new LineIndex(text);
  const rows: string[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    rows.push(`<div class="line"><span class="number">${line}</span><span class="code">${markLine(text, start, end, diagnostics)}</span></div>`);
    for (const d of diagnostics) {
      if (d.line !== line) continue;
      const help = d.help !== undefined ? `<span class="help">help: ${escapeHtml(d.help)}</span>` : "";
      rows.push(`<div class="inline-diagnostic ${d.severity}" data-code="${escapeHtml(d.code)}" style="--column:${d.column - 1}">`
        + `<span class="where">${line}:${d.column}</span> <span class="code-name">${d.severity}[${escapeHtml(d.code)}]</span> `
        + `${escapeHtml(d.message)}${help}</div>`);
    }
  }
  return `<div class="source">${rows.join("")}</div>`;
}

/** `text[start, end)` with every diagnostic span over it marked, and carets for empty spans in it. */
function markLine(text: string, start: number, end: number, diagnostics: readonly PlacedDiagnostic[]): string {
  const cuts = new Set([start, end]);
  const carets = new Map<number, PlacedDiagnostic[]>();
  for (const d of diagnostics) {
    const { start: from, end: to } = d.span;
    if (from === to) {
      if (from >= start && from <= end) carets.set(from, [...(carets.get(from) ?? []), d]);
    } else if (from < end && to > start) {
      cuts.add(Math.max(from, start));
      cuts.add(Math.min(to, end));
    } else if (from === end && end === start) {
      carets.set(from, [...(carets.get(from) ?? []), d]); // a span starting on an empty line
    }
  }
  for (const at of carets.keys()) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  points.forEach((at, i) => {
    const caret = carets.get(at);
    if (caret !== undefined) out.push(`<span class="caret ${worst(caret)}" data-codes="${codes(caret)}" title="${titles(caret)}"></span>`);
    const next = points[i + 1];
    if (next === undefined || next === at) return;
    const piece = escapeHtml(text.slice(at, next));
    const over = diagnostics.filter((d) => d.span.start < d.span.end && d.span.start <= at && d.span.end >= next);
    out.push(over.length === 0 ? piece : `<mark class="${worst(over)}" data-codes="${codes(over)}" title="${titles(over)}">${piece}</mark>`);
  });
  return out.join("");
}

function worst(list: readonly PlacedDiagnostic[]): Severity {
  return list.reduce<Severity>((w, d) => (RANK[d.severity] > RANK[w] ? d.severity : w), "info");
}

function codes(list: readonly PlacedDiagnostic[]): string {
  return escapeHtml([...new Set(list.map((d) => d.code))].join(" "));
}

function titles(list: readonly PlacedDiagnostic[]): string {
  return escapeHtml(list.map((d) => `${d.code}: ${d.message}`).join("\n"));
}
