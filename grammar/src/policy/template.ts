// Policy-variable sub-grammar (spec §4.1, §4.5, A24): splits a string value of a 2012-10-17 policy into
// pattern text, the literal characters `${*}` `${?}` `${$}`, and `${key}` / `${key, 'default'}` variables.
// Hand-written scanner rather than a Chevrotain lexer: the language is regular and tiny, and a
// direct scanner can say precisely which part of a malformed `${…}` is wrong (missing brace, missing
// quote, space, empty name), which a token stream would force us to re-derive in a second layer.
import type { Template, TemplatePart } from "./template.types.js";

/** A malformed `${…}`: offsets are UTF-16 code units into the scanned string. */
export interface TemplateError {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export type TemplateResult = { readonly template: Template } | { readonly error: TemplateError };

const SPECIALS = new Set(["*", "?", "$"]);
/** Characters that can never be part of a variable name. */
const NOT_NAME = /[\s${}',*?]/u;

/** Parses a string value into a template; a `${` that does not start a well-formed variable is an error. */
export function parseTemplate(text: string): TemplateResult {
  const parts: TemplatePart[] = [];
  let pending = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("${", i);
    if (open < 0) {
      pending += text.slice(i);
      break;
    }
    pending += text.slice(i, open);
    const scanned = scanVariable(text, open);
    if ("error" in scanned) return scanned;
    if (pending !== "") parts.push({ kind: "text", text: pending });
    pending = "";
    parts.push(scanned.part);
    i = scanned.end;
  }
  if (pending !== "") parts.push({ kind: "text", text: pending });
  return { template: parts };
}

/** Whether a template has at least one variable or special character (i.e. differs from plain text). */
export function hasSubstitutions(template: Template): boolean {
  return template.some((part) => part.kind !== "text");
}

type Scanned = { readonly part: TemplatePart; readonly end: number } | { readonly error: TemplateError };

/** Scans one `${…}` starting at `open` (the `$`). */
function scanVariable(text: string, open: number): Scanned {
  const fail = (message: string, end: number): Scanned => ({
    error: { message, offset: open, length: Math.max(end - open, 2) },
  });
  const first = text[open + 2];
  if (first !== undefined && SPECIALS.has(first) && text[open + 3] === "}") {
    return { part: { kind: "literal", text: first }, end: open + 4 };
  }
  let i = open + 2;
  while (i < text.length && !NOT_NAME.test(text[i] ?? "")) i++;
  const name = text.slice(open + 2, i);
  const next = text[i];
  if (next === undefined) return fail("policy variable is missing its closing `}`", text.length);
  if (/\s/u.test(next)) return fail("unsupported space in policy variable", i + 1);
  if (name === "") {
    if (next === "}") return fail("empty policy variable `${}`", i + 1);
    return fail(`unexpected \`${next}\` at the start of a policy variable`, i + 1);
  }
  if (next === "}") return { part: { kind: "variable", key: name.toLowerCase(), default: undefined }, end: i + 1 };
  if (next === ",") return scanDefault(text, open, name, i + 1);
  return fail(`unexpected \`${next}\` in policy variable name`, i + 1);
}

/** Scans `\s*'default'}` after the comma of `${name, 'default'}` (spec §4.1: no quote inside the default). */
function scanDefault(text: string, open: number, name: string, afterComma: number): Scanned {
  let i = afterComma;
  while (i < text.length && /\s/u.test(text[i] ?? "")) i++;
  // DEVIATION: §4.1, A24 — only `, 'default'` (blanks optional, no quote inside) is accepted; AWS shows it by example only.
  if (text[i] !== "'") {
    return { error: { message: "default value of a policy variable must be in single quotes", offset: open, length: i + 1 - open } };
  }
  const close = text.indexOf("'", i + 1);
  if (close < 0) {
    return { error: { message: "default value of a policy variable is missing its closing quote", offset: open, length: text.length - open } };
  }
  if (text[close + 1] !== "}") {
    const end = Math.min(close + 2, text.length);
    return { error: { message: "policy variable must end with `}` right after its default value", offset: open, length: end - open } };
  }
  const part: TemplatePart = { kind: "variable", key: name.toLowerCase(), default: text.slice(i + 1, close) };
  return { part, end: close + 2 };
}
