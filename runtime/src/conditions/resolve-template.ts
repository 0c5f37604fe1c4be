// Policy variables at decision time (spec §4.4): each value is resolved on its own; a variable
// whose key is absent takes its default, else the whole value is NULL (matches nothing). A variable
// on an ambiguous or multi-valued key makes the value undecidable (A18, §4.1). Resolved text is
// literal: `*` and `?` from the context are never wildcards (A24). Engines differ only in how they
// read a key, so they pass a reader.
import type { GraphTemplatePart } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import type { Presence, RequestValue } from "./answer.js";
import { hasSeveralValues } from "./answer.js";

/** A variable's value: a string, `null` (absent: NULL unless a default) or `undefined` (undecidable). */
export type VariableValue = string | null | undefined;

/** A variable's value from what its key finds in the request (spec §4.4, §4.1, A18). */
export function variableValue(presence: Presence, value: RequestValue | undefined): VariableValue {
  // DEVIATION: §4.1, A18 — a variable on an ambiguous or multi-valued key is undecidable (fail closed).
  if (presence === "ambiguous") return undefined;
  if (presence === "absent" || value === undefined) return null;
  if (typeof value === "string") return value;
  return hasSeveralValues(value) ? undefined : value[0]!;
}

/**
 * Resolves a template into chunks (pattern text keeps its wildcards, the rest is literal), NULL or
 * UNDECIDABLE. `refs[i]` is how `read` finds the key of part i. Undecidable wins over NULL, whatever
 * the order of the variables.
 */
export function resolveTemplate<S, R>(
  parts: readonly GraphTemplatePart[], refs: ArrayLike<R>, source: S, read: (source: S, ref: R) => VariableValue,
): GlobChunk[] | null | undefined {
  const out: GlobChunk[] = [];
  let isNull = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // DEVIATION: §4.4, A24 — substituted text is literal: `*` and `?` from the context are never wildcards.
    if ("variable" in part) {
      const raw = read(source, refs[i]!);
      if (raw === undefined) return undefined;
      const v = raw ?? part.default; // an absent key takes the variable's default
      if (v === undefined) isNull = true;
      else out.push({ text: v, wild: false });
    } else if ("text" in part) out.push({ text: part.text, wild: true });
    else out.push({ text: part.literal, wild: false });
  }
  return isNull ? null : out;
}
