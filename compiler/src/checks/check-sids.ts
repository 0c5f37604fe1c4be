// Sid rules (spec §1.3, §1.9, A27): identity policies allow only letters and digits and need unique Sids;
// key policies allow any text and duplicates are only warned about.
import type { JsonString } from "@kms-cedar/grammar";
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";

const IDENTITY_SID = /^[A-Za-z0-9]*$/u;

/** `Sid` characters (identity policies) and uniqueness (error in identity policies, warning in key policies). */
export const checkSids: Check = ({ kind, document }, report) => {
  const seen = new Map<string, JsonString>();
  for (const statement of document.statements) {
    const sid = statement.sid;
    if (sid === undefined) continue;
    if (kind === "identity" && !IDENTITY_SID.test(sid.value)) {
      report(makeDiagnostic(CHECK_CODES.invalidSid, sid.span, `\`Sid\` \`${sid.value}\` contains characters other than letters and digits`));
    }
    if (sid.value === "") continue; // an empty Sid names nothing, so it cannot clash
    const first = seen.get(sid.value);
    if (first === undefined) {
      seen.set(sid.value, sid);
      continue;
    }
    // DEVIATION: §1.3, A27 — KMS does not document duplicate Sids in key policies: accepted with a warning.
    const info = kind === "identity" ? CHECK_CODES.duplicateSid : CHECK_CODES.duplicateSidInKeyPolicy;
    report(makeDiagnostic(info, sid.span, `duplicate \`Sid\` \`${sid.value}\``,
      { related: [{ span: first.span, message: "first used here" }] }));
  }
};
