// Law `explicit_deny_overrides_allow` (spec §5.1): for an allowed request, a Deny copy of a
// statement that allowed it makes the decision ExplicitDeny, whatever else allows it. The copy
// applies to the same caller (a key-policy Deny naming the caller's account applies to it, A22).
// Phase: conformance laws.
import { outcomeText } from "../compare/outcome.js";
import { isOperation } from "../compare/request-shape.js";
import { addStatement, findStatement } from "./bundle-transforms.js";
import { checkAgainstRewrite } from "./law-helpers.js";
import type { MetamorphicLaw } from "./law-types.js";

export const explicitDenyOverridesAllow: MetamorphicLaw = {
  name: "explicit_deny_overrides_allow",
  sentence: "a Deny that applies overrides every Allow",
  check(input, tally) {
    // The first allowed single check (reference) and the first statement that allowed it.
    const first = input.results.findIndex((r, i) => !isOperation(input.requests[i]) && r.reference !== undefined
      && !("error" in r.reference) && r.reference.decision === "Allow" && r.reference.reasons.length > 0);
    if (first < 0) return [];
    const allowed = input.results[first]!.reference!;
    if ("error" in allowed) return [];
    const reason = allowed.reasons[0]!;
    const statement = findStatement(input.bundle, reason.policy, reason.statement);
    if (statement === undefined) {
      tally.skipped++;
      return [];
    }
    const rewritten = addStatement(input.bundle, reason.policy, { ...statement, Sid: "Mirror", Effect: "Deny" });
    // Every single check the same statement allowed.
    const indices = input.results.flatMap((r, i) => {
      const ref = r.reference;
      if (isOperation(input.requests[i]) || ref === undefined || "error" in ref || ref.decision !== "Allow") return [];
      return ref.reasons.some((x) => x.policy === reason.policy && x.statement === reason.statement) ? [i] : [];
    });
    return checkAgainstRewrite(input, tally, this.name, rewritten, indices, (_before, after) =>
      ("error" in after || after.decision !== "ExplicitDeny")
        ? `a Deny copy of ${reason.policy} statement ${reason.statement} left the decision at ${outcomeText(after)}` : undefined);
  },
};
