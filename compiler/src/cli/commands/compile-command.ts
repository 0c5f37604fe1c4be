// `kms-cedar compile <bundle> -o <dir>`: checks the bundle, compiles it, writes the output files.
// The compiler pipeline is reached through adapters/compiler-pipeline.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describeIoError } from "../../bundle/read-text-file.js";
import { compileForOutput } from "../adapters/compiler-pipeline.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { prepareBundle } from "./prepare-bundle.js";
import { usageError } from "./usage-error.js";

/** Runs `compile`; returns the exit status. */
export async function runCompile(bundleFile: string, options: Options, io: CliIo): Promise<number> {
  const out = stringOption(options, "out");
  if (out === undefined) return usageError(io, "missing `-o <dir>`", "compile");
  const style = createTextStyle(shouldUseColor(io.stdoutIsTty, io.env));
  const prepared = await prepareBundle("compile", bundleFile, options, io, style);
  if (!prepared.ok) return prepared.exit;
  const outcome = compileForOutput(prepared.bundle, { pureCedar: options["pure-cedar"] === true });
  if ("unavailable" in outcome) {
    io.err(`kms-cedar: ${outcome.unavailable}\n`);
    return EXIT_USAGE;
  }
  const directory = resolve(io.cwd, out);
  const written: string[] = [];
  try {
    mkdirSync(directory, { recursive: true });
    for (const file of outcome.files) {
      writeFileSync(join(directory, file.name), file.contents);
      written.push(join(out, file.name));
    }
  } catch (failure) {
    io.err(`kms-cedar: cannot write to \`${out}\`: ${describeIoError(failure)}\n`);
    return EXIT_USAGE;
  }
  if (formatOf(options) === "json") io.out(JSON.stringify({ files: written }, null, 2) + "\n");
  else io.out(written.map((file) => `wrote ${file}\n`).join(""));
  return EXIT_OK;
}
