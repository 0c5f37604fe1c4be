// `kms-cedar eval <bundle> --requests <file> [--engine …]`: checks the bundle, then decides every
// request and operation in input order with one engine, or with all three and compares them.
import type { DecisionResult } from "@kms-cedar/runtime";
import { resolve } from "node:path";
import { loadRequests } from "../../bundle/load-requests.js";
import type { RequestEntry } from "../../bundle/read-requests.js";
import { prepareEngines, type Decide, type EngineName } from "../adapters/engines.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { combineChecks } from "../eval/combine-checks.js";
import { decisionsAgree } from "../eval/compare-decisions.js";
import { describeResult } from "../eval/describe-result.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { LineIndex } from "../render/line-index.js";
import { renderDiagnostic } from "../render/render-diagnostic.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

const ALL_ENGINES: readonly EngineName[] = ["reference", "graph", "cedar"];

/** Runs `eval`; returns the exit status. */
export async function runEval(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const requestsFile = stringOption(options, "requests");
  if (requestsFile === undefined) return usageError(io, "missing `--requests <file>`", "eval");
  const engine = stringOption(options, "engine") ?? "reference";
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const prepared = await prepareBundle("eval", bundleFile, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const names = engine === "all" ? ALL_ENGINES : [engine as EngineName];
  const setup = prepareEngines(names, prepared);
  if ("failed" in setup) {
    if (formatOf(options) === "json") io.out(JSON.stringify(compilerDiagnosticsJson(setup.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(setup.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  const deciders = setup.decide;
  const requests = loadRequests(resolve(io.cwd, requestsFile), requestsFile);
  if (!requests.ok) {
    io.err(`kms-cedar: ${requests.message}\n`);
    if (requests.text !== undefined && requests.diagnostics !== undefined) {
      const index = new LineIndex(requests.text);
      for (const d of requests.diagnostics) io.err(renderDiagnostic(d, { file: requests.file, index }, createTextStyle(false)));
    }
    return EXIT_USAGE;
  }
  const results = requests.entries.map((entry) => deciders.map((decide) => decideEntry(entry, decide)));
  const json = formatOf(options) === "json";
  const width = String(Math.max(requests.entries.length - 1, 0)).length;
  let disagreements = 0;
  const rows: unknown[] = [];
  const lines: string[] = [];
  requests.entries.forEach((entry, i) => {
    const answers = results[i] ?? [];
    const first = answers[0] ?? missing();
    if (names.length === 1) {
      rows.push(first);
      lines.push(describeResult(i, width, entry, first, style));
      return;
    }
    const agree = answers.every((answer) => decisionsAgree(first, answer));
    if (!agree) disagreements++;
    const row: Record<string, unknown> = {};
    names.forEach((name, k) => (row[name] = answers[k]));
    row["agree"] = agree;
    rows.push(row);
    const line = describeResult(i, width, entry, first, style);
    if (agree) lines.push(line);
    else {
      const each = names.map((name, k) => `${name}=${outcome(answers[k] ?? missing())}`).join(" ");
      lines.push(`${line}\n${" ".repeat(width + 3)}${style.error("DISAGREE")}: ${each}`);
    }
  });
  if (json) io.out(JSON.stringify(rows, null, 2) + "\n");
  else {
    io.out(lines.map((line) => line + "\n").join(""));
    if (names.length > 1) {
      const verdict = disagreements === 0 ? style.good("the engines agree on every request") : style.error(`the engines disagree on ${disagreements} of ${rows.length} requests`);
      io.out(`${verdict}\n`);
    }
  }
  return disagreements > 0 ? EXIT_POLICY_ERRORS : EXIT_OK;
}

function decideEntry(entry: RequestEntry, decide: Decide): DecisionResult {
  if (entry.kind === "malformed") return { error: entry.error };
  if (entry.kind === "request") return decide(entry.request);
  return combineChecks(entry.checks.map((check) => decide(check)));
}

function outcome(result: DecisionResult): string {
  return "error" in result ? `error(${result.error.code})` : result.decision;
}

function missing(): DecisionResult {
  // INVARIANT: every entry has one answer per engine.
  throw new Error("internal error: an engine gave no answer");
}
