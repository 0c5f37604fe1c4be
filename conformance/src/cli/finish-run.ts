// The end of every command: markdown (or, with --format json, the JSON report) on stdout, JSON to
// --report, the seed on stderr when something failed, and the exit code (0 / 1). Phase: conformance CLI.
import { checkOutputDirectory, checkOutputFile, makeDirectory } from "@kms-cedar/compiler";
import { describeIoError } from "@kms-cedar/compiler/api";
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { EngineName } from "../engines/engine-types.js";
import { jsonReport } from "../report/json-report.js";
import type { JsonReport } from "../report/json-report.js";
import { markdownReport } from "../report/markdown-report.js";
import type { RunResult } from "../run/run-conformance.js";
import { IoError } from "./parse-options.js";

/** How a command's run is reported. */
export interface FinishOptions {
  /** The command the report records (recorded-command.ts). */
  readonly command: string;
  /** What the command alone does not say, e.g. that the bundle came from standard input. */
  readonly commandNote?: string;
  /** The engines the run was asked for (default: reference, graph, cedar). */
  readonly engines?: readonly EngineName[];
  readonly reportFile?: string | undefined;
  readonly extra?: (r: JsonReport) => JsonReport;
  readonly title?: string;
  readonly format: "markdown" | "json";
}

/** Prints the reports of `result`; returns the exit code. */
export function finishRun(result: RunResult, options: FinishOptions): number {
  const base = jsonReport(result, options.command, { ...(options.engines ? { engines: options.engines } : {}), ...(options.commandNote ? { commandNote: options.commandNote } : {}) });
  return printReport(options.extra ? options.extra(base) : base, options.reportFile, options.format, options.title);
}

/** Prints `report` on stdout, writes it to `reportFile`; returns the exit code (1 on a divergence or a broken law). */
export function printReport(report: JsonReport, reportFile: string | undefined, format: "markdown" | "json", title?: string): number {
  // --format json: the JSON report (the --report file's content) on stdout instead of the markdown.
  process.stdout.write(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : markdownReport(report, title));
  if (reportFile !== undefined) {
    try {
      makeDirectory(dirname(reportFile)); // like `compile -o`, the folder is made when missing
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      throw new IoError(`cannot write \`${reportFile}\`: ${describeIoError(e)}`);
    }
  }
  const failed = report.divergences > 0 || report.lawViolations > 0;
  if (failed) process.stderr.write(`kms-cedar-conformance: ${report.divergences} divergence(s), ${report.lawViolations} law violation(s); seed ${report.seed}\n`);
  return failed ? 1 : 0;
}

/**
 * Checks, before the work, that the report file and the counterexample folder can be written: a
 * path that cannot is an I/O error (exit 2) at once, not after a long run.
 */
export function checkOutputPaths(reportFile: string | undefined, counterexampleDir: string | undefined): void {
  const report = reportFile === undefined ? undefined : checkOutputFile(reportFile);
  if (report !== undefined) throw new IoError(`cannot write \`${reportFile}\`: ${report}`);
  // Only a folder the user named: the default one is written only if a case fails.
  const folder = counterexampleDir === undefined ? undefined : checkOutputDirectory(counterexampleDir);
  if (folder !== undefined) throw new IoError(`cannot write counterexamples to \`${counterexampleDir}\`: ${folder}`);
}

/** `--format markdown|json` (default markdown; `text` is markdown too). The parser has checked the choice. */
export function formatOption(value: string | undefined): "markdown" | "json" {
  return value === "json" ? "json" : "markdown";
}

/** Where counterexample folders go by default: conformance/counterexamples (gitignored). */
export const DEFAULT_COUNTEREXAMPLES = new URL("../../counterexamples", import.meta.url).pathname;
