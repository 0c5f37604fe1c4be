// Policy variables at decision time (spec §4.4): each value is resolved on its own; a variable
// whose key is absent takes its default, else the whole value is NULL (matches nothing). A variable
// on an ambiguous or multi-valued key makes the value undecidable (A18, §4.1). Resolved text is
// literal: `*` and `?` from the context are never wildcards (A24).
import type { GraphTemplatePart } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import type { EvalState } from "./eval-state.js";

/** A template with the slot of each variable part (-1 for text and literal parts). */
export interface CompiledTemplate {
  readonly parts: readonly GraphTemplatePart[];
  readonly slots: Int32Array;
}

/** The value is NULL: some variable has no value and no default. */
export const NULL_VALUE = null;
/** The value cannot be decided: a variable's key is ambiguous or multi-valued. */
export const UNDECIDABLE_VALUE = undefined;

export function compileTemplate(parts: readonly GraphTemplatePart[], slotOf: (key: string) => number): CompiledTemplate {
  return { parts, slots: Int32Array.from(parts.map((p) => ("variable" in p ? slotOf(p.variable) : -1))) };
}

/** Whether an array holds two or more distinct values (context values are sets, spec §3.2). */
export function hasSeveralValues(v: readonly string[]): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return true;
  return false;
}

/** A variable's value: a string, NULL (absent, no default) or UNDECIDABLE. */
function variableValue(st: EvalState, slot: number, fallback: string | undefined): string | null | undefined {
  // DEVIATION: §4.1, A18 — a variable on an ambiguous or multi-valued key is undecidable (fail closed).
  if (st.isAmbiguous(slot)) return UNDECIDABLE_VALUE;
  if (!st.has(slot)) return fallback ?? NULL_VALUE;
  const v = st.slotValue[slot]!;
  if (typeof v === "string") return v;
  return hasSeveralValues(v) ? UNDECIDABLE_VALUE : v[0]!;
}

/**
 * Resolves a template into chunks (pattern text keeps its wildcards, the rest is literal), NULL or
 * UNDECIDABLE. Undecidable wins over NULL, whatever the order of the variables.
 */
export function resolveChunks(t: CompiledTemplate, st: EvalState): GlobChunk[] | null | undefined {
  const out: GlobChunk[] = [];
  let isNull = false;
  for (let i = 0; i < t.parts.length; i++) {
    const part = t.parts[i]!;
    // DEVIATION: §4.4, A24 — substituted text is literal: `*` and `?` from the context are never wildcards.
    if ("variable" in part) {
      const v = variableValue(st, t.slots[i]!, part.default);
      if (v === UNDECIDABLE_VALUE) return UNDECIDABLE_VALUE;
      if (v === NULL_VALUE) isNull = true;
      else out.push({ text: v, wild: false });
    } else if ("text" in part) out.push({ text: part.text, wild: true });
    else out.push({ text: part.literal, wild: false });
  }
  return isNull ? NULL_VALUE : out;
}

/** The plain text of resolved chunks (for operators without wildcards). */
export function chunksText(chunks: readonly GlobChunk[]): string {
  let out = "";
  for (let i = 0; i < chunks.length; i++) out += chunks[i]!.text;
  return out;
}
