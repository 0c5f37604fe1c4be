// What the analysis models of a bundle: its keys' key policies and its principals' identity policies.
// Anything else is a policy layer the request space does not (yet) hold, refused by the CLI's loader and
// by the playground's diff alike.
import type { Bundle } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "./diagnostics.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Refuses (KA0008) a bundle with members the analysis does not model: every member but keys and
 * principals is a policy layer (organization, endpoints, …), and so is every entry member but a key's
 * `policy` and a principal's `policies`. Refused, never dropped: a dropped ceiling or grant would change answers.
 */
export function refuseUnmodelledMembers(plain: Bundle): void {
  const bundle = plain as unknown as Record<string, unknown>;
  const extra = Object.keys(bundle).filter((k) => k !== "keys" && k !== "principals");
  if (extra.length > 0) refuse(AnalysisCode.unsupportedBundle, `the bundle has \`${extra.join("`, `")}\`; the analysis models keys and principals only`);
  for (const [member, allowed] of [["keys", "policy"], ["principals", "policies"]] as const) {
    const entries = isRecord(bundle[member]) ? bundle[member] : {};
    for (const [arn, e] of Object.entries(entries)) {
      const layered = isRecord(e) ? Object.keys(e).filter((k) => k !== allowed) : [];
      if (layered.length > 0) refuse(AnalysisCode.unsupportedBundle, `\`${member}[${arn}]\` has \`${layered.join("`, `")}\`; the analysis models key and identity policies only`);
    }
  }
}
