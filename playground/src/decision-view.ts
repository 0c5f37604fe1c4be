// The decision columns: one per engine with its decision (or error entry, or why it is unavailable),
// the statements that decided, and whether it agrees with the reference evaluator.
import type { DecisionResult } from "@kms-cedar/runtime";
import type { EngineAnswer } from "./decide-engines.js";
import { escapeHtml } from "@kms-cedar/compiler/render";

const TITLES = { reference: "Reference", graph: "Decision graph", cedar: "Cedar" } as const;

/** Markup of the three columns. */
export function renderDecisions(answers: readonly EngineAnswer[]): string {
  return `<div class="columns">${answers.map(column).join("")}</div>`;
}

function column(answer: EngineAnswer): string {
  const agreement = answer.agrees === undefined ? "" : answer.agrees
    ? '<span class="agree yes">agrees with the reference</span>'
    : '<span class="agree no">DISAGREES with the reference</span>';
  return `<div class="engine" data-engine="${answer.engine}"><h3>${TITLES[answer.engine]}</h3>${body(answer)}${agreement}</div>`;
}

function body(answer: EngineAnswer): string {
  if (answer.result === undefined) return `<p class="unavailable">${escapeHtml(answer.unavailable ?? "not available")}</p>`;
  return result(answer.result);
}

function result(result: DecisionResult): string {
  if ("error" in result) {
    return `<p class="decision error-entry" data-decision="error">error ${escapeHtml(result.error.code)}</p><p class="message">${escapeHtml(result.error.message)}</p>`;
  }
  const reasons = result.reasons.map((r) => {
    const sid = r.sid !== undefined ? ` ${escapeHtml(r.sid)}` : "";
    return `<li class="${r.effect.toLowerCase()}"><b>${r.effect}</b> #${r.statement}${sid}<br><span class="location">${escapeHtml(r.policy)}</span></li>`;
  });
  return `<p class="decision ${result.decision}" data-decision="${result.decision}">${result.decision}</p>`
    + (reasons.length > 0 ? `<ul class="reasons">${reasons.join("")}</ul>` : '<p class="message">no statement applies</p>');
}
