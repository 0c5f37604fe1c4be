// `kms-cedar compile <bundle> -o <dir>`: checks the bundle, compiles it to a decision graph and to
// Cedar, and writes policies.cedar, schema.cedarschema(.json), manifest.json and graph.json/txt/dot.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeIoError } from "../../bundle/read-text-file.js";
import { compileLoaded, outputFiles } from "../adapters/compiler-pipeline.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { compilerDiagnosticsJson, renderCompilerDiagnostics } from "../render/compiler-diagnostics.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

/** Runs `compile`; returns the exit status. */
export async function runCompile(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const out = stringOption(options, "out");
  if (out === undefined) return usageError(io, "missing `-o <dir>`", "compile");
  const json = formatOf(options) === "json";
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const prepared = await prepareBundle("compile", bundleFile, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const avp = stringOption(options, "target") === "avp";
  const compiled = compileLoaded(prepared.loaded, { cedar: true, pureCedar: options["pure-cedar"] === true, avp });
  if ("failed" in compiled) {
    if (json) io.out(JSON.stringify(compilerDiagnosticsJson(compiled.failed, prepared.loaded), null, 2) + "\n");
    else io.out(renderCompilerDiagnostics(compiled.failed, prepared.loaded, style));
    return EXIT_POLICY_ERRORS;
  }
  if (compiled.cedar === undefined) throw new Error("internal error: compiled without Cedar output");
  const warnings = compiled.diagnostics.filter((d) => d.severity !== "error" && d.code.startsWith("KC3"));
  if (warnings.length > 0 && !json) io.out(renderCompilerDiagnostics(warnings, prepared.loaded, style) + "\n");
  const directory = resolve(io.cwd, out);
  const written: string[] = [];
  try {
    mkdirSync(directory, { recursive: true });
    const files = [...outputFiles(compiled.graph, compiled.cedar), ...(compiled.avp ?? []).map((f) => ({ name: join("avp", f.name), contents: f.contents }))];
    for (const file of files) {
      mkdirSync(dirname(join(directory, file.name)), { recursive: true });
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
