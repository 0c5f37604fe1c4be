// Where each `${…}` of a string sits, for underlining one variable. Phase: checks. Assumes the string
// parsed as a template (parseTemplate succeeded), so every `${` starts a well-formed substitution.

export interface SubstitutionRange {
  readonly offset: number;
  readonly length: number;
}

/** The ranges of the substitutions (`${*}`, `${key}`, `${key, 'default'}`) in order. */
export function substitutionRanges(text: string): SubstitutionRange[] {
  const out: SubstitutionRange[] = [];
  let at = text.indexOf("${");
  while (at >= 0) {
    const end = substitutionEnd(text, at);
    out.push({ offset: at, length: end - at });
    at = text.indexOf("${", end);
  }
  return out;
}

/** The ranges of `${…}` in any text (well-formed or not): each runs to the next `}` or the end. */
export function roughSubstitutionRanges(text: string): SubstitutionRange[] {
  const out: SubstitutionRange[] = [];
  let at = text.indexOf("${");
  while (at >= 0) {
    const close = text.indexOf("}", at + 2);
    const end = close < 0 ? text.length : close + 1;
    out.push({ offset: at, length: end - at });
    at = text.indexOf("${", end);
  }
  return out;
}

function substitutionEnd(text: string, at: number): number {
  if ("*?$".includes(text[at + 2] ?? "") && text[at + 3] === "}") return at + 4;
  let i = at + 2;
  while (i < text.length && text[i] !== "}" && text[i] !== ",") i++;
  if (text[i] === ",") {
    const open = text.indexOf("'", i);
    const close = text.indexOf("'", open + 1);
    return close + 2;
  }
  return i + 1;
}
