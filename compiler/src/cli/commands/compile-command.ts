// `kms-cedar compile <bundle> -o <dir>`: checks the bundle, compiles it, writes the output files
// (graph.json, graph.txt, graph.dot; Cedar files when the emitter lands).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describeIoError } from "../../bundle/read-text-file.js";
import { compileForOutput } from "../adapters/compiler-pipeline.js";
import { formatOf, stringOption, type Options } from "../args/option-values.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { LineIndex } from "../render/line-index.js";
import { renderDiagnostic } from "../render/render-diagnostic.js";
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
  const outcome = compileForOutput(prepared.loaded, { pureCedar: options["pure-cedar"] === true });
  if ("failed" in outcome) {
    // INVARIANT: the CLI's checks passed, so the pipeline's own checks should too; show what they say.
    const texts = new Map(prepared.loaded.policies.map((p) => [p.file, p.text]));
    texts.set(prepared.loaded.file, prepared.loaded.text);
    for (const d of outcome.failed) {
      io.out(renderDiagnostic(d, { file: d.file, index: new LineIndex(texts.get(d.file) ?? "") }, style));
    }
    return EXIT_POLICY_ERRORS;
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
  for (const note of outcome.notes) io.err(`kms-cedar: note: ${note}\n`);
  if (formatOf(options) === "json") io.out(JSON.stringify({ files: written }, null, 2) + "\n");
  else io.out(written.map((file) => `wrote ${file}\n`).join(""));
  return EXIT_OK;
}
