// Law `no_input_throws` (DESIGN §2, PREAMBLE: no exception from a dependency may leave `decide()`):
// whatever value is given, every engine's library entry point returns a decision or an error entry;
// it never throws. Checked on the case's requests and on the mutated and hostile inputs of
// library-inputs.ts, on all three engines. Phase: conformance laws.
import { outcomeText } from "../compare/outcome.js";
import { ENGINE_NAMES } from "../engines/engine-types.js";
import { decideEverywhere, inputText, libraryInputs } from "./library-inputs.js";
import type { LawViolation, MetamorphicLaw } from "./law-types.js";

const threw = (r: unknown): boolean => typeof r === "object" && r !== null && "error" in r && (r as { error: { code: string } }).error.code === "throw";

export const noInputThrows: MetamorphicLaw = {
  name: "no_input_throws",
  sentence: "no input, however malformed or hostile, makes an engine's decide() throw",
  check(input, tally) {
    const out: LawViolation[] = [];
    input.results.forEach((results, i) => {
      for (const engine of ENGINE_NAMES) {
        const r = results[engine];
        if (r === undefined) continue;
        tally.checked++;
        if (!threw(r)) continue;
        tally.violations++;
        out.push({ law: this.name, engine, requestIndex: i, message: `threw on a generated request: ${outcomeText(r)} ${"error" in r ? r.error.message : ""}`, outcomes: { [engine]: outcomeText(r) } });
      }
    });
    for (const x of libraryInputs(input)) {
      for (const [engine, r] of decideEverywhere(input, x.value)) {
        tally.checked++;
        if (!threw(r)) continue;
        tally.violations++;
        out.push({
          law: this.name, engine, requestIndex: Math.max(0, x.from),
          message: `threw on ${x.what}: ${"error" in r ? r.error.message : ""}; input ${inputText(x.value)}`, outcomes: { [engine]: outcomeText(r) },
        });
      }
    }
    return out;
  },
};
