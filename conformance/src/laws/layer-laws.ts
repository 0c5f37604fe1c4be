// The laws of the authorization chain's layers (issue 12; docs/semantics/README.md §1.2: every
// ceiling is a conjunct, a grant a disjunct that adds nothing to the Denies). Each compares an engine
// on the case's bundle with the same engine on a rewrite of its layer members (layer-transforms.ts);
// a bundle without layers has nothing to check. Phase: conformance laws.
import type { DecisionResult } from "@kms-cedar/runtime";
import { outcomeKind, outcomeText } from "../compare/outcome.js";
import { checkAgainstRewrite, decideOn, newlyRefusedByNames } from "./law-helpers.js";
import type { LawViolation, MetamorphicLaw } from "./law-types.js";
import { CEILINGS, layersIn, withAllowAllCeilings, withoutCeilings, withoutLayer } from "./layer-transforms.js";

const every = (input: { requests: readonly unknown[] }): number[] => input.requests.map((_, i) => i);

/** Request errors that depend on whether the bundle models endpoints (docs/request-model.md: KR0010, KR0011). */
const ENDPOINT_ERRORS = new Set(["KR0010", "KR0011"]);
const code = (r: DecisionResult): string | undefined => ("error" in r ? r.error.code : undefined);

export const addingACeilingNeverGrants: MetamorphicLaw = {
  name: "adding_a_ceiling_never_grants",
  sentence: "an SCP, RCP, boundary, session policy or endpoint policy never turns a deny into an Allow",
  check(input, tally) {
    const out: LawViolation[] = [];
    for (const layer of layersIn(input.bundle).filter((l) => CEILINGS.includes(l))) {
      // before: with the ceiling; after: without it. Whatever the ceiling allows, it allows without it too.
      out.push(...checkAgainstRewrite(input, tally, this.name, withoutLayer(input.bundle, layer), every(input), (before, after) =>
        outcomeKind(before) === "Allow" && outcomeKind(after) !== "Allow"
          ? `the ${layer} ceiling let through what is ${outcomeText(after)} without it` : undefined));
    }
    return out;
  },
};

export const aGrantNeverDenies: MetamorphicLaw = {
  name: "a_grant_never_denies",
  sentence: "a grant never takes an Allow away and never adds an explicit deny",
  check(input, tally) {
    if (!layersIn(input.bundle).includes("grant")) return [];
    // before: with the grants; after: without them.
    return checkAgainstRewrite(input, tally, this.name, withoutLayer(input.bundle, "grant"), every(input), (before, after) => {
      // A grantee or retiring principal may name a session of the caller's role (KR0012 with the grants only).
      if (newlyRefusedByNames(after, before)) return undefined;
      if (outcomeKind(before) === "error" || outcomeKind(after) === "error") {
        return code(before) === code(after) ? undefined : `the grants changed a request error: ${outcomeText(before)} with them, ${outcomeText(after)} without`;
      }
      if (outcomeKind(after) === "Allow" && outcomeKind(before) !== "Allow") return `a grant took an Allow away (${outcomeText(before)} with the grants)`;
      if (outcomeKind(before) === "ExplicitDeny" && outcomeKind(after) !== "ExplicitDeny") return `a grant added an explicit deny (${outcomeText(after)} without the grants)`;
      return undefined;
    });
  },
};

export const emptyCeilingsChangeNothing: MetamorphicLaw = {
  name: "empty_ceilings_change_nothing",
  sentence: "ceilings that allow everything decide as no ceilings",
  check(input, tally) {
    if (!layersIn(input.bundle).some((l) => CEILINGS.includes(l))) return [];
    const bare = input.prepare(withoutCeilings(input.bundle));
    if (bare.errors.length > 0) {
      tally.skipped++;
      return [];
    }
    return checkAgainstRewrite(input, tally, this.name, withAllowAllCeilings(input.bundle), every(input), (_before, allowAll, engine, i) => {
      const none = decideOn(bare, engine, input.requests[i]);
      if (none === undefined) return undefined;
      // With the endpoints gone the network keys are not checked: those request errors are not a decision to compare.
      if (ENDPOINT_ERRORS.has(code(allowAll) ?? "") && outcomeKind(none) !== "error") return undefined;
      // Session policies listed under a session of the caller's role name it (KR0012), whatever they allow.
      if (newlyRefusedByNames(none, allowAll)) return undefined;
      return outcomeText(allowAll) === outcomeText(none) ? undefined : `allow-all ceilings decided ${outcomeText(allowAll)}, no ceilings ${outcomeText(none)}`;
    });
  },
};

export const LAYER_LAWS: readonly MetamorphicLaw[] = [addingACeilingNeverGrants, aGrantNeverDenies, emptyCeilingsChangeNothing];
