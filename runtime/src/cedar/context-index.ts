// The request context as the encoder reads it (docs/request-model.md, spec §6.1, §3.2, A18): keys
// matched case-insensitively, values as sets (duplicates dropped, order kept), an empty array absent,
// two entries whose names differ only in case ambiguous.

/** What a condition key finds in the request. */
export type ContextEntry =
  | { readonly kind: "absent" }
  | { readonly kind: "ambiguous" }
  | { readonly kind: "present"; readonly values: readonly string[] };

const ABSENT: ContextEntry = { kind: "absent" };
const AMBIGUOUS: ContextEntry = { kind: "ambiguous" };

/** A context indexed by lower-cased key name. Values must already be strings or string arrays. */
export class ContextIndex {
  private readonly entries = new Map<string, ContextEntry>();

  constructor(context: Readonly<Record<string, string | readonly string[]>> | undefined) {
    if (context === undefined) return;
    for (const name of Object.keys(context)) {
      const lower = name.toLowerCase();
      if (this.entries.has(lower)) {
        this.entries.set(lower, AMBIGUOUS); // A18: even when one of them is an empty array
        continue;
      }
      const raw = context[name]!;
      const values = typeof raw === "string" ? [raw] : [...new Set(raw)];
      this.entries.set(lower, values.length === 0 ? ABSENT : { kind: "present", values });
    }
  }

  /** Replaces the entry of a (lower-cased) key: a key derived from the caller (docs/request-model.md). */
  set(key: string, entry: ContextEntry): void {
    this.entries.set(key, entry);
  }

  /** Whether the context gave the (lower-cased) key at all, an empty list included. */
  given(key: string): boolean {
    return this.entries.has(key);
  }

  /** The entry of a (lower-cased) key. */
  get(key: string): ContextEntry {
    return this.entries.get(key) ?? ABSENT;
  }

  /** Every lower-cased key present or ambiguous, in request order. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}
