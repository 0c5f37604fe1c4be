// Renders the diagnostic registry as a Markdown table, for the README (every code, kept in step with
// the registry by a test: `UPDATE_DOCS=1 npx vitest run compiler/test/docs` rewrites it).
import { DIAGNOSTIC_REGISTRY } from "../diagnostics/registry.js";

const PHASES: readonly (readonly [string, string])[] = [
  ["KC1", "grammar (JSON syntax and limits)"],
  ["KC20", "policy checks: document and elements"],
  ["KC21", "policy checks: conditions"],
  ["KC29", "bundles, requests and input files"],
  ["KC3", "Cedar cannot express this"],
  ["KC9", "internal errors (a bug: please report it)"],
];

function phaseOf(code: string): string {
  return PHASES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "other";
}

function cell(text: string | undefined): string {
  return (text ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** One table per phase: code, severity, slug, what it means and what to do. */
export function renderDiagnosticsTable(): string {
  const out: string[] = [];
  let phase = "";
  for (const info of DIAGNOSTIC_REGISTRY) {
    const next = phaseOf(info.code);
    if (next !== phase) {
      phase = next;
      out.push("", `**${phase}**`, "", "| code | severity | slug | meaning | help |", "|---|---|---|---|---|");
    }
    out.push(`| ${info.code} | ${info.severity} | \`${info.slug}\` | ${cell(info.summary)} | ${cell(info.help)} |`);
  }
  return out.join("\n").trim() + "\n";
}
