// `kms-cedar-conformance merge r0.json r1.json …`: the report of a run split across machines with
// `run --shard i/n --report ri.json` (a CI matrix), merged into the report of the whole run: markdown
// (or --format json) on stdout, JSON to --report, exit 1 if any shard found a divergence or a broken
// law, 2 if the reports are not the complete shards of one run. Phase: CLI.
import { readTextFile } from "@kms-cedar/compiler/api";
import type { JsonReport } from "../report/json-report.js";
import { mergeReports } from "../report/merge-reports.js";
import { MERGE_SPEC } from "./command-specs.js";
import { formatOption, printReport } from "./finish-run.js";
import { MERGE_HELP } from "./help-text.js";
import { IoError, parseOptions, stringOption, UsageError } from "./parse-options.js";

export function mergeCommand(args: readonly string[]): number {
  const p = parseOptions(args, MERGE_SPEC);
  if (p === undefined) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  const format = formatOption(stringOption(p, "format"));
  const reports = p.positionals.map((file): JsonReport => {
    const read = readTextFile(file);
    if ("error" in read) throw new IoError(`cannot read \`${file}\`: ${read.error}`);
    try {
      return JSON.parse(read.text) as JsonReport;
    } catch {
      throw new UsageError(`\`${file}\` is not a JSON report`, MERGE_SPEC);
    }
  });
  const merged = mergeReports(reports, p.positionals);
  if ("error" in merged) throw new UsageError(`cannot merge: ${merged.error}`, MERGE_SPEC);
  return printReport(merged.report, stringOption(p, "report"), format, "kms-cedar conformance report (merged shards)");
}
