// Law `statement_order_irrelevant` (spec §5.1: "the order of statements and policies does not
// matter"): permuting the statements of every policy, and the policies of every principal, changes
// no decision of any engine. Phase: conformance laws.
import { outcomeText, sameOutcome } from "../compare/outcome.js";
import { permuteBundle } from "./bundle-transforms.js";
import { checkAgainstRewrite } from "./law-helpers.js";
import type { MetamorphicLaw } from "./law-types.js";

export const statementOrderIrrelevant: MetamorphicLaw = {
  name: "statement_order_irrelevant",
  sentence: "permuting statements and policies changes no decision",
  check(input, tally) {
    const rewritten = permuteBundle(input.bundle, input.seed);
    const all = input.requests.map((_, i) => i);
    return checkAgainstRewrite(input, tally, this.name, rewritten, all, (before, after) =>
      sameOutcome(before, after, { denyStatements: false }) ? undefined
        : `decision changed from ${outcomeText(before)} to ${outcomeText(after)} when statements were reordered`);
  },
};
