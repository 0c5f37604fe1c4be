// The human report of a run, in markdown on stdout: the verdict, the decision mix per base
// operator, qualifier, operator variant and KMS path, the laws, and the first failures with the
// command that replays each. Phase: conformance report.
import { BASE_OPERATOR_NAMES, QUALIFIERS, isValidVariant, operatorName } from "../arbitraries/operators.js";
import { EXPLANATION_LAWS, LAW_NAMES, METAMORPHIC_LAWS, DIFFERENTIAL_LAWS } from "../laws/all-laws.js";
import { NOT_SELECTED } from "./json-report.js";
import type { JsonReport, ReportRow } from "./json-report.js";

const fmt = (n: number): string => n.toLocaleString("en-US");
const pct = (part: number, whole: number): string => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`);

function table(title: string, rows: readonly [string, ReportRow][]): string[] {
  const out = [`| ${title} | cases | Allow | ExplicitDeny | ImplicitDeny | errors | divergences |`, "|---|---:|---:|---:|---:|---:|---:|"];
  for (const [name, r] of rows) {
    out.push(`| ${name} | ${fmt(r.cases)} | ${fmt(r.Allow)} | ${fmt(r.ExplicitDeny)} | ${fmt(r.ImplicitDeny)} | ${fmt(r.errors)} | ${r.divergences === 0 ? "0" : `**${fmt(r.divergences)}**`} |`);
  }
  return out;
}

/** Renders the markdown report; for `verify` and `corpus`, operators and variants with no case are left out. */
export function markdownReport(r: JsonReport, title = "kms-cedar conformance report"): string {
  const generated = r.command.startsWith("run");
  const lines: string[] = [`# ${title}`, ""];
  const engines = Object.entries(r.engines).map(([name, e]) => (e.note === NOT_SELECTED ? `${name} (${NOT_SELECTED})` : e.available ? `${name} (${fmt(e.cases)} cases${e.note ? `; ${e.note}` : ""})` : `${name}: **not available** (${e.note ?? "unknown"})`));
  lines.push(
    `- command: \`${r.command}\`${r.commandNote !== undefined ? ` (${r.commandNote})` : ""}, seed **${r.seed}**`,
    `- cases: **${fmt(r.cases)}** requests on ${fmt(r.bundles)} bundles (${fmt(r.rejectedBundles)} bundles rejected by the compiler${r.rejectedBundles > 0 ? `: ${Object.entries(r.rejectedReasons).map(([k, v]) => `${k} × ${v}`).join(", ")}` : ""})`,
    `- engines: ${engines.join("; ")}`,
    `- time: ${r.elapsedSeconds} s wall, **${fmt(r.casesPerSecond)} cases/s**; ${r.cpuSeconds} s CPU, ${fmt(r.casesPerCpuSecond)} cases per CPU second (every case decided by every available engine, bundles compiled and checked included)`,
    `- divergences: **${fmt(r.divergences)}**; law violations: **${fmt(r.lawViolations)}**`,
  );
  for (const [engine, reasons] of Object.entries(r.unavailable)) {
    for (const [reason, n] of Object.entries(reasons)) lines.push(`- ${engine} not available on ${fmt(n)} bundle(s): ${reason}`);
  }
  lines.push("");
  const verdict = r.divergences === 0 && r.lawViolations === 0
    ? "**Verdict: no divergence.** Every engine decided every case as the reference evaluator did, and every law held."
    : `**Verdict: ${fmt(r.divergences)} divergent case(s), ${fmt(r.lawViolations)} law violation(s).** See the failures below.`;
  lines.push(verdict, "");
  const d = r.decisions;
  lines.push("## Decision mix (reference evaluator)", "",
    `Allow ${fmt(d.Allow)} (${pct(d.Allow, d.cases)}), ExplicitDeny ${fmt(d.ExplicitDeny)} (${pct(d.ExplicitDeny, d.cases)}), ImplicitDeny ${fmt(d.ImplicitDeny)} (${pct(d.ImplicitDeny, d.cases)}), request errors ${fmt(d.errors)} (${pct(d.errors, d.cases)}: ${Object.entries(r.requestErrors).sort().map(([k, v]) => `${k} × ${fmt(v)}`).join(", ") || "none"}).`, "");
  lines.push("## Base operators (spec §2.1)", "", "Each case is counted under the operator its bundle was built around (`run`) or under every operator in play for its action (`verify`, `corpus`).", "");
  lines.push(...table("operator", BASE_OPERATOR_NAMES.filter((o) => generated || r.operators[o].cases > 0).map((o) => [o, r.operators[o]])), "");
  lines.push("## Qualifiers × IfExists", "", ...table("qualifier", Object.entries(r.qualifiers)), "");
  lines.push("## Operator variants reached (cases)", "", "`—`: not a valid operator (`Null` takes neither `IfExists` nor a qualifier: KC2091, KC2092).", "");
  lines.push("| operator | plain | IfExists | ForAnyValue: | ForAnyValue: IfExists | ForAllValues: | ForAllValues: IfExists |", "|---|---:|---:|---:|---:|---:|---:|");
  for (const base of BASE_OPERATOR_NAMES) {
    if (!generated && r.operators[base].cases === 0) continue;
    const cells = QUALIFIERS.flatMap((qualifier) => [false, true].map((ifExists) => {
      const v = { base, qualifier, ifExists };
      if (!isValidVariant(v)) return "—";
      const c = r.variants[operatorName(v)]?.cases ?? 0;
      return c === 0 ? "**0**" : fmt(c);
    }));
    lines.push(`| ${base} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push("## KMS paths (docs/request-model.md, spec §5.3–§5.5)", "", ...table("path", Object.entries(r.kmsPaths).filter(([, x]) => x.cases > 0)), "");
  lines.push("## Generator families (issue 10)", "",
    "A request counts under every family it belongs to (run/families.ts). Malformed shapes and strings that are not well-formed Unicode must be request errors in every engine; RetireGrant is never allowed by a policy alone (spec §5.4).", "",
    ...table("family", Object.entries(r.families ?? {})), "");
  lines.push("## Layers of the authorization chain (issue 12)", "",
    "A request counts under every layer its bundle has (the endpoint: only requests sent through it, with `aws:SourceVpce`); docs/semantics/ gives each layer's rules.", "",
    ...table("layer", Object.entries(r.layers ?? {})), "");
  lines.push("Allows reached via (reason paths of the reference): " + (Object.entries(r.allowVia).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} × ${fmt(v)}`).join(", ") || "none"), "");
  lines.push("## Laws", "", "| law | sentence | checked | skipped | violations |", "|---|---|---:|---:|---:|");
  const sentences = new Map([...DIFFERENTIAL_LAWS, ...METAMORPHIC_LAWS, ...EXPLANATION_LAWS].map((l) => [l.name, l.sentence]));
  for (const name of LAW_NAMES) {
    const t = r.laws[name]!;
    lines.push(`| \`${name}\` | ${sentences.get(name)} | ${fmt(t.checked)} | ${fmt(t.skipped)} | ${t.violations === 0 ? "0" : `**${fmt(t.violations)}**`} |`);
  }
  lines.push("");
  if (r.failures.length > 0) {
    lines.push("## First failures", "");
    for (const f of r.failures) {
      lines.push(`- \`${f.law}\` (${f.engine}, ${f.focus}): ${f.message}`, `  - request: \`${JSON.stringify(f.request)}\``, `  - replay: \`${f.replay}\``);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
