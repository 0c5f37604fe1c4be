// The diff view's result panel: "equivalent", or each change class (from → to, who, which actions and
// keys, the condition region, the witness request and how each engine decides it in OLD and NEW), or
// the analysis's refusal (KA code) as a diagnostic. Markup only; main.ts wires it.
import { escapeHtml } from "@kms-cedar/compiler/render";
import type { ClassView, DiffView, WitnessCheck } from "./diff-versions.js";

const TITLES = { reference: "Reference", graph: "Decision graph", cedar: "Cedar" } as const;

/** The one-line status above the classes, and its tone (`ok`, `warning`, `error`). */
export function diffSummary(view: DiffView): { text: string; tone: "ok" | "warning" | "error" } {
  if (view.status === "not-compiled") return { text: view.reason, tone: "error" };
  if (view.status === "refused") return { text: `refused (${view.refusal.code}): the analysis cannot decide this pair exactly`, tone: "error" };
  const decided = `${view.regions.toLocaleString("en-US")} request classes decided in ${view.ms} ms`;
  if (view.equivalent) return { text: `equivalent: no request changes decision (${decided})`, tone: "ok" };
  const gained = view.classes.filter((c) => c.newAccess).length;
  const n = view.totalClasses;
  return {
    text: `${n} change${n === 1 ? "" : "s"}${gained > 0 ? `, ${gained} granting new access` : ""} (${view.changedRegions.toLocaleString("en-US")} of ${decided})`,
    tone: gained > 0 ? "error" : "warning",
  };
}

/** The panel under the summary. */
export function renderDiff(view: DiffView): string {
  if (view.status === "not-compiled") return `<p class="empty">${escapeHtml(view.reason)}</p>`;
  if (view.status === "refused") {
    const r = view.refusal;
    return `<div class="refusal" data-code="${escapeHtml(r.code)}"><b>${escapeHtml(r.code)}</b> ${escapeHtml(r.meaning)}<p class="message">${escapeHtml(r.message)}</p>`
      + '<p class="message">The analysis refuses what it cannot decide exactly rather than guess (kms-cedar diff exits 2 with the same code).</p></div>';
  }
  const parts: string[] = [];
  if (view.unverified !== undefined) {
    parts.push(`<p class="unverified">Witnesses confirmed without every engine: ${escapeHtml(view.unverified)}.</p>`);
  }
  if (view.equivalent) parts.push('<p class="equivalent">OLD and NEW decide every request alike: a proof over the whole request space, not a sample.</p>');
  parts.push(...view.classes.map(renderClass));
  if (view.totalClasses > view.classes.length) parts.push(`<p class="empty">… and ${view.totalClasses - view.classes.length} more classes (kms-cedar diff lists them all).</p>`);
  return parts.join("");
}

const list = (items: readonly string[], max: number): string =>
  escapeHtml(items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} … (${items.length} in all)`);

function renderClass(c: ClassView, index: number): string {
  const when = c.condition.map((alt, i) => `<dt>${i === 0 ? "when" : "or"}</dt><dd>${escapeHtml(alt)}</dd>`).join("");
  return `<article class="change${c.newAccess ? " new-access" : ""}" data-from="${escapeHtml(c.from)}" data-to="${escapeHtml(c.to)}">`
    + `<h3><span class="outcome ${outcomeClass(c.from)}">${escapeHtml(c.from)}</span> → <span class="outcome ${outcomeClass(c.to)}">${escapeHtml(c.to)}</span>`
    + `${c.newAccess ? ' <span class="badge">new access</span>' : ""} <span class="regions">class ${index + 1}, ${c.regions} region${c.regions === 1 ? "" : "s"}</span></h3>`
    + `<dl><dt>principals</dt><dd>${list(c.principals, 4)}</dd><dt>actions</dt><dd>${list(c.actions, 8)}</dd><dt>keys</dt><dd>${list(c.resources, 3)}</dd>${when}</dl>`
    + `<details open><summary>witness request</summary><pre class="witness">${escapeHtml(c.witness)}</pre></details>`
    + `<table class="checks"><thead><tr><th>engine</th><th>OLD</th><th>NEW</th></tr></thead><tbody>${c.checks.map(renderCheck).join("")}</tbody></table>`
    + "</article>";
}

function renderCheck(k: WitnessCheck): string {
  if (k.unavailable !== undefined) return `<tr data-engine="${k.engine}"><td>${TITLES[k.engine]}</td><td colspan="2" class="unavailable">${escapeHtml(k.unavailable)}</td></tr>`;
  return `<tr data-engine="${k.engine}"><td>${TITLES[k.engine]}</td><td class="outcome ${outcomeClass(k.old ?? "")}">${escapeHtml(k.old ?? "")}</td><td class="outcome ${outcomeClass(k.new ?? "")}">${escapeHtml(k.new ?? "")}</td></tr>`;
}

const outcomeClass = (o: string): string => (o.startsWith("error:") ? "error-entry" : o);
