// Law `cross_account_needs_both_sides` (spec §5.3 facts 6–7): a caller of another account is
// allowed on a key only if the key policy allows it AND an identity policy of its own does (the
// root's identity side is implicit, A28), and only for cross-account capable actions (§5.4).
// Checked by removing every key-policy Allow, then every identity-policy Allow: neither bundle may
// still allow. Phase: conformance laws.
import type { DecisionResult } from "@kms-cedar/runtime";
import { outcomeKind, outcomeText } from "../compare/outcome.js";
import { checkShape, isKeyPolicyCheck } from "../compare/request-shape.js";
import { mapStatements } from "./bundle-transforms.js";
import { checkAgainstRewrite } from "./law-helpers.js";
import { withoutLayer } from "./layer-transforms.js";
import type { LawViolation, MetamorphicLaw } from "./law-types.js";

export const crossAccountNeedsBothSides: MetamorphicLaw = {
  name: "cross_account_needs_both_sides",
  sentence: "a cross-account request needs an Allow in the key policy and in the caller's identity policies",
  check(input, tally) {
    const cross = input.requests.flatMap((r, i) => (isKeyPolicyCheck(r) && checkShape(r).cross && checkShape(r).callerKind !== "service" ? [i] : []));
    const out: LawViolation[] = [];
    // §5.4: an action that is not cross-account capable is never allowed across accounts.
    for (const i of cross) {
      if (checkShape(input.requests[i]).actionClass === "key-cross") continue;
      for (const engine of input.engines) {
        const r = input.results[i]?.[engine];
        if (r === undefined) continue;
        tally.checked++;
        if (outcomeKind(r) === "Allow") {
          tally.violations++;
          out.push({ law: this.name, engine, requestIndex: i, message: "allowed an action that is not cross-account capable across accounts", outcomes: { decision: outcomeText(r) } });
        }
      }
    }
    const allowedSomewhere = cross.filter((i) => input.engines.some((e) => {
      const r = input.results[i]?.[e];
      return r !== undefined && outcomeKind(r) === "Allow";
    }));
    const notAllowed = (side: string) => (before: DecisionResult, after: DecisionResult) =>
      outcomeKind(before) === "Allow" && outcomeKind(after) === "Allow" ? `still allowed across accounts with no ${side} Allow` : undefined;
    // The key side's Allows are the key policy's and the key's grants (grants.md §3: cross-account use of a grant needs `I` too).
    const noKeyAllows = withoutLayer(mapStatements(input.bundle, (s, place) => (place.kind === "key" ? s.filter((x) => x["Effect"] !== "Allow") : s)), "grant");
    out.push(...checkAgainstRewrite(input, tally, this.name, noKeyAllows, allowedSomewhere, notAllowed("key-policy or grant")));
    const nonRoot = allowedSomewhere.filter((i) => checkShape(input.requests[i]).callerKind !== "root");
    const noIdentityAllows = mapStatements(input.bundle, (s, place) => (place.kind === "identity" ? s.filter((x) => x["Effect"] !== "Allow") : s));
    out.push(...checkAgainstRewrite(input, tally, this.name, noIdentityAllows, nonRoot, notAllowed("identity-policy")));
    return out;
  },
};
