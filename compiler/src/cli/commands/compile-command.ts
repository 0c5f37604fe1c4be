// `kms-cedar compile <bundle> -o <dir>`: checks the bundle, compiles it to a decision graph and to
// Cedar, and writes policies.cedar, schema.cedarschema(.json), manifest.json and graph.json/txt/dot.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeIoError } from "../../bundle/read-text-file.js";
import { compileLoaded, outputFiles } from "../adapters/compiler-pipeline.js";
import { checkOutputDirectory, makeDirectory } from "../output-path.js";
import { formatOf, stringOption, warningLimitOf, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { plural } from "../render/summary-line.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

/** Runs `compile`; returns the exit status. */
export async function runCompile(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const out = stringOption(options, "out");
  if (out === undefined) return usageError(io, "missing `-o <dir>`", "compile");
  const warningLimit = warningLimitOf(options);
  if ("error" in warningLimit) return usageError(io, warningLimit.error, "compile");
  // Before the work: a directory that cannot be written is an I/O error at once, not after compiling.
  const unwritable = checkOutputDirectory(resolve(io.cwd, out));
  if (unwritable !== undefined) {
    io.err(`kms-cedar: cannot write to \`${out}\`: ${unwritable}\n`);
    return EXIT_USAGE;
  }
  const json = formatOf(options) === "json";
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const prepared = await prepareBundle("compile", bundleFile, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const avp = stringOption(options, "target") === "avp";
  const compiled = compileLoaded(prepared.checked, { cedar: true, pureCedar: options["pure-cedar"] === true, avp, graphOptional: true });
  if ("failed" in compiled) {
    if (json) io.out(JSON.stringify(compilerDiagnosticsJson(compiled.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(compiled.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  if (compiled.cedar === undefined) throw new Error("internal error: compiled without Cedar output");
  const warnings = compiled.diagnostics.filter((d) => d.severity !== "error" && (d.code.startsWith("KC3") || d.code === "KC2960"));
  if (warnings.length > 0 && !json) io.out(renderCompilerDiagnostics(warnings, prepared.loaded, style) + "\n");
  const warningCount = prepared.warnings + warnings.length;
  if (warningCount > warningLimit.limit) {
    io.err(`kms-cedar: ${plural(warningCount, "warning")}, more than the ${warningLimit.limit} allowed (--max-warnings / --warnings-as-errors); nothing written\n`);
    return EXIT_POLICY_ERRORS;
  }
  const directory = resolve(io.cwd, out);
  const written: string[] = [];
  try {
    makeDirectory(directory);
    const files = [...outputFiles(compiled.graph, compiled.cedar), ...(compiled.avp ?? []).map((f) => ({ name: join("avp", f.name), contents: f.contents }))];
    for (const file of files) {
      makeDirectory(dirname(join(directory, file.name)));
      writeFileSync(join(directory, file.name), file.contents);
      written.push(join(out, file.name));
    }
  } catch (failure) {
    io.err(`kms-cedar: cannot write to \`${out}\`: ${describeIoError(failure)}\n`);
    return EXIT_USAGE;
  }
  if (json) io.out(JSON.stringify({ files: written }, null, 2) + "\n");
  else io.out(written.map((file) => `wrote ${file}\n`).join(""));
  return EXIT_OK;
}
