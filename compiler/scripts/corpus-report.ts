// Prints a Markdown report of checkPolicyText over the corpus: files clean / with warnings / with errors per
// kind, the most frequent codes, and one real example file per error code.
// Run: `node scripts/run-ts.js compiler/scripts/corpus-report.ts [corpus-dir]`. Identity and key policies
// only; the other kinds (SCPs, RCPs, trust, resource and VPC endpoint policies) are counted, not checked,
// because they are neither policy kind this compiler takes (their principals and elements differ).
import type { Diagnostic } from "@kms-cedar/grammar";
import { checkPolicyText } from "../src/checks/check-policy.js";
import { findDiagnosticInfo } from "../src/diagnostics/registry.js";
import { findCorpusDir, readCorpus } from "./corpus-files.js";

const dir = process.argv[2] ?? findCorpusDir();
if (dir === undefined) {
  process.stderr.write("no corpus found: pass its folder or set KMS_CEDAR_CORPUS\n");
  process.exit(2);
}

type Outcome = "clean" | "warnings" | "errors";
const outcome = (ds: readonly Diagnostic[]): Outcome =>
  ds.some((d) => d.severity === "error") ? "errors" : ds.some((d) => d.severity === "warning") ? "warnings" : "clean";

const table = new Map<string, Record<Outcome, number>>();
const codeCount = new Map<string, { diagnostics: number; files: Set<string> }>();
const example = new Map<string, { file: string; message: string }>();
const skipped = new Map<string, number>();

for (const entry of readCorpus(dir)) {
  if (entry.kind === undefined) {
    skipped.set(entry.manifestKind, (skipped.get(entry.manifestKind) ?? 0) + 1);
    continue;
  }
  const { diagnostics } = checkPolicyText(entry.text, entry.kind);
  const row = table.get(entry.manifestKind) ?? { clean: 0, warnings: 0, errors: 0 };
  row[outcome(diagnostics)]++;
  table.set(entry.manifestKind, row);
  for (const d of diagnostics) {
    const count = codeCount.get(d.code) ?? { diagnostics: 0, files: new Set<string>() };
    count.diagnostics++;
    count.files.add(entry.file);
    codeCount.set(d.code, count);
    if (d.severity === "error" && !example.has(d.code)) example.set(d.code, { file: entry.file, message: d.message });
  }
}

const out: string[] = [`Corpus: ${dir}`, "", "| kind | files | clean | with warnings (no errors) | with errors |", "|---|---:|---:|---:|---:|"];
const total = { clean: 0, warnings: 0, errors: 0 };
for (const [kind, row] of [...table].sort()) {
  out.push(`| ${kind} | ${row.clean + row.warnings + row.errors} | ${row.clean} | ${row.warnings} | ${row.errors} |`);
  total.clean += row.clean;
  total.warnings += row.warnings;
  total.errors += row.errors;
}
out.push(`| **all** | ${total.clean + total.warnings + total.errors} | ${total.clean} | ${total.warnings} | ${total.errors} |`);
out.push("", `Not checked (other policy kinds): ${[...skipped].sort().map(([k, n]) => `${k} ${n}`).join(", ")}`);
out.push("", "| code | slug | severity | diagnostics | files |", "|---|---|---|---:|---:|");
for (const [code, count] of [...codeCount].sort((a, b) => b[1].files.size - a[1].files.size || (a[0] < b[0] ? -1 : 1))) {
  const info = findDiagnosticInfo(code);
  out.push(`| ${code} | ${info?.slug ?? "?"} | ${info?.severity ?? "?"} | ${count.diagnostics} | ${count.files.size} |`);
}
out.push("", "| error code | example file | message |", "|---|---|---|");
for (const [code, { file, message }] of [...example].sort()) out.push(`| ${code} | ${file} | ${message.replace(/\|/gu, "\\|")} |`);
process.stdout.write(`${out.join("\n")}\n`);
