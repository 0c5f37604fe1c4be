// Whether a policy value has a wildcard of its own: `*` or `?` in its text, not inside a `${…}`
// substitution (inserted text and `${*}` are never wildcards, spec §4.1, §4.4, A24). Phase: checks.
import { parseTemplate } from "@kms-cedar/grammar";

/**
 * Whether `value` has a `*` or `?` outside its substitutions; `variables` says whether `${…}` is a
 * substitution here (2012-10-17 only). A malformed `${…}` (check-variables.ts reports it) has none.
 */
export function hasOwnWildcard(value: string, variables: boolean): boolean {
  if (!variables || !value.includes("${")) return /[*?]/u.test(value);
  const parsed = parseTemplate(value);
  return "template" in parsed && parsed.template.some((part) => part.kind === "text" && /[*?]/u.test(part.text));
}
