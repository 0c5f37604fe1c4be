// Statement structure (spec §1.3, §1.9, A21): Effect, the element/`Not` element exclusivity, the elements
// each policy kind requires or forbids. Presence is judged on the raw members, so a malformed element
// (already reported by readPolicy) still counts as present and is not reported twice.
import type { JsonString } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Statement } from "../syntax/policy-syntax.js";
import type { Check } from "./check-context.js";
import { hasMember, memberKey } from "./policy-walk.js";

const PAIRS = [["Action", "NotAction"], ["Resource", "NotResource"], ["Principal", "NotPrincipal"]] as const;

/** Where to point when a statement lacks something: its opening brace. */
function statementStart(statement: Statement) {
  return { start: statement.node.span.start, end: statement.node.span.start + 1 };
}

/** AWS: §1.3 — `Effect` is required and exactly `Allow` or `Deny`, case-sensitive. */
export const checkEffect: Check = ({ document }, report) => {
  for (const statement of document.statements) {
    const effect = statement.effect;
    if (effect === undefined) {
      if (!hasMember(statement.node, "Effect")) {
        report(makeDiagnostic(CHECK_CODES.missingEffect, statementStart(statement), "the statement has no `Effect`"));
      }
      continue;
    }
    if (effect.value === "Allow" || effect.value === "Deny") continue;
    const lower = effect.value.toLowerCase();
    const suggestion = lower === "allow" ? "Allow" : lower === "deny" ? "Deny" : undefined;
    report(makeDiagnostic(CHECK_CODES.invalidEffect, effect.span, `invalid effect \`${effect.value}\``,
      suggestion === undefined ? {} : { help: `write \`${suggestion}\`: \`Effect\` is case-sensitive` }));
  }
};

/** AWS: §1.3 — `Action`/`NotAction`, `Resource`/`NotResource`, `Principal`/`NotPrincipal` exclude each other. */
export const checkExclusiveElements: Check = ({ document }, report) => {
  for (const statement of document.statements) {
    for (const [positive, negative] of PAIRS) {
      const key = memberKey(statement.node, negative);
      if (key !== undefined && hasMember(statement.node, positive)) {
        report(makeDiagnostic(CHECK_CODES.conflictingElements, key.span,
          `\`${positive}\` and \`${negative}\` cannot both appear in one statement`));
      }
    }
  }
};

/** AWS: §1.3, §1.9 — required elements: identity needs actions and resources; key policies need a principal. */
export const checkRequiredElements: Check = ({ kind, document }, report) => {
  for (const statement of document.statements) {
    const node = statement.node;
    const hasAction = hasMember(node, "Action") || hasMember(node, "NotAction");
    const hasResource = hasMember(node, "Resource") || hasMember(node, "NotResource");
    const at = statementStart(statement);
    if (kind === "identity") {
      if (!hasAction) report(makeDiagnostic(CHECK_CODES.missingAction, at, "the statement has neither `Action` nor `NotAction`"));
      if (!hasResource) report(makeDiagnostic(CHECK_CODES.missingResource, at, "the statement has neither `Resource` nor `NotResource`"));
      continue;
    }
    // AWS: §1.3 — KMS accepts such a statement, but it never applies (test A.5 #45).
    const missing = [hasAction ? undefined : "`Action`", hasResource ? undefined : "`Resource`"].filter((m) => m !== undefined);
    if (missing.length > 0) {
      report(makeDiagnostic(CHECK_CODES.ineffectiveKeyStatement, at, `the statement has no ${missing.join(" and no ")}, so it never applies`));
    }
    if (!hasMember(node, "Principal") && !hasMember(node, "NotPrincipal")) {
      report(makeDiagnostic(CHECK_CODES.missingPrincipal, at, "the key policy statement names no `Principal`"));
    }
  }
};

/** AWS: §1.3, §1.9, A21 — principals are forbidden in identity policies; `NotPrincipal`/`NotResource` in key policies. */
export const checkElementsForKind: Check = ({ kind, document }, report) => {
  for (const statement of document.statements) {
    // DEVIATION: §1.3, A21 — KMS does not document `NotPrincipal`/`NotResource` in key policies: we reject them.
    const forbidden = kind === "identity" ? ["Principal", "NotPrincipal"] : ["NotPrincipal", "NotResource"];
    for (const name of forbidden) {
      const key: JsonString | undefined = memberKey(statement.node, name);
      if (key === undefined) continue;
      if (kind === "identity") {
        report(makeDiagnostic(CHECK_CODES.principalInIdentityPolicy, key.span, `an identity policy must not specify \`${name}\``));
      } else {
        report(makeDiagnostic(CHECK_CODES.notElementInKeyPolicy, key.span, `\`${name}\` is not supported in a key policy`));
      }
    }
  }
};
