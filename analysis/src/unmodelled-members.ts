// What the analysis models of a bundle: its keys' key policies, its principals' identity policies, and
// the layers whose every test is a condition, a Resource or a Principal of a policy statement, looked
// up by caller or resource account and principal ARN: the organization's SCPs and RCPs (and AWS managed
// keys, exempt from RCPs), permissions boundaries, session policies and federating users. Endpoint
// policies and grants are refused (KA0008) by the CLI's loader and by the playground's diff alike:
//   - an endpoint policy is chosen by `aws:SourceVpce` and capped by `aws:SourceVpc`, which no
//     statement needs to test, so the request space has no class for "through endpoint E";
//   - a grant's EncryptionContextEquals holds only when the request carries no other encryption-context
//     pair, so its answer turns on context keys no policy names, which the request space never makes.
// Refused, never dropped: a dropped ceiling or grant would change answers.
import type { Bundle } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "./diagnostics.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const MODELLED: Readonly<Record<"bundle" | "keys" | "principals", ReadonlySet<string>>> = {
  bundle: new Set(["keys", "principals", "organization"]),
  keys: new Set(["policy", "awsManaged"]),
  principals: new Set(["policies", "boundary", "sessionPolicies", "federatedBy"]),
};

const WHY: Readonly<Record<string, string>> = {
  endpoints: "VPC endpoint policies are chosen by `aws:SourceVpce`, which the request space does not split by endpoint",
  grants: "grants decide through encryption-context pairs no policy names (EncryptionContextEquals), which the request space does not make",
};

/** Refuses (KA0008) a bundle with a member the analysis does not model (see the header). */
export function refuseUnmodelledMembers(plain: Bundle): void {
  const bundle = plain as unknown as Record<string, unknown>;
  const extra = Object.keys(bundle).filter((k) => !MODELLED.bundle.has(k));
  if (extra.length > 0) refuse(AnalysisCode.unsupportedBundle, `the bundle has \`${extra.join("`, `")}\`: ${extra.map((k) => WHY[k] ?? "not modelled").join("; ")}`);
  for (const member of ["keys", "principals"] as const) {
    const entries = isRecord(bundle[member]) ? bundle[member] : {};
    for (const [arn, e] of Object.entries(entries)) {
      const layered = isRecord(e) ? Object.keys(e).filter((k) => !MODELLED[member].has(k)) : [];
      if (layered.length > 0) refuse(AnalysisCode.unsupportedBundle, `\`${member}[${arn}]\` has \`${layered.join("`, `")}\`: ${layered.map((k) => WHY[k] ?? "not modelled").join("; ")}`);
    }
  }
}
