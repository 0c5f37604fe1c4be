// The end of every command: markdown on stdout, JSON to --report, the seed on stderr when
// something failed, and the exit code (0 / 1). Phase: conformance CLI.
import { checkOutputDirectory, checkOutputFile, makeDirectory } from "@kms-cedar/compiler";
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { jsonReport } from "../report/json-report.js";
import type { JsonReport } from "../report/json-report.js";
import { markdownReport } from "../report/markdown-report.js";
import type { RunResult } from "../run/run-conformance.js";
import { UsageError } from "./parse-options.js";

/** Prints the reports of `result`; returns the exit code. */
export function finishRun(result: RunResult, command: string, reportFile: string | undefined, extra: (r: JsonReport) => JsonReport = (r) => r, title?: string, format: "markdown" | "json" = "markdown"): number {
  const report = extra(jsonReport(result, command));
  // --format json: the JSON report (the --report file's content) on stdout instead of the markdown.
  process.stdout.write(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : markdownReport(report, title));
  if (reportFile !== undefined) {
    try {
      makeDirectory(dirname(reportFile)); // like `compile -o`, the folder is made when missing
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(`cannot write \`${reportFile}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  const failed = report.divergences > 0 || report.lawViolations > 0;
  if (failed) process.stderr.write(`kms-cedar-conformance: ${report.divergences} divergence(s), ${report.lawViolations} law violation(s); seed ${report.seed}\n`);
  return failed ? 1 : 0;
}

/**
 * Checks, before the work, that the report file and the counterexample folder can be written: a
 * path that cannot is a usage error (exit 2) at once, not after a long run.
 */
export function checkOutputPaths(reportFile: string | undefined, counterexampleDir: string | undefined): void {
  const report = reportFile === undefined ? undefined : checkOutputFile(reportFile);
  if (report !== undefined) throw new UsageError(`cannot write \`${reportFile}\`: ${report}`);
  // Only a folder the user named: the default one is written only if a case fails.
  const folder = counterexampleDir === undefined ? undefined : checkOutputDirectory(counterexampleDir);
  if (folder !== undefined) throw new UsageError(`cannot write counterexamples to \`${counterexampleDir}\`: ${folder}`);
}

/** `--format markdown|json` (default markdown), or a usage error. */
export function formatOption(value: string | undefined): "markdown" | "json" {
  if (value === undefined || value === "markdown" || value === "text") return "markdown";
  if (value === "json") return "json";
  throw new UsageError(`--format is \`markdown\` or \`json\`, not \`${value}\``);
}

/** Where counterexample folders go by default: conformance/counterexamples (gitignored). */
export const DEFAULT_COUNTEREXAMPLES = new URL("../../counterexamples", import.meta.url).pathname;
