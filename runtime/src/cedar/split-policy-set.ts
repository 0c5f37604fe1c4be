// Splits Cedar policy text into `{ id: text }` (DESIGN §4: `@id` annotations do not set policy ids,
// so the ids are read from them here; a policy without one gets `policy<n>`).
import type { CedarWasm } from "./load-cedar.js";

const ID = /^\s*@id\("((?:[^"\\]|\\.)*)"\)/m;

/** The policies of `text` by id, in text order, or why they cannot be split. */
export function splitPolicySet(cedar: CedarWasm, text: string): { readonly policies: Record<string, string> } | { readonly error: string } {
  const parts = cedar.policySetTextToParts(text);
  if (parts.type !== "success") return { error: parts.errors.map((e) => e.message).join("; ") };
  const policies: Record<string, string> = {};
  parts.policies.forEach((policy, i) => {
    const m = ID.exec(policy);
    const id = m === null ? `policy${i}` : (JSON.parse(`"${m[1]!}"`) as string);
    if (id in policies) throw new Error(`INVARIANT: duplicate policy id \`${id}\``);
    policies[id] = policy;
  });
  return { policies };
}
