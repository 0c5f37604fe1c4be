// Lookups over the generated KMS catalog: actions by name or glob pattern, condition keys by name
// (case-insensitive, spec §1.6, §6.1), key families such as `aws:ResourceTag/<k>` by prefix.
import type { ConditionKeyInfo, KmsActionInfo } from "./catalog-types.js";
import { CONDITION_KEYS, KMS_ACTIONS } from "./kms-catalog.generated.js";

const ACTIONS_BY_NAME = new Map(KMS_ACTIONS.map((a) => [a.name.toLowerCase(), a]));
const KEYS_BY_NAME = new Map(CONDITION_KEYS.filter((k) => k.familyPrefix === undefined).map((k) => [k.name.toLowerCase(), k]));
// Longest prefix first, so a more specific family would win over a shorter one.
const FAMILIES = CONDITION_KEYS.filter((k) => k.familyPrefix !== undefined)
  .sort((a, b) => (b.familyPrefix ?? "").length - (a.familyPrefix ?? "").length);

/** Every KMS action, sorted by name. */
export function listKmsActions(): readonly KmsActionInfo[] {
  return KMS_ACTIONS;
}

/** The KMS action with this name (without `kms:`), ignoring case. */
export function findKmsAction(name: string): KmsActionInfo | undefined {
  return ACTIONS_BY_NAME.get(name.toLowerCase());
}

/**
 * The KMS actions an action pattern's name part matches (`*` any run, `?` one character, case-insensitive,
 * spec §1.6). `pattern` is what follows `kms:`.
 */
export function matchKmsActions(pattern: string): KmsActionInfo[] {
  const regex = actionPatternRegex(pattern);
  return KMS_ACTIONS.filter((a) => regex.test(a.name));
}

/**
 * The catalog entry of a condition key, ignoring case: an exact key, or the family a key such as
 * `aws:ResourceTag/Project` belongs to (the part after the prefix must not be empty).
 */
export function findConditionKey(name: string): ConditionKeyInfo | undefined {
  const lower = name.toLowerCase();
  const exact = KEYS_BY_NAME.get(lower);
  if (exact !== undefined) return exact;
  return FAMILIES.find((k) => k.familyPrefix !== undefined && lower.startsWith(k.familyPrefix) && lower.length > k.familyPrefix.length);
}

/** An action pattern as an anchored, case-insensitive regex: `*` any run, `?` one code point, the rest literal (spec §1.6). */
export function actionPatternRegex(pattern: string): RegExp {
  let source = "";
  for (const ch of pattern) {
    if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    // INVARIANT: only syntax characters are escaped; under the `u` flag `\-` is an invalid escape.
    else source += ch.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&");
  }
  return new RegExp(`^${source}$`, "isu");
}
