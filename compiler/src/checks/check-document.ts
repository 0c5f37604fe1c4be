// Document-level rules: Version (spec §1.2, A1), Id in identity policies (A2), the managed-policy size
// (§1.10) and the characters a policy may contain (§1.10). Assumes readPolicy built the document.
import { CHECK_CODES } from "../diagnostics/check-codes.js";
import { makeDiagnostic } from "../diagnostics/make-diagnostic.js";
import type { Check } from "./check-context.js";

const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
/** AWS: §1.10 — IAM managed policies: 6 144 characters, whitespace not counted. */
const MANAGED_POLICY_LIMIT = 6144;

/** `Version` missing, unknown or old. */
export const checkVersion: Check = ({ kind, document }, report) => {
  const version = document.version;
  // DEVIATION: §1.2, A1 — a missing Version is only a warning, also in key policies, which KMS says must have one.
  if (version === undefined) {
    if (document.node.members.some((m) => m.key.value === "Version")) return; // malformed: already reported
    const help = kind === "key"
      ? "KMS expects `\"Version\": \"2012-10-17\"` in key policies; without it policy variables are literal text"
      : undefined;
    report(makeDiagnostic(CHECK_CODES.missingVersion, { start: document.node.span.start, end: document.node.span.start + 1 },
      "the policy has no `Version`", help === undefined ? {} : { help }));
    return;
  }
  if (!VERSIONS.has(version.value)) {
    report(makeDiagnostic(CHECK_CODES.invalidVersion, version.span, `unknown policy version \`${version.value}\``));
  } else if (version.value === "2008-10-17") {
    report(makeDiagnostic(CHECK_CODES.legacyVersion, version.span, "policy version `2008-10-17` has no policy variables"));
  }
};

/** AWS: A2 — the grammar says identity policies have no `Id`; IAM accepts and ignores it. */
export const checkId: Check = ({ kind, document }, report) => {
  // DEVIATION: §1.1, A2 — the grammar page forbids `Id` in identity policies, IAM accepts it: we accept and ignore it (warning).
  if (kind === "identity" && document.id !== undefined) {
    report(makeDiagnostic(CHECK_CODES.idInIdentityPolicy, document.id.span, "`Id` is ignored in an identity policy"));
  }
};

/** AWS: §1.10 — identity managed policies are limited to 6 144 non-whitespace characters. */
export const checkIdentityPolicySize: Check = ({ text, kind, document }, report) => {
  if (kind !== "identity") return;
  let count = 0;
  for (const ch of text) if (ch !== " " && ch !== "\t" && ch !== "\n" && ch !== "\r") count++;
  // DEVIATION: §1.10 — IAM rejects a managed policy over the limit; we cannot tell managed from inline, so we only warn.
  if (count > MANAGED_POLICY_LIMIT) {
    report(makeDiagnostic(CHECK_CODES.identityPolicyTooLarge, document.node.span,
      `the policy has ${count} non-whitespace characters, over the managed-policy limit of ${MANAGED_POLICY_LIMIT}`));
  }
};

/**
 * AWS: §1.10 — policies may contain tab, LF, CR and U+0020–U+00FF only. Control characters below U+0020
 * are JSON errors the parser reports, so only characters above U+00FF are reported here, one
 * diagnostic per run of them.
 */
export const checkCharacters: Check = ({ text }, report) => {
  let runStart = -1;
  let offset = 0;
  const flush = (end: number) => {
    if (runStart < 0) return;
    const first = text.codePointAt(runStart) ?? 0;
    report(makeDiagnostic(CHECK_CODES.characterNotAllowed, { start: runStart, end },
      `character \`${String.fromCodePoint(first)}\` (U+${first.toString(16).toUpperCase().padStart(4, "0")}) is not allowed in a policy`));
    runStart = -1;
  };
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // The byte order mark at the very start is the parser's (KC1004).
    const allowed = code <= 0xff || (code === 0xfeff && offset === 0);
    if (!allowed && runStart < 0) runStart = offset;
    if (allowed) flush(offset);
    offset += ch.length;
  }
  flush(offset);
};
