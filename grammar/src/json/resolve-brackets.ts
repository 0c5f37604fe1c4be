// Bracket resolution before parsing (only when the scanner saw mismatched or too-deep brackets):
// decides for each mismatched closer whether it is extra (dropped, reported here) or closes inner
// unclosed containers (kept; see close-unclosed.ts), and collapses containers past the depth limit.
// Phase: grammar. After this pass the parser never nests deeper than `maxDepth`.
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { closeUnclosed } from "./close-unclosed.js";
import { jsonDiagnostic } from "./json-diagnostic.js";
import { JsonToken, T } from "./tokens.js";

/** The token list the parser will read, and whether a reported flaw sits right before the end. */
export interface ResolvedTokens {
  readonly tokens: JsonToken[];
  readonly quietAtEnd: boolean;
}

// PERF: lookahead for a decision is bounded, and so is the number of decisions that look ahead,
// so that adversarial input (thousands of stray brackets) stays linear.
const LOOKAHEAD_TOKENS = 4096;
const LOOKAHEAD_DECISIONS = 64;

const isOpener = (idx: number): boolean => idx === T.lCurly || idx === T.lSquare;
const isCloser = (idx: number): boolean => idx === T.rCurly || idx === T.rSquare;
/** The opener type index a closer matches. */
const openerOf = (idx: number): number => (idx === T.rCurly ? T.lCurly : T.lSquare);

/**
 * Counts the bracket mistakes in `tokens[from…]` when it is read with `stack` open: closers that
 * match nothing, containers closed implicitly, and containers still open at the end.
 */
function countMistakes(tokens: readonly JsonToken[], from: number, stack: number[]): number {
  let mistakes = 0;
  const end = Math.min(tokens.length, from + LOOKAHEAD_TOKENS);
  for (let j = from; j < end; j++) {
    const idx = tokens[j]!.tokenTypeIdx;
    if (isOpener(idx)) stack.push(idx);
    else if (isCloser(idx)) {
      const at = stack.lastIndexOf(openerOf(idx));
      if (at < 0) mistakes++;
      else {
        mistakes += stack.length - 1 - at;
        stack.length = at;
      }
    }
  }
  return end === tokens.length ? mistakes + stack.length : mistakes;
}

/** Resolves brackets as described above; diagnostics go to `report`. */
export function resolveBrackets(
  tokens: readonly JsonToken[], quietAtEnd: boolean, maxDepth: number, report: Report,
): ResolvedTokens {
  const out: JsonToken[] = [];
  const stack: number[] = [];
  const openers: JsonToken[] = [];
  const unclosed = new Set<JsonToken>();
  let decisions = 0;
  let quiet = false;
  const emit = (tok: JsonToken): void => {
    if (quiet) tok.quiet = true;
    quiet = false;
    out.push(tok);
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const idx = tok.tokenTypeIdx;
    if (isOpener(idx)) {
      if (stack.length < maxDepth) {
        stack.push(idx);
        openers.push(tok);
        emit(tok);
        continue;
      }
      let j = i + 1;
      for (let level = 1; j < tokens.length && level > 0; j++) {
        const k = tokens[j]!.tokenTypeIdx;
        if (isOpener(k)) level++;
        else if (isCloser(k)) level--;
      }
      const last = tokens[j - 1]!;
      report(jsonDiagnostic(JsonCode.nestingTooDeep,
        `arrays and objects nest deeper than ${maxDepth} levels here`, tok.startOffset, tok.startOffset + 1,
        `the limit is ${maxDepth} levels; the content of this \`${tok.image}\` was skipped`));
      emit(new JsonToken(T.invalid, "…", tok.startOffset, last.endOffset, undefined, true));
      // No follow-on error right after the skipped content, but the end of the text after it
      // is still checked (the enclosing brackets may be unclosed).
      quiet = j < tokens.length;
      i = j - 1;
      continue;
    }
    if (isCloser(idx)) {
      const opener = openerOf(idx);
      const top = stack.length - 1;
      const at = stack.lastIndexOf(opener);
      let extra = at < 0;
      if (at >= 0 && at !== top && decisions < LOOKAHEAD_DECISIONS) {
        decisions++;
        const ifDropped = countMistakes(tokens, i + 1, stack.slice());
        const ifClosing = countMistakes(tokens, i + 1, stack.slice(0, at));
        extra = ifDropped < ifClosing;
      }
      if (extra) {
        report(jsonDiagnostic(JsonCode.unexpectedClosingBracket, `unexpected \`${tok.image}\``,
          tok.startOffset, tok.startOffset + 1,
          stack.length === 0
            ? `this \`${tok.image}\` has no matching opening bracket; remove it`
            : `this \`${tok.image}\` closes nothing here; remove it`));
        quiet = true;
        continue;
      }
      for (let k = at + 1; k < openers.length; k++) unclosed.add(openers[k]!);
      const matched = openers[at]!;
      stack.length = at;
      openers.length = at;
      // A closer that ends the root right before a `,` is often an extra one in the middle of the
      // document (`{"a": {}}, "b": 1}`): drop it when the rest then balances better.
      if (at === 0 && tokens[i + 1]?.tokenTypeIdx === T.comma && decisions < LOOKAHEAD_DECISIONS) {
        decisions++;
        if (countMistakes(tokens, i + 1, [opener]) < countMistakes(tokens, i + 1, [])) {
          stack.push(opener);
          openers.push(matched);
          report(jsonDiagnostic(JsonCode.unexpectedClosingBracket, `unexpected \`${tok.image}\``,
            tok.startOffset, tok.startOffset + 1, `this \`${tok.image}\` closes the whole document early; remove it`));
          quiet = true;
          continue;
        }
      }
    }
    emit(tok);
  }
  for (const open of openers) unclosed.add(open);
  return { tokens: unclosed.size > 0 ? closeUnclosed(out, unclosed, report) : out, quietAtEnd: quiet || quietAtEnd };
}
