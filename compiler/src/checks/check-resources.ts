// Resource rules (spec §1.7, §1.9, A21): both policy kinds accept `*` or an ARN with a known partition;
// a key policy's Resource should be `*`. Malformed variables are check-variables.ts's business: a value
// whose template does not parse is skipped here.
import { parseArn, parseTemplate } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import { arnTemplateShape } from "./arn-template.js";
import type { Check } from "./check-context.js";
import { resourceLists } from "./policy-walk.js";

/** The AWS partitions (spec §1.7: IAM checks the partition). */
const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]);

/**
 * AWS: §1.7 rule 4, A19 — a `*` that ends the pattern may run past colons, so `arn:aws:kms:*` is an
 * ARN pattern (it matches every KMS ARN, Appendix A #41) although it has fewer than six parts.
 */
function endsInCrossingWildcard(value: string): boolean {
  return value.endsWith("*") && value.split(":").length >= 3;
}

/** Why a resource pattern is not acceptable in an identity policy, or `undefined` when it is fine. */
function resourceProblem(value: string, variables: boolean): string | undefined {
  if (value === "*") return undefined;
  let components: readonly string[];
  if (variables && value.includes("${")) {
    const parsed = parseTemplate(value);
    if (!("template" in parsed)) return undefined;
    const shape = arnTemplateShape(parsed.template);
    if (!shape.complete) return "is not an ARN (it needs six colon-separated parts) or `*`";
    components = shape.components;
  } else {
    const arn = parseArn(value);
    if (arn !== undefined) components = ["arn", arn.partition, arn.service];
    else if (endsInCrossingWildcard(value)) components = value.split(":");
    else return "is not an ARN (it needs six colon-separated parts) or `*`";
  }
  if (components[0] !== "arn") return "is not an ARN: it must start with `arn:`";
  const partition = components[1] ?? "";
  if (!PARTITIONS.has(partition) && !/[*?]|\$\{/u.test(partition)) return `has an unknown partition \`${partition}\``;
  if ((components[2] ?? "") === "") return "has an empty service";
  // AWS: §1.7 rule 5 — no wildcard in the service segment (IAM: "Resource vendor must be fully
  // qualified and cannot contain regexes"), also not a trailing `*` standing for it (`arn:aws:*`).
  if (/[*?]/u.test(components[2]!)) return `has a wildcard in its service \`${components[2]}\` (the service must be written out)`;
  return undefined;
}

/** AWS: §1.7 — `Resource adf must be in ARN format or "*"` (identity policies). */
export const checkIdentityResources: Check = ({ kind, document, variables }, report) => {
  if (kind !== "identity") return;
  for (const statement of document.statements) {
    for (const list of resourceLists(statement)) {
      for (const item of list.items) {
        const problem = resourceProblem(item.value, variables);
        if (problem !== undefined) {
          report(makeDiagnostic(CHECK_CODES.invalidResource, item.span, `resource \`${item.value}\` ${problem}`));
        }
      }
    }
  }
};

/**
 * AWS: §1.7, A21 — in a key policy `"*"` means this key; anything else is undocumented. A value that
 * is not even an ARN is an error, as in identity policies (IAM's "must be in ARN format or `*`").
 */
export const checkKeyPolicyResources: Check = ({ kind, document, variables }, report) => {
  if (kind !== "key") return;
  for (const statement of document.statements) {
    for (const item of statement.resource?.items ?? []) {
      if (item.value === "*") continue;
      const problem = resourceProblem(item.value, variables);
      if (problem !== undefined) {
        report(makeDiagnostic(CHECK_CODES.invalidResource, item.span, `resource \`${item.value}\` ${problem}`));
        continue;
      }
      // DEVIATION: §1.7, A21 — a key-policy Resource other than `*` is undocumented: warned, then undecided unless it is this key's ARN.
      report(makeDiagnostic(CHECK_CODES.keyPolicyResourceNotStar, item.span,
        `key policy resource \`${item.value}\` is not \`*\``));
    }
  }
};
