// Action rules (spec §1.6, A29, A33): the `service:action` shape, KMS action names that match nothing,
// IAM-only actions in key policies, and upper-case service prefixes. Variables in actions are
// reported by check-variables.ts, so names containing `${` are skipped here.
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import { matchKmsActions } from "../catalog/kms-catalog.js";
import type { Check } from "./check-context.js";
import { actionItems } from "./policy-walk.js";
import { spanInString } from "./string-spans.js";

/** AWS: §1.6 — `*`, or exactly one colon with a service prefix and an action name on either side. */
export const checkActionFormat: Check = ({ document }, report) => {
  for (const { item } of actionItems(document)) {
    if (item.value === "*" || item.value.includes("${")) continue;
    const parts = item.value.split(":");
    if (parts.length === 2 && parts[0] !== "" && parts[1] !== "") continue;
    const why = parts.length === 1 ? "has no `service:` prefix" : parts.length > 2 ? "has more than one colon" : "has an empty part";
    report(makeDiagnostic(CHECK_CODES.invalidAction, item.span, `action \`${item.value}\` ${why}`));
  }
};

/**
 * AWS: §1.6 — IAM accepts any action name, but a `kms:` pattern matching no KMS action can never match.
 * AWS: A33 — in a key policy, an `Action` whose KMS matches are all IAM-only has no effect.
 */
export const checkKmsActionNames: Check = ({ kind, document }, report) => {
  for (const { statement, list, item } of actionItems(document)) {
    const colon = item.value.indexOf(":");
    if (colon < 0 || item.value.includes("${") || item.value.slice(0, colon).toLowerCase() !== "kms") continue;
    const name = item.value.slice(colon + 1);
    if (name === "" || name.includes(":")) continue; // malformed: checkActionFormat reports it
    const matches = matchKmsActions(name);
    if (matches.length === 0) {
      report(makeDiagnostic(CHECK_CODES.unknownKmsAction, item.span, `\`${item.value}\` matches no KMS action`));
    } else if (kind === "key" && list === statement.action && matches.every((a) => a.policyType === "iam-only")) {
      const names = matches.map((a) => `kms:${a.name}`).join("`, `");
      report(makeDiagnostic(CHECK_CODES.iamOnlyActionInKeyPolicy, item.span,
        `\`${item.value}\` can only be allowed in IAM policies; in a key policy it has no effect`,
        { help: `\`${names}\` ${matches.length === 1 ? "is" : "are"} decided by IAM policies alone (KMS permissions table)` }));
    }
  }
};

/** AWS: A29 — matching ignores case, but service prefixes are lower case and Access Analyzer flags others. */
export const checkActionPrefixCase: Check = ({ document }, report) => {
  for (const { item } of actionItems(document)) {
    const colon = item.value.indexOf(":");
    if (colon <= 0 || item.value.includes("${")) continue;
    const prefix = item.value.slice(0, colon);
    if (prefix === prefix.toLowerCase()) continue;
    report(makeDiagnostic(CHECK_CODES.actionPrefixCase, spanInString(item, 0, colon),
      `service prefix \`${prefix}\` should be \`${prefix.toLowerCase()}\``));
  }
};
