// The compiler's refusal of the layers the graph and Cedar backends do not decide yet (KC2960): one
// error per member that introduces one. Ignoring a ceiling would let the compiled output Allow what
// AWS denies (a wrong Allow), so such a bundle is never compiled; `kms-cedar eval --engine reference`
// decides it. Phase: compile. Pure.
import type { BundleDiagnostic } from "../normalize/check-sources.js";
import type { LoadedBundle } from "./load-bundle.js";
import { LAYER_DIAGNOSTICS, LayerCode } from "./layer-diagnostic-codes.js";
import type { LayerUse } from "./read-layers.js";

const WHAT: Readonly<Record<string, string>> = {
  organization: "SCPs and RCPs (`organization`)",
  endpoints: "VPC endpoint policies (`endpoints`)",
  grants: "grants (`grants`)",
  boundary: "a permissions boundary (`boundary`)",
  sessionPolicies: "session policies (`sessionPolicies`)",
  federatedBy: "a federated user's federating user (`federatedBy`)",
};

/** The compiled backends: each decides some layer members and refuses the rest. */
export type Backend = "graph" | "cedar";

/**
 * The layer members each backend decides (docs/cedar-mapping.md "Layers"). Cedar: all but a federated
 * user's federating user (`federatedBy`), which its encoder does not model yet.
 */
export const DECIDED_LAYERS: Readonly<Record<Backend, ReadonlySet<LayerUse["layer"]>>> = {
  graph: new Set<LayerUse["layer"]>([]),
  cedar: new Set<LayerUse["layer"]>(["organization", "endpoints", "grants", "boundary", "sessionPolicies"]),
};

/** KC2960 for every layer member of `loaded` that `backend` does not decide, in source order. */
export function refuseLayers(loaded: LoadedBundle, backend?: Backend): BundleDiagnostic[] {
  const help = LAYER_DIAGNOSTICS.find((info) => info.code === LayerCode.layerNotCompiled)?.help;
  const decided = backend === undefined ? new Set<string>() : DECIDED_LAYERS[backend];
  const uses = [...(loaded.layerUses ?? [])].filter((use) => !decided.has(use.layer));
  if (backend !== undefined && (loaded.layerUses ?? []).length > 0 && uses.length === 0) return [];
  // INVARIANT: every layer policy comes with a use; refuse anyway if one does not (never compile a layer).
  for (const policy of loaded.policies) {
    if (policy.layer !== undefined && uses.length === 0) uses.push({ layer: "organization", span: { start: 0, end: 0 } });
  }
  return uses.map((use) => ({
    code: LayerCode.layerNotCompiled, severity: "error" as const, span: use.span, file: loaded.file,
    message: `the ${backend === undefined ? "graph and Cedar backends do" : `${backend === "cedar" ? "Cedar" : "graph"} backend does`} not decide ${WHAT[use.layer] ?? `\`${use.layer}\``} yet`,
    ...(help === undefined ? {} : { help }),
  }));
}
