// The policy checks, in the order they run. All of them always run (the user sees every error at once);
// each only reports. Every check assumes only what readPolicy guarantees: a PolicyDocument whose
// malformed parts were left out (and reported). Order matters only for reading the output, which is
// sorted by position anyway; it follows the document's shape, outside in.
import {
  checkActionFormat, checkActionPrefixCase, checkKmsActionNames,
} from "./check-actions.js";
import type { Check } from "./check-context.js";
import { checkConditionKeyNames, checkSetOperators } from "./check-condition-keys.js";
import { checkConditionOperators, checkDuplicateConditionKeys } from "./check-condition-operators.js";
import { checkConditionValues } from "./check-condition-values.js";
import { checkValueFit } from "./check-value-fit.js";
import { checkCharacters, checkId, checkIdentityPolicySize, checkVersion } from "./check-document.js";
import { checkKeyPolicyPrincipals } from "./check-principals.js";
import { checkIdentityResources, checkKeyPolicyResources } from "./check-resources.js";
import { checkSids } from "./check-sids.js";
import {
  checkEffect, checkElementsForKind, checkExclusiveElements, checkRequiredElements,
} from "./check-statement-elements.js";
import { checkConditionValueVariables, checkMisplacedVariables, checkResourceVariables } from "./check-variables.js";

/** A named check, so an internal failure can say which one broke. */
export interface NamedCheck {
  readonly name: string;
  readonly run: Check;
}

export const ALL_CHECKS: readonly NamedCheck[] = [
  { name: "checkCharacters", run: checkCharacters },               // raw text only
  { name: "checkIdentityPolicySize", run: checkIdentityPolicySize }, // raw text; identity only
  { name: "checkVersion", run: checkVersion },                     // decides nothing for later checks: variables come from the context
  { name: "checkId", run: checkId },
  { name: "checkEffect", run: checkEffect },
  { name: "checkExclusiveElements", run: checkExclusiveElements },   // judges raw members: malformed elements still count
  { name: "checkRequiredElements", run: checkRequiredElements },     // same
  { name: "checkElementsForKind", run: checkElementsForKind },       // same
  { name: "checkSids", run: checkSids },
  { name: "checkActionFormat", run: checkActionFormat },             // skips values with `${` (checkMisplacedVariables)
  { name: "checkKmsActionNames", run: checkKmsActionNames },         // skips malformed actions (checkActionFormat)
  { name: "checkActionPrefixCase", run: checkActionPrefixCase },
  { name: "checkIdentityResources", run: checkIdentityResources },   // skips malformed templates (checkResourceVariables)
  { name: "checkKeyPolicyResources", run: checkKeyPolicyResources },
  { name: "checkKeyPolicyPrincipals", run: checkKeyPolicyPrincipals }, // key policies only; skips values with `${`
  { name: "checkMisplacedVariables", run: checkMisplacedVariables },
  { name: "checkResourceVariables", run: checkResourceVariables },
  { name: "checkConditionOperators", run: checkConditionOperators },
  { name: "checkDuplicateConditionKeys", run: checkDuplicateConditionKeys }, // case variants only: the parser reports exact repeats
  { name: "checkConditionKeyNames", run: checkConditionKeyNames },   // skips key names with `${` (checkMisplacedVariables)
  { name: "checkSetOperators", run: checkSetOperators },             // needs a known operator and a catalog key
  { name: "checkConditionValueVariables", run: checkConditionValueVariables }, // needs a known operator
  { name: "checkConditionValues", run: checkConditionValues },       // skips values with variables (checkConditionValueVariables)
  { name: "checkValueFit", run: checkValueFit },                     // catalog keys only; a mismatch is a warning, values still parsed above
];
