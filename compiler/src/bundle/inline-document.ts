// The JSON text of an inline policy document of a bundle object (what `compileBundle` is given),
// without ever throwing: a document nested deeper than the JSON front end accepts, or one that
// JSON cannot hold (a cycle, a BigInt), is reported instead. Phase: bundle loading.
import { JsonCode } from "@kms-cedar/grammar";
import { BundleCode } from "./bundle-diagnostic-codes.js";

/** Deepest nesting of arrays and objects the JSON front end accepts (grammar/src/json/limits.ts). */
const MAX_DEPTH = 64;

/** The pretty-printed text, or the code and message of why there is none. */
export function inlineDocumentText(value: unknown): { readonly text: string } | { readonly code: string; readonly message: string } {
  const depth = nestingDepth(value, MAX_DEPTH + 1);
  if (depth > MAX_DEPTH) {
    return { code: JsonCode.nestingTooDeep, message: `arrays and objects nest deeper than ${MAX_DEPTH} levels in this inline document` };
  }
  try {
    return { text: JSON.stringify(value, null, 2) ?? "null" };
  } catch (error) {
    // A cycle or a BigInt: not a JSON document at all.
    return { code: BundleCode.badPolicyValue, message: `an inline policy document must be plain JSON: ${(error as Error).message}` };
  }
}

/**
 * How deep arrays and objects nest in `value`, counted up to `cap` (a cycle counts as deeper).
 * An explicit stack, not recursion: a document nested 100,000 deep must not overflow.
 */
export function nestingDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const pending: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  while (pending.length > 0) {
    const { item, depth } = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest >= cap) return deepest;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) pending.push({ item: child, depth: here });
  }
  return deepest;
}
