// Law `adding_a_deny_never_grants`: adding a Deny statement anywhere never turns a non-Allow into
// an Allow, and never lifts an explicit deny (spec §5.1: a Deny can only take access away).
// Phase: conformance laws.
import { outcomeKind, outcomeText } from "../compare/outcome.js";
import { addStatement } from "./bundle-transforms.js";
import { checkAgainstRewrite, newlyRefusedByNames } from "./law-helpers.js";
import type { MetamorphicLaw } from "./law-types.js";

export const addingADenyNeverGrants: MetamorphicLaw = {
  name: "adding_a_deny_never_grants",
  sentence: "adding a Deny statement never grants access and never lifts an explicit deny",
  check(input, tally) {
    const target = input.extraDeny.target;
    const isKey = target in (input.bundle.keys ?? {});
    const location = isKey ? `keys[${target}]` : `principals[${target}][0]`;
    const statement = { ...(isKey ? input.extraDeny.key : input.extraDeny.identity), Sid: "Extra", Effect: "Deny" };
    const rewritten = addStatement(input.bundle, location, statement);
    const all = input.requests.map((_, i) => i);
    return checkAgainstRewrite(input, tally, this.name, rewritten, all, (before, after) => {
      const b = outcomeKind(before);
      const a = outcomeKind(after);
      // The Deny's Principal may name a session of the caller's role (KR0012): no grant, no lifted deny.
      if (newlyRefusedByNames(before, after)) return undefined;
      if (b === "error" || a === "error") return b === a ? undefined : `outcome changed from ${outcomeText(before)} to ${outcomeText(after)}`;
      if (b !== "Allow" && a === "Allow") return `a Deny statement turned ${b} into Allow`;
      if (b === "ExplicitDeny" && a !== "ExplicitDeny") return `a Deny statement lifted an explicit deny (now ${a})`;
      return undefined;
    });
  },
};
