// `kms-cedar test <requests-file…>`: requests files whose entries carry `expect` (a decision or a
// request error code), decided by the three engines against a bundle (--bundle, else bundle.json
// beside each file); one PASS/FAIL line per entry and `N passed, M failed`, like `opa test`.
import { dirname, join, relative, resolve } from "node:path";
import type { EngineName } from "../adapters/engines.js";
import { prepareEngines } from "../adapters/engines.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { judgeEntry, type EntryVerdict } from "../eval/judge-entry.js";
import { checkStdinOnce, loadRequestsArgument, reportRequestsFailure, STDIN_ARGUMENT } from "../input-arguments.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { printableLine } from "../render/printable-line.js";
import { createTextStyle, shouldUseColor, type TextStyle } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

const ENGINES: readonly EngineName[] = ["reference", "graph", "cedar"];

interface FileReport {
  readonly file: string;
  readonly bundle: string;
  readonly results: readonly EntryVerdict[];
}

/** Runs `test`; returns the exit status (0 every expectation met, 1 a miss or policy errors, 2 usage or I/O). */
export async function runTest(files: readonly string[], options: Options, io: CliIo): Promise<number> {
  const bundleOption = stringOption(options, "bundle");
  const twice = checkStdinOnce([...files, bundleOption]);
  if (twice !== undefined) return usageError(io, twice, "test");
  if (bundleOption === undefined && files.includes(STDIN_ARGUMENT)) {
    return usageError(io, "requests from standard input need `--bundle <file>`", "test");
  }
  const json = formatOf(options) === "json";
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const reports: FileReport[] = [];
  const setups = new Map<string, Awaited<ReturnType<typeof prepareTestEngines>>>();
  for (const file of files) {
    // The requests file first: a missing one is named, not the bundle.json looked for beside it.
    const requests = loadRequestsArgument(file, io);
    if (!requests.ok) {
      reportRequestsFailure(requests, io);
      return EXIT_USAGE;
    }
    const bundle = bundleOption ?? relative(io.cwd, join(dirname(resolve(io.cwd, file)), "bundle.json"));
    let setup = setups.get(bundle);
    if (setup === undefined) {
      const engine = stringOption(options, "engine");
      setup = await prepareTestEngines(bundle, options, io, style, json, engine === "reference" || engine === "graph" ? [engine] : ENGINES);
      setups.set(bundle, setup);
    }
    if (typeof setup === "number") return setup;
    reports.push({ file: requests.file, bundle, results: requests.entries.map((entry, i) => judgeEntry(entry, i, setup)) });
  }
  const all = reports.flatMap((r) => r.results);
  const passed = all.filter((r) => r.status === "pass").length;
  const failed = all.filter((r) => r.status === "fail").length;
  const skipped = all.length - passed - failed;
  if (json) io.out(JSON.stringify({ files: reports, passed, failed, skipped }, null, 2) + "\n");
  else io.out(renderTestReport(reports, style) + summaryLine(passed, failed, skipped, style) + "\n");
  return failed > 0 ? EXIT_POLICY_ERRORS : EXIT_OK;
}

/** The three engines on `bundle`, or the exit status when it cannot be loaded or compiled. */
async function prepareTestEngines(bundle: string, options: Options, io: CliIo, style: TextStyle, json: boolean, engines: readonly EngineName[]) {
  const prepared = await prepareBundle("test", bundle, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const setup = prepareEngines(engines, prepared, { skipRefusedCedar: true });
  if ("failed" in setup) {
    if (json) io.out(JSON.stringify(compilerDiagnosticsJson(setup.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(setup.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  // A layered bundle: Cedar is refused (KC2960) and left out, said on stderr; the other engines decide.
  const skipped = setup.skipped ?? [];
  for (const s of skipped) io.err(`kms-cedar: ${s.engine} skipped for \`${bundle}\`: ${s.why}\n`);
  return engines.filter((name) => !skipped.some((s) => s.engine === name)).map((name, k) => ({ name, decide: setup.decide[k]! }));
}

function renderTestReport(reports: readonly FileReport[], style: TextStyle): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${style.bold(printableLine(report.file))} (bundle ${printableLine(report.bundle)}):`);
    for (const r of report.results) {
      const label = `[${r.index}]${r.description !== undefined ? ` ${printableLine(r.description)}` : ""}`;
      if (r.status === "pass") lines.push(`${style.good("PASS")} ${label}`);
      else if (r.status === "skip") lines.push(`${style.note("SKIP")} ${label} (no \`expect\`)`);
      else {
        const got = Object.entries(r.outcomes).map(([engine, outcome]) => `${engine} ${outcome}`).join(", ");
        lines.push(`${style.error("FAIL")} ${label}: expected ${printableLine(String(r.expected))}, got ${printableLine(got)}`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** `10 passed, 1 failed` (and `, 2 skipped` when some entries have no `expect`). */
function summaryLine(passed: number, failed: number, skipped: number, style: TextStyle): string {
  const text = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
  return failed > 0 ? style.error(text) : style.good(text);
}
