// Classifies policy values (graph values, spec §4) for Cedar: plain text, a whole-value variable that
// Cedar can compare with another attribute, or a template Cedar cannot build (no string concatenation).
// Phase: emit. Pattern pieces keep which characters are wildcards.
import type { GraphValue } from "@kms-cedar/runtime";
import type { PatternPiece } from "./cedar-literal.js";

export type ValueShape =
  /** No variable: the pieces (wildcards active in `wild` pieces, `${*}` etc. literal). */
  | { readonly kind: "text"; readonly pieces: readonly PatternPiece[]; readonly text: string }
  /** Exactly one variable and nothing else: compared as literal text (spec §4.4). */
  | { readonly kind: "variable"; readonly key: string; readonly default?: string }
  /** Variables mixed with text: Cedar has no string concatenation. */
  | { readonly kind: "template" };

/** The shape of one policy value. */
export function shapeOf(value: GraphValue): ValueShape {
  if (typeof value === "string") return { kind: "text", pieces: [{ text: value, wild: true }], text: value };
  const parts = value.template;
  const variables = parts.filter((p) => "variable" in p);
  if (variables.length === 0) {
    const pieces = parts.map((p) => ("text" in p ? { text: p.text, wild: true } : { text: (p as { literal: string }).literal, wild: false }));
    return { kind: "text", pieces, text: pieces.map((p) => p.text).join("") };
  }
  if (parts.length === 1) {
    const v = variables[0] as { variable: string; default?: string };
    return v.default === undefined ? { kind: "variable", key: v.variable } : { kind: "variable", key: v.variable, default: v.default };
  }
  return { kind: "template" };
}

/** Whether a wildcard `?` appears (Cedar's `like` has none). */
export function hasQuestionWildcard(pieces: readonly PatternPiece[]): boolean {
  return pieces.some((p) => p.wild && p.text.includes("?"));
}

/** Whether a wildcard `*` or `?` appears. */
export function hasWildcard(pieces: readonly PatternPiece[]): boolean {
  return pieces.some((p) => p.wild && (p.text.includes("*") || p.text.includes("?")));
}

/** The six ARN components of a pattern, as the matcher reads them (runtime/src/operators/arn-pattern.ts). */
export { arnComponents } from "@kms-cedar/runtime/conditions";
