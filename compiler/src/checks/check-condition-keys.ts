// Condition key rules (spec §3, §5.6, §6, A5, A6, A23, A37): key format, unknown `aws:`/`kms:` keys, keys
// forbidden in key policies, the non-existent `aws:` alias keys, set operators against the key's
// single/multivalued kind, deprecated synonyms. Keys of other services are not judged: they never occur
// in a KMS request, but policies covering several services legitimately use them. Key names containing
// `${` are reported by check-variables.ts and skipped here.
import { findConditionKey } from "../catalog/kms-catalog.js";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";
import { conditionKeys } from "./policy-walk.js";

const KEY_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]*:\S/u;
/** AWS: A37 — the ABAC page's `aws:` spellings of the KMS alias keys. */
const ALIAS_KEYS: ReadonlyMap<string, string> = new Map([
  ["aws:resourcealiases", "kms:ResourceAliases"],
  ["aws:requestalias", "kms:RequestAlias"],
]);
/** AWS: §1.9, §3.4 — single-valued families KMS refuses set operators on (`OverlyPermissiveCondition`). */
const NO_SET_OPERATOR_FAMILIES = new Set(["kms:encryptioncontext:", "aws:requesttag/"]);

/** Key names: format, unknown `aws:`/`kms:` keys, keys a key policy may not use, the `aws:` alias keys, deprecated synonyms. */
export const checkConditionKeyNames: Check = ({ kind, document }, report) => {
  for (const { key } of conditionKeys(document)) {
    const name = key.key.value;
    if (name.includes("${")) continue;
    const span = key.key.span;
    if (!KEY_FORMAT.test(name)) {
      report(makeDiagnostic(CHECK_CODES.invalidConditionKey, span, `condition key \`${name}\` is not of the form \`service:name\``));
      continue;
    }
    // DEVIATION: A37 — IAM accepts these unknown keys (never present); we reject them and name the `kms:` key.
    const alias = ALIAS_KEYS.get(name.toLowerCase());
    if (alias !== undefined) {
      report(makeDiagnostic(CHECK_CODES.aliasKeyNeedsKmsPrefix, span, `\`${name}\` does not exist; did you mean \`${alias}\`?`,
        { help: "a condition on a key that is never present is decided by its absence alone" }));
      continue;
    }
    const info = findConditionKey(name);
    if (info === undefined) {
      if (/^(aws|kms):/iu.test(name)) {
        report(makeDiagnostic(CHECK_CODES.unknownConditionKey, span, `unknown condition key \`${name}\``));
      }
      continue;
    }
    // DEVIATION: §5.6, A23 — only observed, not documented, that KMS rejects these keys in key policies; we reject them.
    if (kind === "key" && info.policies === "identity") {
      report(makeDiagnostic(CHECK_CODES.keyNotSupportedInKeyPolicy, span, `\`${name}\` cannot be used in a key policy`));
    }
    if (info.replacedBy !== undefined) {
      report(makeDiagnostic(CHECK_CODES.deprecatedConditionKey, span, `\`${name}\` is deprecated; use \`${info.replacedBy}\``));
    }
  }
};

/** AWS: §3.4, §3.6, A5, A6 — set operators belong with multivalued keys and plain operators with single-valued ones. */
export const checkSetOperators: Check = ({ document }, report) => {
  for (const { operator, key } of conditionKeys(document)) {
    const op = operator.operator;
    const name = key.key.value;
    if (op === undefined || op.base === "Null" || name.includes("${")) continue;
    const info = findConditionKey(name);
    if (info === undefined) continue;
    const span = key.key.span;
    const opName = operator.name.value;
    // DEVIATION: §1.9, §3.4, A6 — KMS rejects `ForAllValues` on these in key policies; we reject both qualifiers in both kinds.
    if (op.qualifier !== undefined && info.familyPrefix !== undefined && NO_SET_OPERATOR_FAMILIES.has(info.familyPrefix)) {
      report(makeDiagnostic(CHECK_CODES.overlyPermissiveSetOperator, span, `\`${opName}\` cannot be used with \`${name}\``));
    } else if (op.qualifier !== undefined && !info.multiValued) {
      report(makeDiagnostic(CHECK_CODES.setOperatorOnSingleValuedKey, span, `\`${opName}\` on single-valued key \`${name}\``));
    } else if (op.qualifier === undefined && info.multiValued) {
      // DEVIATION: §3.6, A5 — IAM accepts a plain operator on a multivalued key; we reject it.
      report(makeDiagnostic(CHECK_CODES.plainOperatorOnMultivaluedKey, span,
        `\`${name}\` is multivalued; \`${opName}\` needs \`ForAllValues:\` or \`ForAnyValue:\``));
    }
  }
};
