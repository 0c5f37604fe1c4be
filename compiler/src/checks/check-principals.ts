// Principal rules for key policies (spec §1.5, A35): the string form is `*`; wildcards only as the whole
// value; `AWS` values are `*`, an account ID, or a user/role/root/session ARN (groups cannot be principals);
// a unique ID never matches. Identity-policy principals are rejected whole by check-statement-elements.ts,
// `NotPrincipal` in key policies too, so only key-policy `Principal` values are examined. Values with `${`
// are check-variables.ts's business.
import type { JsonString } from "@kms-cedar/grammar";
import { parseArn } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";

const ACCOUNT_ID = /^\d{12}$/u;
/** IAM unique IDs: a four-letter type prefix (`AIDA` user, `AROA` role, …) and upper-case letters and digits. */
const UNIQUE_ID = /^A(?:IDA|ROA|IPA|NPA|NVA|GPA|SIA|KIA|CCA|PKA|SCA)[A-Z0-9]{12,}$/u;

/** Why an `AWS` principal value is invalid, or `undefined`. */
function awsPrincipalProblem(value: string): string | undefined {
  if (value === "*" || ACCOUNT_ID.test(value)) return undefined;
  const arn = parseArn(value);
  if (arn === undefined) return "is neither a 12-digit account ID nor an ARN";
  if (!ACCOUNT_ID.test(arn.account)) return `has account \`${arn.account}\`, which is not a 12-digit account ID`;
  if (arn.service === "iam") {
    if (arn.resource === "root" || arn.resource.startsWith("user/") || arn.resource.startsWith("role/")) return undefined;
    if (arn.resource.startsWith("group/")) return "names an IAM group, and groups cannot be principals";
  }
  if (arn.service === "sts" && (arn.resource.startsWith("assumed-role/") || arn.resource.startsWith("federated-user/"))) {
    return undefined;
  }
  return "is not an IAM user, role or root ARN, or an STS session ARN";
}

/** Key-policy `Principal` values: `*` string form, whole-value wildcards, unique IDs, well-formed `AWS` principals. */
export const checkKeyPolicyPrincipals: Check = ({ kind, document }, report) => {
  // DEVIATION: §1.3, §1.11 — KMS also rejects principals that do not exist and lockout policies; neither is checkable offline.
  if (kind !== "key") return;
  for (const statement of document.statements) {
    const principal = statement.principal;
    if (principal === undefined) continue;
    const wildcard = principal.wildcard;
    if (wildcard !== undefined && wildcard.value !== "*") {
      report(makeDiagnostic(CHECK_CODES.principalStringNotStar, wildcard.span, `principal \`${wildcard.value}\` is not \`*\``));
    }
    for (const entry of principal.entries) {
      for (const item of entry.values.items) checkValue(entry.type.value, item, report);
    }
  }
};

function checkValue(type: string, item: JsonString, report: Parameters<Check>[1]): void {
  const value = item.value;
  if (value === "*" || value.includes("${")) return;
  if (value.includes("*") || value.includes("?")) {
    report(makeDiagnostic(CHECK_CODES.partialWildcardPrincipal, item.span, `principal \`${value}\` contains a wildcard`,
      { help: "list the principals, or use `*` with a condition such as `aws:PrincipalArn` with `ArnLike`" }));
    return;
  }
  if (type === "Federated" || type === "CanonicalUser") {
    // §1.5: such a principal names no KMS caller, so its statement never applies (an Allow allows nothing;
    // a Deny denies nothing, which an author rarely means): say so.
    report(makeDiagnostic(CHECK_CODES.noKmsCaller, item.span, `\`${type}\` principal \`${value}\` never names the caller of a KMS request`));
    return;
  }
  if (type !== "AWS") return;
  // DEVIATION: §1.5, A35 — a unique ID (`AROA…`) is read as naming no one: it never matches (warning).
  if (UNIQUE_ID.test(value)) {
    report(makeDiagnostic(CHECK_CODES.uniqueIdPrincipal, item.span, `principal \`${value}\` is a unique ID and never matches`));
    return;
  }
  const problem = awsPrincipalProblem(value);
  if (problem !== undefined) {
    report(makeDiagnostic(CHECK_CODES.invalidAwsPrincipal, item.span, `principal \`${value}\` ${problem}`));
  }
}
