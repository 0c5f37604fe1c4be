// The bundle the reference evaluator reads (DESIGN §2): plain JSON documents, what `JSON.parse`
// gives, keyed as in the bundle. Built with JSON.parse on purpose: the oracle shares no code with
// our parser. Assumes the policies passed the checks (they are valid JSON).
import type { Bundle } from "@kms-cedar/runtime";
import type { LoadedBundle } from "./load-bundle.js";

/** The plain bundle, or the location of a document `JSON.parse` rejects (a broken invariant). */
export function toPlainBundle(loaded: LoadedBundle): { readonly bundle: Bundle } | { readonly failed: string } {
  // Keyed by ARNs from the bundle: no prototype, so no member name can hit Object.prototype.
  const keys = Object.create(null) as Record<string, { policy: unknown }>;
  const principals = Object.create(null) as Record<string, { policies: unknown[] }>;
  for (const arn of loaded.principals) principals[arn] = { policies: [] };
  for (const policy of loaded.policies) {
    let document: unknown;
    try {
      document = JSON.parse(policy.text.slice(policy.start, policy.end));
    } catch {
      return { failed: policy.location };
    }
    if (policy.kind === "key") keys[policy.owner] = { policy: document };
    else (principals[policy.owner] ??= { policies: [] }).policies.push(document);
  }
  return { bundle: { keys, principals } };
}
