// Expands Action / NotAction patterns against the KMS catalog (spec §1.6): case-insensitive globs
// over the whole `service:Name`; NotAction becomes its complement among KMS actions. Phase: normalize.
import { actionPatternRegex, listKmsActions } from "../catalog/kms-catalog.js";
import type { StringList } from "../syntax/policy-syntax.js";

/** Every KMS action, canonical spelling (`kms:Decrypt`), catalog order. */
export function kmsActionNames(): readonly string[] {
  return listKmsActions().map((a) => `kms:${a.name}`);
}

/**
 * The KMS actions a statement can match, catalog order. `action` and `notAction` are the two
 * elements (at most one is set; neither: no action, the statement has no effect, spec §1.3).
 */
export function normalizeActions(action: StringList | undefined, notAction: StringList | undefined): string[] {
  const list = action ?? notAction;
  if (list === undefined) return [];
  const globs = list.items.map((item) => actionPatternRegex(item.value));
  const matches = (name: string): boolean => globs.some((g) => g.test(name));
  const negated = action === undefined;
  return kmsActionNames().filter((name) => matches(name) !== negated);
}
