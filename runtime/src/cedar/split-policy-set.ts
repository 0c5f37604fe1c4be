// Splits Cedar policy text into `{ id: text }` (DESIGN §4: `@id` annotations do not set policy ids,
// so the ids are read from them here; a policy without one gets `policy<n>`).
import type { CedarWasm } from "./load-cedar.js";

const ID = /^\s*@id\("((?:[^"\\]|\\.)*)"\)/m;

/** The policies of `text` by id, in text order, or why they cannot be split. */
export function splitPolicySet(cedar: CedarWasm, text: string): { readonly policies: Record<string, string> } | { readonly error: string } {
  return splitPolicyTexts(cedar, [text]);
}

/**
 * The policies of the concatenation of `texts` (each a whole number of policies) by id, in order —
 * what splitPolicySet gives on the joined text. PERF (issue 14): cedar-wasm's policySetTextToParts
 * takes time superlinear in its input (57 s on a 12,000-policy set), linear a few policies a call.
 */
export function splitPolicyTexts(cedar: CedarWasm, texts: readonly string[]): { readonly policies: Record<string, string> } | { readonly error: string } {
  const policies = Object.create(null) as Record<string, string>;
  let i = 0;
  for (const text of texts) {
    const parts = cedar.policySetTextToParts(text);
    if (parts.type !== "success") return { error: parts.errors.map((e) => e.message).join("; ") };
    for (const policy of parts.policies) {
      const m = ID.exec(policy);
      const id = m === null ? `policy${i}` : (JSON.parse(`"${m[1]!}"`) as string);
      if (id in policies) throw new Error(`INVARIANT: duplicate policy id \`${id}\``);
      policies[id] = policy;
      i++;
    }
  }
  return { policies };
}
