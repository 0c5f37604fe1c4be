// `kms-cedar authorize <bundle> --principal P --action A --resource R [--context k=v …]`: one request
// from the command line, decided like an `eval` entry; with --exit-code the status says the decision
// (0 Allow, 3 a deny), for shell scripts.
import type { Request } from "@kms-cedar/runtime";
import { classifyPrincipalArn, isKeyArn, PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../bundle/arn-shapes.js";
import type { RequestEntry } from "../../bundle/read-requests.js";
import { prepareCommandEngines, type EngineName } from "../adapters/engines.js";
import { explainEntries } from "../eval/explain-entries.js";
import { formatOf, listOption, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { readContextArguments } from "../eval/context-arguments.js";
import { tabulateResults } from "../eval/tabulate-results.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { printableLine } from "../render/printable-line.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

/** `--exit-code` status of a decided request that is not allowed. */
export const EXIT_DENIED = 3;
const ALL_ENGINES: readonly EngineName[] = ["reference", "graph", "cedar"];

/** Runs `authorize`; returns the exit status. */
export async function runAuthorize(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const fields: Record<string, string> = {};
  for (const name of ["principal", "action", "resource"]) {
    const value = stringOption(options, name);
    if (value === undefined) return usageError(io, `missing \`--${name}\``, "authorize");
    fields[name] = value;
  }
  const { principal = "", action = "", resource = "" } = fields;
  const context = readContextArguments(listOption(options, "context"));
  if ("error" in context) return usageError(io, context.error, "authorize");
  const kind = stringOption(options, "kind") as "identity" | "key" | undefined;
  const single = {
    attach: kind !== undefined ? { kind } : {},
    defaults: {
      key: isKeyArn(resource) ? resource : PLACEHOLDER_KEY_ARN,
      principal: classifyPrincipalArn(principal) === "caller" ? principal : PLACEHOLDER_PRINCIPAL_ARN,
    },
  };
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const json = formatOf(options) === "json";
  const prepared = await prepareBundle("authorize", bundleFile, options, io, style, single);
  if (!prepared.ok) return prepared.exit;
  const engine = stringOption(options, "engine") ?? "reference";
  const requested = engine === "all" ? ALL_ENGINES : [engine as EngineName];
  const explain = options["explain"] === true;
  const { setup, names } = prepareCommandEngines(requested, prepared, explain, (text) => io.err(text));
  if ("failed" in setup) {
    if (json) io.out(JSON.stringify(compilerDiagnosticsJson(setup.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(setup.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  const hasContext = Object.keys(context.context).length > 0;
  const request = { principal, action, resource, ...(hasContext ? { context: context.context } : {}) } as Request;
  const entry: RequestEntry = { kind: "request", span: { start: 0, end: 0 }, request };
  const engines = names.map((name, k) => ({ name, decide: setup.decide[k]! }));
  const table = tabulateResults([entry], engines, style);
  const { disagreements } = table;
  const row = table.rows[0] as Record<string, unknown>;
  // --explain: the explanation in place of the decision (docs/explain.md); the exit status still reads the decision.
  const shown = explain ? explainEntries([entry], names.map((name, k) => ({ name, explain: setup.explain![k]! })), table, style) : table;
  io.out(json ? JSON.stringify(shown.rows[0], null, 2) + "\n" : shown.lines.map((line) => line.replace(/^\[0\] /, "") + "\n").join(""));
  if (disagreements > 0) return EXIT_POLICY_ERRORS;
  const result = (names.length > 1 ? row["reference"] : row) as { decision?: string; error?: { code: string; message: string } };
  if (result.error !== undefined) {
    io.err(`kms-cedar: the request cannot be decided: ${printableLine(`${result.error.code}: ${result.error.message}`)}\n`);
    return EXIT_USAGE;
  }
  if (options["exit-code"] === true && result.decision !== "Allow") return EXIT_DENIED;
  return EXIT_OK;
}
