// The compiler's refusal of the layers a backend does not decide yet (KC2960): one error per member
// that introduces one. The graph backend decides every layer; Cedar all but `federatedBy`; the AVP
// profile none. Ignoring a ceiling would let the output Allow what AWS denies (a wrong Allow), so that
// output is not emitted; `kms-cedar eval --engine graph` (or `reference`) decides such a bundle.
// Phase: compile. Pure.
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
export type Backend = "graph" | "cedar" | "avp";

/**
 * The layer members each backend decides (docs/cedar-mapping.md "Layers"). Cedar: all but a federated
 * user's federating user (`federatedBy`), which its encoder does not model yet.
 */
export const DECIDED_LAYERS: Readonly<Record<Backend, ReadonlySet<LayerUse["layer"]>>> = {
  graph: new Set<LayerUse["layer"]>(["organization", "endpoints", "grants", "boundary", "sessionPolicies", "federatedBy"]),
  cedar: new Set<LayerUse["layer"]>(["organization", "endpoints", "grants", "boundary", "sessionPolicies"]),
  avp: new Set<LayerUse["layer"]>([]),
};

/** The layer members `backend` does not decide, as help text names them (`a federated user's federating user (\`federatedBy\`)`). */
export function layersRefusedBy(backend: Backend): string[] {
  return Object.keys(WHAT).filter((layer) => !DECIDED_LAYERS[backend].has(layer as LayerUse["layer"])).map((layer) => WHAT[layer]!);
}

const NAME: Readonly<Record<Backend, string>> = { graph: "the graph backend does", cedar: "the Cedar backend does", avp: "the AVP profile does" };

/** KC2960 for every layer member of `loaded` that `backend` does not decide, in source order. */
export function refuseLayers(loaded: LoadedBundle, backend: Backend): BundleDiagnostic[] {
  const help = LAYER_DIAGNOSTICS.find((info) => info.code === LayerCode.layerNotCompiled)?.help;
  const decided = DECIDED_LAYERS[backend];
  const uses = [...(loaded.layerUses ?? [])].filter((use) => !decided.has(use.layer));
  if ((loaded.layerUses ?? []).length > 0 && uses.length === 0) return [];
  // INVARIANT: every layer policy comes with a use; refuse anyway if one does not (never compile a layer).
  for (const policy of loaded.policies) {
    if (policy.layer !== undefined && uses.length === 0) uses.push({ layer: "organization", span: { start: 0, end: 0 } });
  }
  return uses.map((use) => ({
    code: LayerCode.layerNotCompiled, severity: "error" as const, span: use.span, file: loaded.file,
    message: `${NAME[backend]} not decide ${WHAT[use.layer] ?? `\`${use.layer}\``} yet`,
    ...(help === undefined ? {} : { help }),
  }));
}
