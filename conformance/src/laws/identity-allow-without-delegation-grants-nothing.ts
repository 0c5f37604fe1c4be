// Law `identity_allow_without_delegation_grants_nothing` (spec §5.3 facts 2–3): once the key
// policy names no account principal in an Allow, identity-policy Allows change no decision on a key
// for a caller of the key's own account. Compared: the bundle without the key policies' account
// Allows, with and without every identity-policy Allow. Phase: conformance laws.
import { outcomeText, sameOutcome } from "../compare/outcome.js";
import { checkShape, isKeyPolicyCheck } from "../compare/request-shape.js";
import { mapStatements, namesAnAccount } from "./bundle-transforms.js";
import { decideOn, indicesWhere, prepareRewrite } from "./law-helpers.js";
import type { LawViolation, MetamorphicLaw } from "./law-types.js";

export const identityAllowWithoutDelegationGrantsNothing: MetamorphicLaw = {
  name: "identity_allow_without_delegation_grants_nothing",
  sentence: "an identity Allow without the key policy's delegation grants nothing",
  check(input, tally) {
    const indices = indicesWhere(input, (r) => isKeyPolicyCheck(r) && !checkShape(r).cross);
    if (indices.length === 0) return [];
    const undelegated = mapStatements(input.bundle, (statements, place) =>
      place.kind === "key" ? statements.filter((s) => !(s["Effect"] === "Allow" && namesAnAccount(s["Principal"]))) : statements);
    const withoutIdentityAllows = mapStatements(undelegated, (statements, place) =>
      place.kind === "identity" ? statements.filter((s) => s["Effect"] !== "Allow") : statements);
    const left = prepareRewrite(input, undelegated, tally);
    const right = left === undefined ? undefined : prepareRewrite(input, withoutIdentityAllows, tally);
    if (left === undefined || right === undefined) return [];
    const out: LawViolation[] = [];
    for (const engine of input.engines) {
      for (const i of indices) {
        const a = decideOn(left, engine, input.requests[i]);
        const b = decideOn(right, engine, input.requests[i]);
        if (a === undefined || b === undefined) continue;
        tally.checked++;
        if (sameOutcome(a, b, { denyStatements: false })) continue;
        tally.violations++;
        out.push({
          law: this.name, engine, requestIndex: i, transformed: undelegated,
          message: `without delegation, identity Allows still changed the decision (${outcomeText(a)} with them, ${outcomeText(b)} without)`,
          outcomes: { withIdentityAllows: outcomeText(a), withoutIdentityAllows: outcomeText(b) },
        });
      }
    }
    return out;
  },
};
