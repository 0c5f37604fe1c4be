// Law `malformed_input_never_allows` (DESIGN §2): an input that is not a request or an operation of
// the strict shapes, or that holds a string that is not well-formed Unicode, is a request error in
// every engine: never Allow (the audit's wrong Allow: a denied request carrying `checks`), and never
// any other decision either. Fed to the library entry points of all three engines. Phase: conformance laws.
import { outcomeKind, outcomeText } from "../compare/outcome.js";
import { decideEverywhere, inputText, libraryInputs } from "./library-inputs.js";
import type { LawViolation, MetamorphicLaw } from "./law-types.js";

export const malformedInputNeverAllows: MetamorphicLaw = {
  name: "malformed_input_never_allows",
  sentence: "a malformed request or operation, or one with a string that is not well-formed Unicode, is a request error in every engine, never a decision",
  check(input, tally) {
    const out: LawViolation[] = [];
    for (const x of libraryInputs(input)) {
      if (!x.malformed) continue;
      for (const [engine, r] of decideEverywhere(input, x.value)) {
        tally.checked++;
        const kind = outcomeKind(r);
        if (kind === "error") continue; // a throw is no_input_throws's to report
        tally.violations++;
        out.push({
          law: this.name, engine, requestIndex: Math.max(0, x.from),
          message: `${kind === "Allow" ? "ALLOWED" : "decided"} ${outcomeText(r)} on a malformed input (${x.what}): ${inputText(x.value)}`,
          outcomes: { [engine]: outcomeText(r) },
        });
      }
    }
    return out;
  },
};
