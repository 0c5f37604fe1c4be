// Cedar literals: string literals, `like` patterns (only `*` is a wildcard, `\*` a literal star),
// entity references, and `context["…"]` access. Phase: emit. Output is plain ASCII: every other
// character is written `\u{…}` (cedar-wasm's formatter overflows its stack on a few thousand
// non-ASCII characters in one literal, runtime/src/cedar/cedar-limits.ts; the escape is exact).

/** Escapes the body of a Cedar string literal (no quotes). */
function escapeBody(text: string, literalStars: boolean): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "*" && literalStars) out += "\\*";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp < 0x20 || cp > 0x7e) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out;
}

/** A Cedar string literal. */
export function str(text: string): string {
  return `"${escapeBody(text, false)}"`;
}

/** A piece of a `like` pattern: wildcard text (`*` is a wildcard) or literal text. */
export interface PatternPiece {
  readonly text: string;
  readonly wild: boolean;
}

/**
 * A Cedar `like` pattern literal. Only `*` is a wildcard in Cedar; callers must not pass `?`
 * wildcards (Cedar has none). Literal stars are escaped as `\*`.
 */
export function likePattern(pieces: readonly PatternPiece[]): string {
  let body = "";
  for (const piece of pieces) {
    if (piece.wild) body += piece.text.split("*").map((part) => escapeBody(part, true)).join("*");
    else body += escapeBody(piece.text, true);
  }
  return `"${body}"`;
}

/** An entity reference `Type::"id"`. */
export function entity(type: string, id: string): string {
  return `${type}::${str(id)}`;
}

/** A context attribute access `context["name"]`. */
export function contextAttr(name: string): string {
  return `context[${str(name)}]`;
}

/** A presence test `context has "name"`. */
export function contextHas(name: string): string {
  return `context has ${str(name)}`;
}

/** A Cedar set literal of string literals. */
export function strSet(values: readonly string[]): string {
  return `[${values.map(str).join(", ")}]`;
}

/** Most elements written in one set literal; longer lists are split (see `inChunks`). */
export const SET_CHUNK = 256;

/**
 * `items` in consecutive runs of at most SET_CHUNK (one run when it fits): cedar-wasm's formatter
 * overflows on a set literal of a few thousand elements, so a disjunctive set test (`contains`,
 * `containsAny`, `principal in [...]`) is written as an OR of tests over the runs.
 */
export function inChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SET_CHUNK) out.push(items.slice(i, i + SET_CHUNK));
  return out;
}
