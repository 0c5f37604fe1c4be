// Splits Cedar policy text into `{ id: text }` (DESIGN §4: `@id` annotations do not set policy ids,
// so the ids are read from them here; a policy without one gets `policy<n>`).
import type { CedarWasm } from "./load-cedar.js";

const ID = /^\s*@id\("((?:[^"\\]|\\.)*)"\)/m;

/** Policies per cedar-wasm call when a large text is split in pieces (see splitPolicyTexts). */
const POLICIES_PER_CALL = 32;

/**
 * The policies of `text` by id, in text order, or why they cannot be split. A large text is cut
 * before every POLICIES_PER_CALL-th `@id(` that starts a paragraph (how the emitter joins policies)
 * and the pieces are split one by one. `@` only starts an annotation, so a cut is either between two
 * policies — the pieces then give exactly the policies of the whole (cedar-wasm returns each policy's
 * own source, from its first annotation to its `;`) — or inside a string literal or between two
 * annotations of one policy, and then the piece before it does not parse and the whole text is split
 * in one call, as before.
 */
export function splitPolicySet(cedar: CedarWasm, text: string): { readonly policies: Record<string, string> } | { readonly error: string } {
  const pieces = cutBeforePolicies(text, POLICIES_PER_CALL);
  if (pieces.length > 1) {
    const split = splitPolicyTexts(cedar, pieces);
    if (!("error" in split)) return split;
  }
  return splitPolicyTexts(cedar, [text]);
}

/** `text` cut before every `every`-th "\n\n@id(" (the cut keeps the blank line with the piece before). */
export function cutBeforePolicies(text: string, every: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let seen = 0;
  for (let at = text.indexOf("\n\n@id(", 0); at >= 0; at = text.indexOf("\n\n@id(", at + 1)) {
    if (++seen % every !== 0) continue;
    pieces.push(text.slice(start, at + 2));
    start = at + 2;
  }
  pieces.push(text.slice(start));
  return pieces;
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
