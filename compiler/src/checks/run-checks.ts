// Reads a parsed policy and runs every check on it. Phase: syntax + checks. A check that throws is a bug:
// it is reported as an internal diagnostic (KC9002) so that the other checks' findings still reach the user.
import type { JsonValue, Report } from "@kms-cedar/grammar";
import { INTERNAL_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { PolicyDocument, PolicyKind } from "../syntax/policy-syntax.js";
import { readPolicy } from "../syntax/read-policy.js";
import { ALL_CHECKS } from "./all-checks.js";
import { createCheckContext } from "./check-context.js";

/** `readPolicy` then every check of `ALL_CHECKS`; returns the document (undefined if none could be read). */
export function runChecks(text: string, kind: PolicyKind, root: JsonValue | undefined, report: Report): PolicyDocument | undefined {
  const document = readPolicy(root, report);
  if (document === undefined) return undefined;
  const context = createCheckContext(text, kind, document);
  for (const check of ALL_CHECKS) {
    try {
      check.run(context, report);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      report(makeDiagnostic(INTERNAL_CODES.checkFailed, { start: 0, end: 0 }, `internal error in \`${check.name}\`: ${detail}`));
    }
  }
  return document;
}
