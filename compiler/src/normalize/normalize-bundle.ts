// Normalizes a checked bundle into the model: every policy normalized, keys and principals mapped
// to policy indices in bundle order. Phase: normalize; assumes no check reported an error.
import type { ModelBundle, ModelPolicy } from "../model/policy-model.js";
import type { CheckedBundle } from "./check-sources.js";
import { normalizePolicy } from "./normalize-policy.js";
import { textPosition } from "./text-position.js";

/**
 * The layer policies are in `policies` too, after the key and identity policies, marked with their layer:
 * the graph's `layers` point at them (lower-layers.ts), and both the graph evaluator and the Cedar
 * emitter find them there.
 */
export function normalizeBundle(checked: CheckedBundle): ModelBundle {
  const policies: ModelPolicy[] = [];
  const keys: { arn: string; policy: number }[] = [];
  const principals = new Map<string, number[]>(checked.loaded.principals.map((arn) => [arn, []]));
  const lineStarts = new Map<string, readonly number[]>();
  for (const { source, document } of checked.policies) {
    if (document === undefined) continue; // INVARIANT: unreachable once the checks passed
    const index = policies.length;
    const policy = normalizePolicy(document, {
      location: source.location,
      kind: source.kind,
      owner: source.owner,
      // What compiled output records: stable whatever the working directory (load-bundle.ts `source`).
      file: source.source ?? source.file,
      position: textPosition(source.text, source.start, lineStarts),
    });
    // A layer's policy is found through the layers (lower-layers.ts), never as a key or identity policy.
    policies.push(source.layer === undefined ? policy : { ...policy, layer: source.layer });
    if (source.layer !== undefined) continue;
    if (source.kind === "key") keys.push({ arn: source.owner, policy: index });
    else principals.set(source.owner, [...(principals.get(source.owner) ?? []), index]);
  }
  return { policies, keys, principals: [...principals].map(([arn, list]) => ({ arn, policies: list })) };
}
