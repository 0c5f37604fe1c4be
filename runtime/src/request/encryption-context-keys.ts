// `kms:EncryptionContextKeys` is what AWS makes of a request's encryption context: its keys (KMS
// condition keys page: the key "evaluate[s] only the key in each encryption context pair"). A request
// gives its pairs as `kms:EncryptionContext:<key>` entries (docs/request-model.md); one that gives pairs
// and leaves this key out has it filled in by every engine (deviation 47), so a Deny on it fires
// whether or not the request builder remembered it. A given value is read as given (a grant's
// encryption-context constraint reads its keys too: conditions/grant-constraints.ts). The one home of the
// rule for the graph and the Cedar encoder; the reference states it on its own.
import { lowerStartsWith } from "../conditions/lower-case.js";

/** The lower-cased name of the key the engines fill in. */
export const ENCRYPTION_CONTEXT_KEYS = "kms:encryptioncontextkeys";

const PREFIX = "kms:encryptioncontext:";

/**
 * The keys of the pairs among the context entries `names[i]` → `values[i]` (`i < count`), in context
 * order: each name in any letter case of the prefix, the key as written after it; an entry whose value is
 * an empty list is no pair. `"ambiguous"` when two entries name one key in different letter case, or a key
 * is the empty string (deviation 45), and undefined when there is no pair.
 */
export function pairKeys(count: number, names: readonly string[], values: readonly (string | readonly string[])[]): readonly string[] | "ambiguous" | undefined {
  let keys: string[] | undefined;
  let lowered: string[] | undefined;
  for (let i = 0; i < count; i++) {
    const name = names[i]!;
    if (!lowerStartsWith(name, PREFIX)) continue;
    const value = values[i]!;
    if (typeof value !== "string" && value.length === 0) continue;
    const key = name.slice(PREFIX.length);
    if (key === "") return "ambiguous";
    const lower = key.toLowerCase();
    if (lowered?.includes(lower)) return "ambiguous";
    (keys ??= []).push(key);
    (lowered ??= []).push(lower);
  }
  return keys;
}
