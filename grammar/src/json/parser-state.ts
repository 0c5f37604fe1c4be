// The mutable state behind the JSON parser's embedded actions: open containers, the root, and the
// reporting of syntax errors with follow-on suppression. Phase: grammar. Used only by parser.ts.
import { EOF, type IToken } from "chevrotain";
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import type { JsonMember, JsonValue } from "./syntax-tree.js";
import { T, type JsonToken } from "./tokens.js";

const EOF_IDX = EOF.tokenTypeIdx!;

/** One open object or array. PERF: reused per depth; entering a container allocates only its list. */
export class Frame {
  open: JsonToken | undefined = undefined;
  members: JsonMember[] = [];
  elements: JsonValue[] = [];
  /** The last item was a member or element: the next one needs a `,` first. */
  expectSeparator = false;
  /** The `,` after the last item, if any (a trailing comma when the container closes next). */
  lastComma: JsonToken | undefined = undefined;
  /** Stray colons are reported once per container (object syntax in an array is one mistake). */
  reportedStrayColon = false;
}

/**
 * Reporting rules: at most one parser diagnostic per token, and none at a `quiet` token (one that
 * follows, or is, a mistake already reported), so that one mistake gives one diagnostic.
 */
export class ParserState {
  text = "";
  report: Report = () => undefined;
  frames: Frame[] = [new Frame()];
  depth = 0;
  frame: Frame = this.frames[0]!;
  root: JsonValue | undefined = undefined;
  private quietAtEnd = false;
  private eofReported = false;
  private seenRoot = false;
  private reportedStray = false;

  reset(text: string, quietAtEnd: boolean, report: Report): void {
    this.text = text;
    this.report = report;
    this.quietAtEnd = quietAtEnd;
    this.eofReported = false;
    this.depth = 0;
    const root = (this.frame = this.frames[0]!);
    root.expectSeparator = false;
    root.lastComma = undefined;
    root.reportedStrayColon = false;
    this.root = undefined;
    this.seenRoot = false;
    this.reportedStray = false;
  }

  // ---- containers ----

  enter(open: JsonToken): Frame {
    const depth = ++this.depth;
    let frame = this.frames[depth];
    if (frame === undefined) this.frames[depth] = frame = new Frame();
    frame.open = open;
    frame.expectSeparator = false;
    frame.lastComma = undefined;
    frame.reportedStrayColon = false;
    this.frame = frame;
    return frame;
  }

  leave(): void {
    if (this.depth > 0) this.depth--;
    this.frame = this.frames[this.depth]!;
  }

  /**
   * Ends a container: reports a trailing comma, or the missing closer when `closer` is undefined
   * (`next` is then the end of the text or an enclosing container's closer). Returns the end offset.
   */
  close(frame: Frame, closer: IToken | undefined, next: IToken, previous: IToken): number {
    const open = frame.open!;
    const expected = open.image === "{" ? "}" : "]";
    if (closer !== undefined) {
      const comma = frame.lastComma;
      // A zero-width closer (close-unclosed.ts) stands for a missing one: no trailing comma then.
      if (comma !== undefined && !frame.expectSeparator && closer.image !== "") {
        this.report(jsonDiagnostic(JsonCode.trailingComma, `trailing comma before \`${expected}\``,
          comma.startOffset, comma.startOffset + 1));
      }
      return closer.startOffset + 1;
    }
    if (next.tokenTypeIdx === EOF_IDX) {
      if (!this.eofReported && !this.quietAtEnd) {
        this.report(jsonDiagnostic(JsonCode.unclosedBracket,
          `\`${open.image}\` is never closed: expected \`${expected}\` before the end of the document`,
          open.startOffset, open.startOffset + 1));
      }
      this.eofReported = true;
    } else if (!(next as JsonToken).quiet) {
      const end = next.tokenTypeIdx === T.keyColon ? (next.payload as JsonValue).span.end : next.endOffset! + 1;
      this.report(jsonDiagnostic(JsonCode.unclosedBracket, `expected \`${expected}\` before ${quoteSource(next.image)}`,
        next.startOffset, end, `add \`${expected}\` to close the \`${open.image}\``,
        [{ span: { start: open.startOffset, end: open.startOffset + 1 }, message: "the unclosed bracket" }]));
      (next as JsonToken).quiet = true; // the enclosing containers do not report it again
    }
    return previous.endOffset! + 1;
  }

  // ---- reporting ----

  private isQuiet(tok: IToken): boolean {
    return tok.tokenTypeIdx === EOF_IDX ? this.quietAtEnd : (tok as JsonToken).quiet;
  }

  private quiet(tok: IToken): void {
    if (tok.tokenTypeIdx === EOF_IDX) this.quietAtEnd = true;
    else (tok as JsonToken).quiet = true;
  }

  private describe(tok: IToken): string {
    return tok.tokenTypeIdx === EOF_IDX ? "the end of the document" : quoteSource(tok.image);
  }

  /** Reports at `[start, end)` (the token's span by default) unless the token is quiet. */
  private reportAt(tok: IToken, code: string, message: string, start?: number, end?: number): void {
    if (this.isQuiet(tok)) return;
    const eof = tok.tokenTypeIdx === EOF_IDX;
    const from = start ?? (eof ? this.text.length : tok.startOffset);
    const to = end ?? (eof ? this.text.length : tok.endOffset! + 1);
    this.report(jsonDiagnostic(code, message, from, to));
    this.quiet(tok);
  }

  missingComma(tok: IToken): void {
    const closer = this.frame.open?.image === "[" ? "]" : "}";
    const what = closer === "]" ? "array element" : "object member";
    this.reportAt(tok, JsonCode.missingComma, `expected \`,\` or \`${closer}\` after ${what}, found ${this.describe(tok)}`,
      tok.startOffset, tok.tokenTypeIdx === T.keyColon ? (tok.payload as JsonValue).span.end : undefined);
  }

  missingColon(key: IToken, next: IToken): void {
    this.reportAt(next, JsonCode.missingColon, `expected \`:\` after the key ${quoteSource(key.image)}, found ${this.describe(next)}`,
      undefined, next.tokenTypeIdx === T.keyColon ? (next.payload as JsonValue).span.end : undefined);
  }

  nonStringKey(first: IToken, next: IToken): void {
    const message = next.tokenTypeIdx === T.colon
      ? `object keys must be strings, found ${this.describe(first)}`
      : `expected a string key, found ${this.describe(first)}`;
    const end = first.tokenTypeIdx === T.lCurly || first.tokenTypeIdx === T.lSquare ? first.startOffset + 1 : undefined;
    this.reportAt(first, JsonCode.nonStringKey, message, first.startOffset, end);
    this.quiet(next);
  }

  /** A `:` where none belongs; `tok` is a Colon, or a KeyColon whose colon is the stray one. */
  strayColonAt(tok: IToken, next: IToken): void {
    const at = tok.endOffset!;
    const frame = this.frame;
    const where = frame.open === undefined ? "here" : frame.open.image === "[" ? "in array" : "in object";
    if (!this.isQuiet(tok) && !frame.reportedStrayColon) {
      this.report(jsonDiagnostic(JsonCode.unexpectedColon, `unexpected \`:\` ${where}`, at, at + 1));
    }
    frame.reportedStrayColon = true;
    this.quiet(next);
  }

  /** A `,` right after an item (the fast loops). */
  separator(comma: JsonToken): void {
    this.frame.expectSeparator = false;
    this.frame.lastComma = comma;
  }

  comma(comma: JsonToken, what: "member" | "element"): void {
    const frame = this.frame;
    if (!frame.expectSeparator) {
      this.reportAt(comma, JsonCode.unexpectedComma,
        frame.lastComma !== undefined ? "unexpected `,` after `,`" : `unexpected \`,\` before the first ${what}`);
    }
    frame.expectSeparator = false;
    frame.lastComma = comma;
  }

  /** Before a member or element that is not built (a reported bad key, say). */
  itemStart(tok: IToken): void {
    if (this.frame.expectSeparator) this.missingComma(tok);
  }

  itemEnd(): void {
    this.frame.expectSeparator = true;
    this.frame.lastComma = undefined;
  }

  // ---- the document ----

  documentValue(value: JsonValue | undefined, first: IToken): void {
    if (this.seenRoot) this.documentStray(first);
    else {
      this.seenRoot = true;
      this.root = value;
    }
  }

  documentStray(tok: IToken): void {
    if (this.reportedStray) return;
    this.reportedStray = true;
    if (this.seenRoot) {
      this.reportAt(tok, JsonCode.trailingContent, `unexpected ${this.describe(tok)} after the end of the document`);
    } else {
      this.reportAt(tok, JsonCode.missingValue, `expected a JSON value, found ${this.describe(tok)}`);
    }
  }
}
