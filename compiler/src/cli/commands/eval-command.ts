// `kms-cedar eval <bundle> --requests <file> [--engine …]`: checks the bundle, then decides every
// request and operation in input order with one engine, or with all three and compares them.
import { prepareCommandEngines, type EngineName } from "../adapters/engines.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { checkStdinOnce, loadRequestsArgument, reportRequestsFailure } from "../input-arguments.js";
import { tabulateResults } from "../eval/tabulate-results.js";
import { explainEntries } from "../eval/explain-entries.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

const ALL_ENGINES: readonly EngineName[] = ["reference", "graph", "cedar"];

/** Runs `eval`; returns the exit status. */
export async function runEval(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const requestsFile = stringOption(options, "requests");
  if (requestsFile === undefined) return usageError(io, "missing `--requests <file>`", "eval");
  const twice = checkStdinOnce([bundleFile, requestsFile]);
  if (twice !== undefined) return usageError(io, twice, "eval");
  const engine = stringOption(options, "engine") ?? "reference";
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const prepared = await prepareBundle("eval", bundleFile, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const requested = engine === "all" ? ALL_ENGINES : [engine as EngineName];
  const explain = options["explain"] === true;
  const { setup, names } = prepareCommandEngines(requested, prepared, explain, (text) => io.err(text));
  if ("failed" in setup) {
    if (formatOf(options) === "json") io.out(JSON.stringify(compilerDiagnosticsJson(setup.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(setup.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  const requests = loadRequestsArgument(requestsFile, io);
  if (!requests.ok) {
    reportRequestsFailure(requests, io);
    return EXIT_USAGE;
  }
  const engines = names.map((name, k) => ({ name, decide: setup.decide[k] ?? missingEngine(), decideMany: setup.decideMany[k] ?? missingEngine() }));
  const table = tabulateResults(requests.entries, engines, style);
  const { disagreements } = table;
  // --explain: the explanation in place of each decision (docs/explain.md).
  const { rows, lines } = explain
    ? explainEntries(requests.entries, names.map((name, k) => ({ name, explain: setup.explain?.[k] ?? missingEngine() })), table, style)
    : table;
  const json = formatOf(options) === "json";
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

function missingEngine(): never {
  // INVARIANT: prepareEngines answers one decider per engine name.
  throw new Error("internal error: an engine was not prepared");
}
