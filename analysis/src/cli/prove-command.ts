// `kms-cedar prove BUNDLE --assert FILE`: proved, or a counterexample the three engines allow. An
// assertion that names nothing (an action no KMS action matches, a key not in the bundle) or matches
// no request is an error with its place in FILE (exit 2), never "proved".
import { printableLine } from "@kms-cedar/compiler/cli-front-door";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import { AnalysisCode, AnalysisRefusal } from "../diagnostics.js";
import { checkAssertionNames, proveAssertions, readAssertions } from "../prove.js";
import type { Assertion } from "../prove.js";
import { verifyWitness } from "../verify-witness.js";
import { readAssertionFile, renderAssertionProblem } from "./assertion-file.js";
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE } from "./cli-types.js";
import type { AnalysisIo } from "./cli-types.js";
import { loadArgument } from "./load-argument.js";

/** The codes of mistakes in the assertions file, reported at their place in it. */
const ASSERTION_CODES: ReadonlySet<string> = new Set([AnalysisCode.assertion, AnalysisCode.unknownAction, AnalysisCode.unknownKey, AnalysisCode.vacuousAssertion]);

export async function runProve(file: string, assertFile: string, options: { format: "text" | "json"; values: OptionValues; maxRegions?: number }, io: AnalysisIo): Promise<number> {
  const read = readAssertionFile(assertFile, io);
  if ("errors" in read) {
    io.err(read.errors);
    return EXIT_USAGE;
  }
  const report = (problems: readonly AnalysisRefusal[]): number => {
    io.err(problems.map((p) => renderAssertionProblem(read, p)).join("\n"));
    return EXIT_USAGE;
  };
  const assertions = guard(() => readAssertions(read.value));
  if (!Array.isArray(assertions)) return report([assertions]);
  const input = await loadArgument("prove", file, options.values, io);
  if ("exit" in input) return input.exit;
  const named = assertions.flatMap((a, i) => checkAssertionNames(a, i, input.graph));
  if (named.length > 0) return report(named);
  const results = guard(() => proveAssertions(input.graph, assertions as Assertion[], options.maxRegions !== undefined ? { bound: options.maxRegions } : {}));
  if (!Array.isArray(results)) return report([results]);
  for (const r of results) if (r.counterexample !== undefined) verifyWitness(input, r.counterexample, "Allow");
  const proved = results.every((r) => r.proved);
  if (options.format === "json") {
    io.out(JSON.stringify({ proved, assertions: results }, null, 2) + "\n");
  } else {
    for (const r of results) {
      io.out(r.proved
        ? `proved: ${printableLine(r.name)} (${r.regions.toLocaleString("en-US")} request classes)\n`
        : `FAILS: ${printableLine(r.name)}\n  counterexample (allowed by the reference evaluator, the graph and Cedar): ${JSON.stringify(r.counterexample)}\n`);
    }
  }
  return proved ? EXIT_OK : EXIT_FOUND;
}

/** `run()`, or the refusal it threw when that is a mistake in the assertions file (other refusals go on up). */
function guard<T>(run: () => T): T | AnalysisRefusal {
  try {
    return run();
  } catch (e) {
    if (e instanceof AnalysisRefusal && ASSERTION_CODES.has(e.code)) return e;
    throw e;
  }
}
