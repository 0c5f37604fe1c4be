// `kms-cedar prove BUNDLE --assert FILE`: proved, or a counterexample the three engines allow.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Attach } from "../analysis-input.js";
import { loadInput, readStandardInput } from "../analysis-input.js";
import { AnalysisCode, AnalysisInputError, refuse } from "../diagnostics.js";
import { proveAssertions, readAssertions } from "../prove.js";
import { verifyWitness } from "../verify-witness.js";
import { EXIT_FOUND, EXIT_OK } from "./cli-types.js";
import type { AnalysisIo } from "./cli-types.js";

export function runProve(file: string, assertFile: string, options: { format: "text" | "json"; attach: Attach; maxRegions?: number }, io: AnalysisIo): number {
  let text: string;
  if (assertFile === "-") text = readStandardInput(io.readStdin);
  else {
    try {
      text = readFileSync(resolve(io.cwd, assertFile), "utf8");
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const why = code === "ENOENT" ? "no such file or directory" : code === "EISDIR" ? "is a directory" : e instanceof Error ? e.message : String(e);
      throw new AnalysisInputError(`cannot read \`${assertFile}\`: ${why}`);
    }
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    refuse(AnalysisCode.assertion, `\`${assertFile}\` is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const assertions = readAssertions(root);
  const input = loadInput(file, options.attach, io.cwd, io.readStdin);
  const results = proveAssertions(input.graph, assertions, options.maxRegions !== undefined ? { bound: options.maxRegions } : {});
  for (const r of results) if (r.counterexample !== undefined) verifyWitness(input, r.counterexample, "Allow");
  const proved = results.every((r) => r.proved);
  if (options.format === "json") {
    io.out(JSON.stringify({ proved, assertions: results }, null, 2) + "\n");
  } else {
    for (const r of results) {
      io.out(r.proved
        ? `proved: ${r.name} (${r.regions.toLocaleString("en-US")} request classes)\n`
        : `FAILS: ${r.name}\n  counterexample (allowed by the reference evaluator, the graph and Cedar): ${JSON.stringify(r.counterexample)}\n`);
    }
  }
  return proved ? EXIT_OK : EXIT_FOUND;
}
