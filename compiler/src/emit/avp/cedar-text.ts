// A small reader of the Cedar text the emitter writes, enough for the AVP profile: it tells string
// literals, comments and bracket depth apart, so names can be renamed and bodies split at their
// top-level operators without a full parser (cedar-wasm's JSON form cannot be read back past 128
// levels of nesting, which long condition chains reach). Phase: emit (AVP); input: emitted Cedar.

/** Spans of code outside string literals and comments, with string literals kept verbatim. */
export interface Segment {
  readonly kind: "code" | "string";
  readonly text: string;
}

/** Splits `text` into code and string-literal segments; comments are dropped. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let code = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (code !== "") out.push({ kind: "code", text: code }), (code = "");
      out.push({ kind: "string", text: text.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else {
      code += c;
      i++;
    }
  }
  if (code !== "") out.push({ kind: "code", text: code });
  return out;
}

/**
 * Splits `text` at every occurrence of `separator` (a code token such as `&&`, `||` or `,`) at bracket
 * depth 0, outside string literals. Returns the trimmed pieces (one piece when there is none).
 */
export function splitTopLevel(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      pieces.push(text.slice(start, i).trim());
      i += separator.length;
      start = i;
      continue;
    }
    i++;
  }
  pieces.push(text.slice(start).trim());
  return pieces;
}

/** Whether `text` is wholly wrapped in one pair of parentheses (`(a || b)`, not `(a) || (b)`). */
export function isWrapped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  return depthNeverZero(text);
}

function depthNeverZero(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** Whether `text` has the keyword `word` at depth 0 outside strings (e.g. `if`, whose branches must not be split). */
export function hasTopLevelWord(text: string, word: string): boolean {
  return splitTopLevel(` ${text} `, ` ${word} `).length > 1 || text.startsWith(`${word} `);
}
