// The compiler's refusal of the layers a backend does not decide yet (KC2960): one error per member
// that introduces one. The graph backend decides every layer; the Cedar backend does not yet, and
// ignoring a ceiling would let its output Allow what AWS denies (a wrong Allow), so no Cedar is emitted
// for such a bundle; `kms-cedar eval --engine graph` (or `reference`) decides it. Phase: compile. Pure.
import type { BundleDiagnostic } from "../normalize/check-sources.js";
import type { LoadedBundle } from "./load-bundle.js";
import { LAYER_DIAGNOSTICS, LayerCode } from "./layer-diagnostic-codes.js";

const WHAT: Readonly<Record<string, string>> = {
  organization: "SCPs and RCPs (`organization`)",
  endpoints: "VPC endpoint policies (`endpoints`)",
  grants: "grants (`grants`)",
  boundary: "a permissions boundary (`boundary`)",
  sessionPolicies: "session policies (`sessionPolicies`)",
  federatedBy: "a federated user's federating user (`federatedBy`)",
};

/** KC2960 for every layer member of `loaded`, in source order, naming the backend that refuses it. */
export function refuseLayers(loaded: LoadedBundle, backend = "Cedar"): BundleDiagnostic[] {
  const help = LAYER_DIAGNOSTICS.find((info) => info.code === LayerCode.layerNotCompiled)?.help;
  const uses = [...(loaded.layerUses ?? [])];
  // INVARIANT: every layer policy comes with a use; refuse anyway if one does not (never compile a layer).
  for (const policy of loaded.policies) {
    if (policy.layer !== undefined && uses.length === 0) uses.push({ layer: "organization", span: { start: 0, end: 0 } });
  }
  return uses.map((use) => ({
    code: LayerCode.layerNotCompiled, severity: "error" as const, span: use.span, file: loaded.file,
    message: `the ${backend} backend does not decide ${WHAT[use.layer] ?? `\`${use.layer}\``} yet`,
    ...(help === undefined ? {} : { help }),
  }));
}
