// Normalizes a checked bundle into the model: every policy normalized, keys and principals mapped
// to policy indices in bundle order. Phase: normalize; assumes no check reported an error.
import type { ModelBundle, ModelPolicy } from "../model/policy-model.js";
import type { CheckedBundle } from "./check-sources.js";
import { normalizePolicy } from "./normalize-policy.js";
import { textPosition } from "./text-position.js";

/**
 * With `layerPolicies` (the default) the layer policies are in `policies` too, marked with their layer
 * (the graph finds them through its `layers`); without, they are left out (the Cedar emitter takes them
 * from normalizeLayerPolicies).
 */
export function normalizeBundle(checked: CheckedBundle, layerPolicies = true): ModelBundle {
  const policies: ModelPolicy[] = [];
  const keys: { arn: string; policy: number }[] = [];
  const principals = new Map<string, number[]>(checked.loaded.principals.map((arn) => [arn, []]));
  for (const { source, document } of checked.policies) {
    if (document === undefined) continue; // INVARIANT: unreachable once the checks passed
    if (source.layer !== undefined && !layerPolicies) continue;
    const index = policies.length;
    const policy = normalizePolicy(document, {
      location: source.location,
      kind: source.kind,
      owner: source.owner,
      file: source.file,
      position: textPosition(source.text, source.start),
    });
    // A layer's policy is found through the layers (lower-layers.ts), never as a key or identity policy.
    policies.push(source.layer === undefined ? policy : { ...policy, layer: source.layer });
    if (source.layer !== undefined) continue;
    if (source.kind === "key") keys.push({ arn: source.owner, policy: index });
    else principals.set(source.owner, [...(principals.get(source.owner) ?? []), index]);
  }
  return { policies, keys, principals: [...principals].map(([arn, list]) => ({ arn, policies: list })) };
}

/** A normalized policy of a layer (SCP, RCP, boundary, session or endpoint policy), with its layer. */
export interface ModelLayerPolicy {
  readonly layer: NonNullable<CheckedBundle["policies"][number]["source"]["layer"]>;
  readonly policy: ModelPolicy;
}

/**
 * The layer policies of a checked bundle, in bundle order. RCPs and endpoint policies are read with
 * their Principal (normalized as key policies) and then matched as identity policies are (their
 * Resource is an ordinary resource pattern, docs/semantics/rcp.md, vpc-endpoint-policy.md).
 */
export function normalizeLayerPolicies(checked: CheckedBundle): ModelLayerPolicy[] {
  const out: ModelLayerPolicy[] = [];
  for (const { source, document } of checked.policies) {
    if (document === undefined || source.layer === undefined) continue;
    const policy = normalizePolicy(document, {
      location: source.location,
      kind: source.kind,
      owner: source.owner,
      file: source.file,
      position: textPosition(source.text, source.start),
    });
    out.push({ layer: source.layer, policy: { ...policy, kind: "identity" } });
  }
  return out;
}
