// `kms-cedar-conformance merge r0.json r1.json …`: the report of a run split across machines with
// `run --shard i/n --report ri.json` (a CI matrix), merged into the report of the whole run: markdown
// on stdout, JSON to --report, exit 1 if any shard found a divergence or a broken law. Phase: CLI.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { JsonReport } from "../report/json-report.js";
import { markdownReport } from "../report/markdown-report.js";
import { mergeReports } from "../report/merge-reports.js";
import { MERGE_HELP } from "./help-text.js";
import { parseOptions, stringOption, UsageError } from "./parse-options.js";

export function mergeCommand(args: readonly string[]): number {
  const p = parseOptions(args, { report: { type: "string" } });
  if (p.values["help"] === true) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  if (p.positionals.length === 0) throw new UsageError("merge needs the shard reports: merge r0.json r1.json …");
  const reports = p.positionals.map((file): JsonReport => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read \`${file}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    try {
      return JSON.parse(text) as JsonReport;
    } catch {
      throw new UsageError(`\`${file}\` is not a JSON report`);
    }
  });
  const merged = mergeReports(reports);
  if ("error" in merged) throw new UsageError(`cannot merge: ${merged.error}`);
  const report = merged.report;
  process.stdout.write(markdownReport(report, "kms-cedar conformance report (merged shards)"));
  const reportFile = stringOption(p, "report");
  if (reportFile !== undefined) {
    try {
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(`cannot write \`${reportFile}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  const failed = report.divergences > 0 || report.lawViolations > 0;
  if (failed) process.stderr.write(`kms-cedar-conformance: ${report.divergences} divergence(s), ${report.lawViolations} law violation(s); seed ${report.seed}\n`);
  return failed ? 1 : 0;
}
