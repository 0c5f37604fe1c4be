// Second step of bracket resolution: ends containers that are never closed where their content
// visibly stops, by inserting a zero-width closer: an array that meets `"key":` (a member of the
// object around it), an object that meets `{` or `[` where a key belongs (the next element of the
// array around it). Phase: grammar. Reports KC1022 there, so one missing bracket is one diagnostic.
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import type { JsonValue } from "./syntax-tree.js";
import { JsonToken, T } from "./tokens.js";

interface Open {
  readonly token: JsonToken;
  readonly unclosed: boolean;
}

const isOpener = (idx: number): boolean => idx === T.lCurly || idx === T.lSquare;
const isCloser = (idx: number): boolean => idx === T.rCurly || idx === T.rSquare;

/** Whether `tok` ends the never-closed container `top` (inside `parent`), `previous` being the token before. */
function endsHere(tok: JsonToken, previous: JsonToken | undefined, top: Open, parent: Open): boolean {
  const idx = tok.tokenTypeIdx;
  const inner = top.token.tokenTypeIdx;
  const outer = parent.token.tokenTypeIdx;
  if (inner === T.lSquare && outer === T.lCurly) return idx === T.keyColon;
  if (inner === T.lCurly && outer === T.lSquare) {
    const after = previous?.tokenTypeIdx;
    return isOpener(idx) && after !== T.keyColon && after !== T.colon;
  }
  return false;
}

/**
 * Returns `tokens` with a zero-width closer (image `""`) inserted where a container of `unclosed`
 * visibly ends. A zero-width closer ends its container at the end of the token before it.
 */
export function closeUnclosed(tokens: readonly JsonToken[], unclosed: ReadonlySet<JsonToken>, report: Report): JsonToken[] {
  const out: JsonToken[] = [];
  const stack: Open[] = [];
  let previous: JsonToken | undefined;
  for (const tok of tokens) {
    const idx = tok.tokenTypeIdx;
    const top = stack[stack.length - 1];
    const parent = stack[stack.length - 2];
    if (top !== undefined && parent !== undefined && top.unclosed && endsHere(tok, previous, top, parent)) {
      const open = top.token;
      const expected = open.tokenTypeIdx === T.lCurly ? "}" : "]";
      const end = tok.tokenTypeIdx === T.keyColon ? (tok.payload as JsonValue).span.end : tok.endOffset + 1;
      if (!tok.quiet) {
        report(jsonDiagnostic(JsonCode.unclosedBracket, `expected \`${expected}\` before ${quoteSource(tok.image)}`,
          tok.startOffset, end, `add \`${expected}\` to close the \`${open.image}\``,
          [{ span: { start: open.startOffset, end: open.startOffset + 1 }, message: "the unclosed bracket" }]));
      }
      const at = previous === undefined ? tok.startOffset : previous.endOffset;
      out.push(new JsonToken(expected === "}" ? T.rCurly : T.rSquare, "", at, at, undefined, true));
      stack.pop();
      tok.quiet = true; // the missing `,` before it is the same mistake
    }
    if (isOpener(idx)) stack.push({ token: tok, unclosed: unclosed.has(tok) });
    else if (isCloser(idx)) {
      const opener = idx === T.rCurly ? T.lCurly : T.lSquare;
      while (stack.length > 0 && stack.pop()!.token.tokenTypeIdx !== opener);
    }
    out.push(tok);
    previous = tok;
  }
  return out;
}
