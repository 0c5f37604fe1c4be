// Chevrotain token types of the JSON front end and the token objects the hand-written scanner
// (scan.ts) feeds to the Chevrotain parser. Phase: grammar. Tokens never reach the syntax tree.
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import type { JsonValue } from "./syntax-tree.js";

// PERF: no Chevrotain Lexer is built; the scanner produces these types directly (pattern NA).
const token = (name: string, label: string): TokenType => createToken({ name, label, pattern: Lexer.NA });

export const LCurly = token("LCurly", "`{`");
export const RCurly = token("RCurly", "`}`");
export const LSquare = token("LSquare", "`[`");
export const RSquare = token("RSquare", "`]`");
export const Comma = token("Comma", "`,`");
export const Colon = token("Colon", "`:`");
/** A well-formed double-quoted string (possibly with reported bad escapes); payload: JsonString. */
export const StringLit = token("StringLit", "string");
/**
 * A string followed by `:` (whitespace allowed between): an object key and its colon as one token.
 * PERF: one token instead of two for every object member. Payload: the key's JsonString;
 * `endOffset` is the colon's offset.
 */
export const KeyColon = token("KeyColon", "key");
/** A number JSON.parse accepts; payload: JsonNumber. */
export const NumberLit = token("NumberLit", "number");
export const TrueLit = token("TrueLit", "`true`");
export const FalseLit = token("FalseLit", "`false`");
export const NullLit = token("NullLit", "`null`");
/** A string that runs to the end of the line (already reported); it may have eaten a separator. */
export const BadString = token("BadString", "unterminated string");
/** A bare word followed by `:`, i.e. an unquoted object key (already reported). */
export const BadKey = token("BadKey", "unquoted key");
/**
 * A value already reported by the scanner or the bracket resolver: an invalid number, a bare word,
 * a container past the depth limit. It stands for a value that could not be built (`undefined` in
 * the tree). Stray characters and extra closing brackets are dropped instead, not tokenized.
 */
export const Invalid = token("Invalid", "invalid token");
/**
 * Zero-width: inserted by the scanner after a `KeyColon` that no value follows (reported there), so
 * that the grammar can read a value after every key without an OPTION. PERF.
 */
export const MissingValue = token("MissingValue", "missing value");

export const ALL_TOKEN_TYPES: readonly TokenType[] = [
  LCurly, RCurly, LSquare, RSquare, Comma, Colon, StringLit, KeyColon, NumberLit, TrueLit, FalseLit, NullLit,
  BadString, BadKey, Invalid, MissingValue,
];

/** Type indexes, for the scanner and the bracket resolver (plain number compares). */
export const T = {
  lCurly: LCurly.tokenTypeIdx!,
  rCurly: RCurly.tokenTypeIdx!,
  lSquare: LSquare.tokenTypeIdx!,
  rSquare: RSquare.tokenTypeIdx!,
  comma: Comma.tokenTypeIdx!,
  colon: Colon.tokenTypeIdx!,
  string: StringLit.tokenTypeIdx!,
  keyColon: KeyColon.tokenTypeIdx!,
  number: NumberLit.tokenTypeIdx!,
  true: TrueLit.tokenTypeIdx!,
  false: FalseLit.tokenTypeIdx!,
  null: NullLit.tokenTypeIdx!,
  badString: BadString.tokenTypeIdx!,
  badKey: BadKey.tokenTypeIdx!,
  invalid: Invalid.tokenTypeIdx!,
  missingValue: MissingValue.tokenTypeIdx!,
} as const;

/**
 * A token as Chevrotain sees it (`IToken`), plus `payload` (the leaf node of a literal) and
 * `quiet`: this token, or the one right before it, was already reported, so the parser reports no
 * follow-on error at it. `endOffset` is inclusive, as in Chevrotain.
 */
export class JsonToken implements IToken {
  // PERF: `declare`d, not class fields: fields would be defined (to undefined) before the
  // constructor assigns them, which doubles the cost of the most frequent allocation.
  declare tokenTypeIdx: number;
  declare image: string;
  declare startOffset: number;
  declare endOffset: number;
  declare payload: JsonValue | undefined;
  declare quiet: boolean;

  constructor(
    tokenTypeIdx: number, image: string, startOffset: number, endOffset: number,
    payload: JsonValue | undefined, quiet: boolean,
  ) {
    this.tokenTypeIdx = tokenTypeIdx;
    this.image = image;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.payload = payload;
    this.quiet = quiet;
  }

  /** PERF: derived from `tokenTypeIdx` (Chevrotain matches on the index), so tokens stay small. */
  get tokenType(): TokenType {
    return TYPE_BY_INDEX[this.tokenTypeIdx]!;
  }
}

const TYPE_BY_INDEX: TokenType[] = [];
for (const type of ALL_TOKEN_TYPES) TYPE_BY_INDEX[type.tokenTypeIdx!] = type;
