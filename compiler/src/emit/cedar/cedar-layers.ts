// The input of the Cedar emitter for a bundle with layers (docs/cedar-mapping.md "Layers"): the
// decision graph lowered with the layer policies too (identity-kind, after the bundle's own policies;
// only the Cedar emitter reads them, the graph evaluator never sees this graph) and the layer plan.
// Phase: lower (for Cedar); pure.
import type { DecisionGraph } from "@kms-cedar/runtime";
import { toPlainBundle } from "../../bundle/to-plain-bundle.js";
import { lowerBundle } from "../../lower/lower-bundle.js";
import type { CheckedBundle } from "../../normalize/check-sources.js";
import { normalizeBundle, normalizeLayerPolicies } from "../../normalize/normalize-bundle.js";
import { runGraphPasses } from "../../passes/graph-passes.js";
import type { AssembleLayers } from "./assemble-policies.js";
import { planLayers } from "./layer-plan.js";

/** The graph and layers to emit Cedar from; undefined when the bundle has no layer; `failed` on a broken invariant. */
export function cedarLayers(checked: CheckedBundle): { graph: DecisionGraph; layers: AssembleLayers } | { failed: string } | undefined {
  const plain = toPlainBundle(checked.loaded);
  if ("failed" in plain) return { failed: plain.failed };
  const plan = planLayers(plain.bundle as unknown as Record<string, unknown>);
  if (plan === undefined) return undefined;
  // The key and identity policies first, the layer policies after them (identity-kind).
  const model = normalizeBundle(checked, false);
  const layerPolicies = normalizeLayerPolicies(checked);
  const graph = runGraphPasses(lowerBundle({ ...model, policies: [...model.policies, ...layerPolicies.map((l) => l.policy)] }));
  const policyAt = new Map(layerPolicies.map((l, i) => [l.policy.location, model.policies.length + i] as const));
  return { graph, layers: { plan, policyAt } };
}
