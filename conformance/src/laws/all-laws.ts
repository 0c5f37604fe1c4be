// Every law of the conformance suite, differential then metamorphic, in the order reports list them.
import { addingADenyNeverGrants } from "./adding-a-deny-never-grants.js";
import { crossAccountNeedsBothSides } from "./cross-account-needs-both-sides.js";
import { DIFFERENTIAL_LAWS } from "./differential-laws.js";
import { explanationsAgree } from "./explanations-agree.js";
import { explicitDenyOverridesAllow } from "./explicit-deny-overrides-allow.js";
import { identityAllowWithoutDelegationGrantsNothing } from "./identity-allow-without-delegation-grants-nothing.js";
import type { MetamorphicLaw } from "./law-types.js";
import { LAYER_LAWS } from "./layer-laws.js";
import { malformedInputNeverAllows } from "./malformed-input-never-allows.js";
import { noInputThrows } from "./no-input-throws.js";
import { statementOrderIrrelevant } from "./statement-order-irrelevant.js";

export { DIFFERENTIAL_LAWS };

export const METAMORPHIC_LAWS: readonly MetamorphicLaw[] = [
  explicitDenyOverridesAllow,               // needs an allowed request in the case
  statementOrderIrrelevant,
  addingADenyNeverGrants,
  identityAllowWithoutDelegationGrantsNothing, // same-account key checks only
  crossAccountNeedsBothSides,               // cross-account key checks only
  malformedInputNeverAllows,                // mutated and hostile inputs, all three engines' decide()
  noInputThrows,                            // the case's requests and the same inputs, all three engines
  ...LAYER_LAWS,                            // bundles with layers only (adding_a_ceiling_never_grants, a_grant_never_denies, empty_ceilings_change_nothing)
];

/** The laws over explanations, checked when a run explains (`explain`; docs/explain.md). */
export const EXPLANATION_LAWS: readonly { readonly name: string; readonly sentence: string }[] = [explanationsAgree];

/** Every law name, for reports. */
export const LAW_NAMES: readonly string[] = [...DIFFERENTIAL_LAWS.map((l) => l.name), ...METAMORPHIC_LAWS.map((l) => l.name), ...EXPLANATION_LAWS.map((l) => l.name)];
