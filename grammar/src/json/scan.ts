// The JSON scanner: text → Chevrotain tokens (JsonToken), hand-written for speed, reporting every
// lexical mistake (comments, BOM, stray characters, bad strings and numbers) exactly once.
// Phase: grammar. Reported stray characters are dropped; the token after them is marked `quiet`.
import type { Report } from "../diagnostic.js";
import { codeUnits, type CodeUnits } from "./code-units.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import { describeCharacters, isForeignSpace, scanBare } from "./scan-bare.js";
import { scanString, type ScanCursor } from "./scan-string.js";
import type { JsonValue } from "./syntax-tree.js";
import { JsonToken, T } from "./tokens.js";

/** The scanner's output, ready for the bracket resolver and the parser. */
export interface ScanResult {
  readonly tokens: JsonToken[];
  /** A reported flaw sits right before the end of the text: no follow-on error there. */
  readonly quietAtEnd: boolean;
  /** Brackets mismatch or nest deeper than the limit: run `resolveBrackets` before parsing. */
  readonly needsBracketResolution: boolean;
}

/** Token types that can start a value (after a key's colon). */
const STARTS_VALUE: boolean[] = [];
for (const idx of [T.lCurly, T.lSquare, T.string, T.keyColon, T.number, T.true, T.false, T.null, T.invalid, T.badString]) {
  STARTS_VALUE[idx] = true;
}

// PERF: token objects are pooled and the token list is reused from one scan to the next (tokens
// never reach the syntax tree). This takes the most frequent allocation out of every parse; the
// few pointers from pooled tokens to new nodes cost the garbage collector far less. (The pool keeps
// the last document's leaf nodes alive until the next scan.)
const pool: JsonToken[] = [];
const shared: JsonToken[] = [];

/** Collects tokens: follow-on suppression (`quiet`) and the MissingValue insertion happen here. */
class TokenList {
  readonly tokens: JsonToken[] = shared;
  /** The next token follows a reported flaw. */
  quiet = false;
  /** The last token was a KeyColon. */
  afterKey = false;
  /** Pooled tokens handed out by this scan (other tokens are allocated: the pool stays packed). */
  private used = 0;

  constructor(private readonly report: Report) {
    shared.length = 0;
  }

  /** Adds a pooled token of type `idx`; `flawed`: it was reported (so is quiet, and so is the next). */
  add(idx: number, image: string, start: number, end: number, payload: JsonValue | undefined, flawed: boolean): void {
    const n = this.used++;
    let tok = pool[n];
    if (tok === undefined) pool.push(tok = new JsonToken(idx, image, start, end, payload, flawed));
    else {
      tok.tokenTypeIdx = idx;
      tok.image = image;
      tok.startOffset = start;
      tok.endOffset = end;
      tok.payload = payload;
      tok.quiet = flawed;
    }
    this.push(tok, flawed);
  }

  push(tok: JsonToken, flawed: boolean): void {
    if (this.quiet) tok.quiet = true;
    if (this.afterKey && STARTS_VALUE[tok.tokenTypeIdx] !== true) this.missingValue(tok.startOffset, tok);
    this.tokens.push(tok);
    this.quiet = flawed;
    this.afterKey = tok.tokenTypeIdx === KEY_COLON;
  }

  /** Inserts a MissingValue before `next` (undefined: the end of the text at `at`) and reports it. */
  missingValue(at: number, next: JsonToken | undefined): void {
    const quiet = next === undefined ? this.quiet : next.quiet;
    if (!quiet) {
      const found = next === undefined ? "the end of the document" : quoteSource(next.image);
      this.report(jsonDiagnostic(JsonCode.missingValue, `expected a value after \`:\`, found ${found}`,
        at, next === undefined ? at : next.endOffset + 1));
    }
    this.tokens.push(new JsonToken(T.missingValue, "", at, at - 1, undefined, true));
    this.afterKey = false;
  }
}

const KEY_COLON = T.keyColon;

/**
 * Scans `text`; `maxDepth` only decides whether the bracket resolver must run. `ascii`: the caller
 * knows that the text is ASCII (a faster path).
 */
export function scanJson(text: string, maxDepth: number, report: Report, ascii = false): ScanResult {
  const list = new TokenList(report);
  const codes = codeUnits(text, ascii);
  const length = text.length;
  const cursor: ScanCursor = { pos: 0, flawed: false };
  const openers: number[] = [];
  let needsBracketResolution = false;
  let i = 0;
  if (codes[0] === 0xfeff) {
    report(jsonDiagnostic(JsonCode.byteOrderMark, "unexpected byte order mark at the start of the document", 0, 1));
    i = 1;
  }
  while (i < length) {
    const c = codes[i]!;
    switch (c) {
      case 10: // PERF: the indentation after a line break, in one tight loop
        i++;
        while (i < length && codes[i] === 32) i++;
        continue;
      case 32: case 9: case 13:
        i++;
        continue;
      case 123: // {
      case 91: // [
        if (c === 123) list.add(T.lCurly, "{", i, i, undefined, false);
        else list.add(T.lSquare, "[", i, i, undefined, false);
        openers.push(c);
        if (openers.length > maxDepth) needsBracketResolution = true;
        i++;
        continue;
      case 125: // }
      case 93: // ]
        if (c === 125) list.add(T.rCurly, "}", i, i, undefined, false);
        else list.add(T.rSquare, "]", i, i, undefined, false);
        if (openers.pop() !== c - 2) needsBracketResolution = true; // `{` + 2 = `}`, `[` + 2 = `]`
        i++;
        continue;
      case 44:
        list.add(T.comma, ",", i, i, undefined, false);
        i++;
        continue;
      case 58:
        list.add(T.colon, ":", i, i, undefined, false);
        i++;
        continue;
      case 34: case 39: { // " '
        cursor.pos = i;
        const node = scanString(text, codes, cursor, report);
        const end = cursor.pos;
        // An unterminated string may have eaten a separator: no follow-on error after it.
        if (node === undefined) list.add(T.badString, text.slice(i, end), i, end - 1, undefined, true);
        else {
          // A key: the string, optional whitespace and `:` become one KeyColon token.
          let j = end;
          let d = codes[j];
          while (d === 32 || d === 10 || d === 13 || d === 9) d = codes[++j];
          if (d === 58) {
            list.add(KEY_COLON, node.raw, i, j, node, cursor.flawed);
            cursor.pos = j + 1;
          } else list.add(T.string, node.raw, i, end - 1, node, cursor.flawed);
        }
        i = cursor.pos;
        continue;
      }
      default: {
        if (c === 47) { // `//` or `/*`
          const d = codes[i + 1];
          if (d === 47 || d === 42) {
            i = skipComment(text, i, d === 42, report);
            continue;
          }
        }
        const tok = scanOther(text, codes, i, cursor, report);
        i = cursor.pos;
        if (tok === undefined) list.quiet = true;
        else list.push(tok, cursor.flawed);
      }
    }
  }
  if (list.afterKey) {
    list.missingValue(length, undefined);
    list.quiet = true; // a truncated document: the unclosed brackets are the same mistake
  }
  if (openers.length > maxDepth) needsBracketResolution = true;
  return { tokens: list.tokens, quietAtEnd: list.quiet, needsBracketResolution };
}

/**
 * Everything but whitespace, structure, strings and comments: `=`/`=>`/`;` standing in for `:`/`,`
 * (reported), stray control characters (reported, dropped: `undefined`), and bare runs.
 * Moves `cursor.pos` past what it read; `cursor.flawed` says whether it reported something.
 */
function scanOther(text: string, codes: CodeUnits, i: number, cursor: ScanCursor, report: Report): JsonToken | undefined {
  const c = codes[i]!;
  if (c === 61 || c === 59) { // `=` or `=>` for `:`, `;` for `,`
    const width = c === 61 && codes[i + 1] === 62 ? 2 : 1;
    const expected = c === 61 ? ":" : ",";
    report(jsonDiagnostic(c === 61 ? JsonCode.missingColon : JsonCode.missingComma,
      `expected \`${expected}\`, found \`${text.slice(i, i + width)}\``, i, i + width));
    cursor.pos = i + width;
    cursor.flawed = true;
    return c === 61
      ? new JsonToken(T.colon, ":", i, i + width - 1, undefined, true)
      : new JsonToken(T.comma, ",", i, i, undefined, true);
  }
  if (c < 32 || isForeignSpace(c)) {
    report(jsonDiagnostic(JsonCode.unexpectedCharacter, `unexpected character ${describeCharacters(text.charAt(i))}`,
      i, i + 1));
    cursor.pos = i + 1;
    cursor.flawed = true;
    return undefined;
  }
  cursor.pos = i;
  return scanBare(text, codes, cursor, report);
}

/** Skips a `//` or `/* … *\/` comment starting at `start`, reports it, returns the offset after it. */
function skipComment(text: string, start: number, block: boolean, report: Report): number {
  let end: number;
  if (block) {
    const close = text.indexOf("*/", start + 2);
    end = close < 0 ? text.length : close + 2;
    report(jsonDiagnostic(JsonCode.comment,
      close < 0 ? "comments are not allowed in JSON (and this one is never closed)" : "comments are not allowed in JSON",
      start, end));
  } else {
    end = start + 2;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    report(jsonDiagnostic(JsonCode.comment, "comments are not allowed in JSON", start, end));
  }
  return end;
}
