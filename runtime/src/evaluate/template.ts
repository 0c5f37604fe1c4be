// Policy variables in the graph evaluator: a template keeps the slot of each variable's key, and is
// resolved per request by the shared rule (runtime/src/conditions/resolve-template.ts, spec §4.4).
import { resolveTemplate, variableValue } from "../conditions/resolve-template.js";
import type { TemplateReader } from "../conditions/policy-values.js";
import type { Presence } from "../conditions/answer.js";
import type { GraphTemplatePart } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import type { EvalState } from "./eval-state.js";

/** A template with the slot of each variable part (-1 for text and literal parts). */
export interface CompiledTemplate {
  readonly parts: readonly GraphTemplatePart[];
  readonly slots: Int32Array;
}

export function compileTemplate(parts: readonly GraphTemplatePart[], slotOf: (key: string) => number): CompiledTemplate {
  return { parts, slots: Int32Array.from(parts.map((p) => ("variable" in p ? slotOf(p.variable) : -1))) };
}

/** What slot `slot` finds in the current request. */
export function presenceOf(st: EvalState, slot: number): Presence {
  return st.isAmbiguous(slot) ? "ambiguous" : st.has(slot) ? "present" : "absent";
}

function slotVariable(st: EvalState, slot: number): string | null | undefined {
  return variableValue(presenceOf(st, slot), st.slotValue[slot]);
}

/** Resolves a template into chunks, NULL or UNDECIDABLE for the current request. */
export function resolveChunks(t: CompiledTemplate, st: EvalState): GlobChunk[] | null | undefined {
  return resolveTemplate(t.parts, t.slots, st, slotVariable);
}

/** How the graph evaluator resolves the templates of condition values. */
export function graphTemplates(slotOf: (key: string) => number): TemplateReader<CompiledTemplate, EvalState> {
  return { compile: (parts) => compileTemplate(parts, slotOf), resolve: resolveChunks };
}
