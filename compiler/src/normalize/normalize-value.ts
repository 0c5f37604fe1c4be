// Turns a policy value into plain pattern text or a variable template (spec §4.2, §4.3): templates
// only in 2012-10-17 policies and only where variables are allowed (Resource, String, ARN, Bool).
// Phase: normalize; the checks have already rejected malformed `${…}`.
import { hasSubstitutions, parseTemplate } from "@kms-cedar/grammar";
import type { GraphTemplatePart } from "@kms-cedar/runtime";
import type { ModelValue } from "../model/policy-model.js";

/** The one policy language version with variables (spec §1.2). */
export const VARIABLES_VERSION = "2012-10-17";

/** `text` as a model value; `variables` says whether `${…}` is a variable here. */
export function normalizeValue(text: string, variables: boolean): ModelValue {
  if (!variables || !text.includes("${")) return text;
  const parsed = parseTemplate(text);
  if ("error" in parsed || !hasSubstitutions(parsed.template)) return text;
  const template = parsed.template.map((part): GraphTemplatePart => {
    if (part.kind === "text") return { text: part.text };
    if (part.kind === "literal") return { literal: part.text };
    return part.default === undefined ? { variable: part.key } : { variable: part.key, default: part.default };
  });
  return { template };
}
