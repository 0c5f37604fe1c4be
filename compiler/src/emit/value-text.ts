// Writes graph values back in policy syntax for the text and DOT forms: plain text quoted, a
// template with its `${…}` parts restored. Phase: emit.
import type { GraphValue } from "@kms-cedar/runtime";

/** A value as policy text: `"Alpha"`, `"arn:…:key/${aws:principaltag/team, 'x'}"`. */
export function valueText(value: GraphValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  const text = value.template.map((part) => {
    if ("text" in part) return part.text;
    if ("literal" in part) return `\${${part.literal}}`;
    return part.default === undefined ? `\${${part.variable}}` : `\${${part.variable}, '${part.default}'}`;
  }).join("");
  return JSON.stringify(text);
}

/** A list of values: `["a", "b"]`. */
export function valuesText(values: readonly GraphValue[]): string {
  return `[${values.map(valueText).join(", ")}]`;
}
