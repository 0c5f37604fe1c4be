// The Chevrotain parser of the JSON front end: an error-tolerant JSON grammar whose embedded actions
// build the lossless syntax tree directly (no CST). Phase: grammar. Input: tokens from scan.ts,
// bracket-resolved (every closer it meets closes its own container or an enclosing one).
import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import type { Report } from "../diagnostic.js";
import { reportDuplicateKeys } from "./duplicate-keys.js";
import { type Frame, ParserState } from "./parser-state.js";
import type { JsonArray, JsonMember, JsonObject, JsonString, JsonValue } from "./syntax-tree.js";
import {
  ALL_TOKEN_TYPES, BadKey, BadString, Colon, Comma, FalseLit, Invalid, type JsonToken, KeyColon, LCurly, LSquare,
  MissingValue, NullLit, NumberLit, RCurly, RSquare, StringLit, TrueLit,
} from "./tokens.js";

type Alts<T> = IOrAlt<T>[];

/**
 * The grammar, tolerant by design. Each object and array is read by two loops: a fast one for
 * well-formed items (`"key": value,` and `value,`) and, from the first token it cannot take on, a
 * general one whose alternatives accept every token but the closers and report each mistake
 * (missing or extra `,`, missing `:`, non-string key, stray `:`, unclosed container) through
 * `ParserState`: one diagnostic per token, none at a `quiet` one.
 *
 * PERF: every DSL callback and alternative list is created once, in the constructor; scalar values
 * are consumed inline where they occur (no `value` subrule per member or element); keys come with
 * their colon as one KeyColon token, and the scanner inserts MissingValue where a value is absent,
 * so a member needs no OPTION.
 *
 * DSL occurrence indexes must be unique per rule: the numbers below are chosen for that.
 */
/**
 * PERF (issue 14, CLI start): Chevrotain's grammar validations (ambiguities, left recursion) cost
 * about a third of building the parser at every start, and can only fail if this file's grammar is
 * wrong: they run under the test runner (vitest sets VITEST), where every such mistake shows up.
 */
const SKIP_VALIDATIONS = !(typeof process !== "undefined" && process.env?.["VITEST"] !== undefined);

export class JsonParser extends EmbeddedActionsParser {
  private readonly s = new ParserState();

  constructor() {
    super([...ALL_TOKEN_TYPES], { maxLookahead: 1, recoveryEnabled: false, skipValidations: SKIP_VALIDATIONS });
    this.performSelfAnalysis();
  }

  /** Parses the whole token list; the first value is the root, anything after it is reported. */
  parseDocument(text: string, tokens: JsonToken[], quietAtEnd: boolean, report: Report): JsonValue | undefined {
    this.s.reset(text, quietAtEnd, report);
    this.input = tokens;
    return this.document();
  }

  // ---- values ----

  /** A KeyColon read as a value (`"a": "b": "c"`): its colon is stray; the value after it is dropped. */
  private strayColonValue(tok: IToken, after: () => unknown, optionIdx: number): JsonValue | undefined {
    if (!this.RECORDING_PHASE) this.s.strayColonAt(tok, this.LA(1));
    this.option(optionIdx, after);
    return tok.payload as JsonValue | undefined;
  }

  /** The alternatives of a value, with DSL indexes `k` (`k + 1` for the dropped value after a stray colon). */
  private valueAlternatives(k: number): Alts<JsonValue | undefined> {
    const afterStrayColon = (): unknown => this.subrule(k + 1, this.value);
    return [
      { ALT: () => this.consume(k, StringLit).payload },
      { ALT: () => this.subrule(k, this.object) },
      { ALT: () => this.subrule(k, this.array) },
      { ALT: () => this.consume(k, NumberLit).payload },
      { ALT: () => this.consume(k, TrueLit).payload },
      { ALT: () => this.consume(k, FalseLit).payload },
      { ALT: () => this.consume(k, NullLit).payload },
      { ALT: () => { this.consume(k, Invalid); return undefined; } },
      { ALT: () => { this.consume(k, BadString); return undefined; } },
      { ALT: () => { this.consume(k, MissingValue); return undefined; } },
      { ALT: () => this.strayColonValue(this.consume(k, KeyColon), afterStrayColon, k) },
    ];
  }

  private readonly valueAlts = this.valueAlternatives(0);
  private readonly value = this.RULE("value", (): JsonValue | undefined => this.OR(this.valueAlts));

  // ---- objects ----
  // option: 1 and 4 (stray colons), 2, 3 (fast comma), 5 (closer), 6, 7; or: 0–5; consume and
  // subrule: 1–2 in the fast loop, 4–5 for general member values, 0, 3, 6, 7 elsewhere.

  private addMember(frame: Frame, key: IToken, value: JsonValue | undefined): void {
    if (frame.expectSeparator) this.s.missingComma(key);
    const keyNode = key.payload as JsonString;
    const end = value === undefined ? keyNode.span.end : value.span.end;
    frame.members.push({ key: keyNode, value, span: { start: keyNode.span.start, end } });
    frame.expectSeparator = true;
    frame.lastComma = undefined;
  }

  private readonly fastMemberValueAlts = this.valueAlternatives(1);
  private readonly fastComma = (): IToken => this.consume(1, Comma);

  /** Fast loop item: `"key": value` and an optional `,`. */
  private readonly fastMember = (): void => {
    const key = this.consume(3, KeyColon);
    const value = this.or(1, this.fastMemberValueAlts);
    const comma = this.option(3, this.fastComma);
    if (this.RECORDING_PHASE) return;
    const frame = this.s.frame;
    this.addMember(frame, key, value);
    if (comma !== undefined) this.s.separator(comma as JsonToken);
  };

  private readonly memberValueAlts = this.valueAlternatives(4);

  /** General loop: `"key": value`. */
  private readonly memberAlt = (): void => {
    const key = this.CONSUME(KeyColon);
    const value = this.or(2, this.memberValueAlts);
    if (!this.RECORDING_PHASE) this.addMember(this.s.frame, key, value);
  };

  private readonly colonlessValue = (): JsonValue | undefined => this.SUBRULE(this.value);

  /** `"key" value` or `"key"` alone: the colon is missing. */
  private readonly colonlessMemberAlt = (): void => {
    const key = this.CONSUME(StringLit);
    const next = this.LA(1);
    const value = this.option(6, this.colonlessValue);
    if (this.RECORDING_PHASE) return;
    this.s.missingColon(key, next);
    this.addMember(this.s.frame, key, value);
  };

  private readonly optionalValueAlts: Alts<unknown> = [
    { ALT: () => this.subrule(6, this.value) },
    { ALT: () => undefined },
  ];

  private readonly colonAndValue = (): void => {
    this.consume(2, Colon);
    this.or(3, this.optionalValueAlts);
  };

  /** An unquoted key (reported by the scanner): parsed like a member, left out of the tree. */
  private readonly badKeyAlt = (): void => {
    const key = this.CONSUME(BadKey);
    if (!this.RECORDING_PHASE) this.s.itemStart(key);
    this.OPTION2(this.colonAndValue);
    this.s.itemEnd();
  };

  private readonly colonAndValue2 = (): void => {
    this.consume(3, Colon);
    this.or(4, this.optionalValueAlts2);
  };

  private readonly optionalValueAlts2: Alts<unknown> = [
    { ALT: () => this.subrule(7, this.value) },
    { ALT: () => undefined },
  ];

  /** A number, literal, object or array where a key belongs: reported, left out of the tree. */
  private readonly nonStringKeyAlt = (): void => {
    const first = this.LA(1);
    if (!this.RECORDING_PHASE) this.s.itemStart(first);
    this.SUBRULE(this.keyLikeValue);
    if (!this.RECORDING_PHASE) this.s.nonStringKey(first, this.LA(1));
    this.option(7, this.colonAndValue2);
    this.s.itemEnd();
  };

  /** An unterminated string where a key belongs (reported by the scanner; it ate its line). */
  private readonly badStringKeyAlt = (): void => {
    const tok = this.CONSUME(BadString);
    if (!this.RECORDING_PHASE) this.s.itemStart(tok);
    this.s.itemEnd();
  };

  private readonly objectCommaAlt = (): void => {
    const comma = this.CONSUME(Comma);
    if (!this.RECORDING_PHASE) this.s.comma(comma as JsonToken, "member");
  };

  private readonly objectColonAlt = (): void => {
    const colon = this.CONSUME(Colon);
    if (!this.RECORDING_PHASE) this.s.strayColonAt(colon, this.LA(1));
  };

  private readonly objectAlts: Alts<void> = [
    { ALT: this.memberAlt },
    { ALT: this.objectCommaAlt },
    { ALT: this.colonlessMemberAlt },
    { ALT: this.badKeyAlt },
    { ALT: this.badStringKeyAlt },
    { ALT: this.objectColonAlt },
    { ALT: this.nonStringKeyAlt },
  ];

  private readonly objectItem = (): void => this.OR(this.objectAlts);
  private readonly closeCurly = (): IToken => this.consume(1, RCurly);

  /**
   * After the fast loop: the `}` (the common case, one dispatch), or the general loop and then the
   * `}` if any, or nothing at all (the end of the text, or an enclosing container's closer).
   */
  private readonly objectEndAlts: Alts<IToken | undefined> = [
    { ALT: () => this.CONSUME(RCurly) },
    { ALT: () => { this.AT_LEAST_ONE(this.objectItem); return this.option(5, this.closeCurly); } },
    { ALT: () => undefined },
  ];

  private readonly object = this.RULE("object", (): JsonObject => {
    const open = this.CONSUME(LCurly) as JsonToken;
    const frame = this.s.enter(open);
    const members: JsonMember[] = (frame.members = []);
    this.MANY(this.fastMember);
    const closer = this.or(5, this.objectEndAlts);
    let end = 0;
    if (!this.RECORDING_PHASE) {
      end = this.s.close(frame, closer, this.LA(1), this.LA(0));
      if (members.length > 1) reportDuplicateKeys(members, this.s.report);
    }
    this.s.leave();
    return { kind: "object", span: { start: open.startOffset, end }, members };
  });

  private readonly keyLikeAlts: Alts<unknown> = [
    { ALT: () => this.SUBRULE(this.object) },
    { ALT: () => this.SUBRULE(this.array) },
    { ALT: () => this.CONSUME(NumberLit) },
    { ALT: () => this.CONSUME(TrueLit) },
    { ALT: () => this.CONSUME(FalseLit) },
    { ALT: () => this.CONSUME(NullLit) },
    { ALT: () => this.CONSUME(Invalid) },
  ];

  /** A value other than a string, met where a key belongs. */
  private readonly keyLikeValue = this.RULE("keyLikeValue", (): void => { this.OR(this.keyLikeAlts); });

  // ---- arrays ----
  // consume 0 (general), 1 (fast); subrule 0–1 of object/array, 2 of value; option 0–2; or 0–2.

  private element(value: JsonValue | undefined, first: IToken): void {
    if (this.RECORDING_PHASE) return;
    const frame = this.s.frame;
    if (frame.expectSeparator) this.s.missingComma(first);
    if (value !== undefined) frame.elements.push(value);
    frame.expectSeparator = true;
    frame.lastComma = undefined;
  }

  private readonly fastElementAlts: Alts<JsonValue | undefined> = [
    { ALT: () => this.consume(1, StringLit).payload },
    { ALT: () => this.subrule(1, this.object) },
    { ALT: () => this.subrule(1, this.array) },
    { ALT: () => this.consume(1, NumberLit).payload },
    { ALT: () => this.consume(1, TrueLit).payload },
    { ALT: () => this.consume(1, FalseLit).payload },
    { ALT: () => this.consume(1, NullLit).payload },
    { ALT: () => { this.consume(1, Invalid); return undefined; } },
    { ALT: () => { this.consume(1, BadString); return undefined; } },
  ];

  private readonly fastArrayComma = (): IToken => this.consume(1, Comma);

  /** Fast loop item: a value and an optional `,`. */
  private readonly fastElement = (): void => {
    const first = this.LA(1);
    const value = this.or(1, this.fastElementAlts);
    this.element(value, first);
    const comma = this.option(2, this.fastArrayComma);
    if (comma !== undefined && !this.RECORDING_PHASE) this.s.separator(comma as JsonToken);
  };

  private readonly afterStrayColonInArray = (): unknown => this.subrule(2, this.value);

  private readonly arrayAlts: Alts<void> = [
    { ALT: () => { const t = this.CONSUME(StringLit); this.element(t.payload, t); } },
    { ALT: () => { const first = this.LA(1); this.element(this.SUBRULE(this.object), first); } },
    { ALT: () => { const first = this.LA(1); this.element(this.SUBRULE(this.array), first); } },
    { ALT: () => { const t = this.CONSUME(NumberLit); this.element(t.payload, t); } },
    { ALT: () => { const t = this.CONSUME(TrueLit); this.element(t.payload, t); } },
    { ALT: () => { const t = this.CONSUME(FalseLit); this.element(t.payload, t); } },
    { ALT: () => { const t = this.CONSUME(NullLit); this.element(t.payload, t); } },
    { ALT: () => { const t = this.CONSUME(Invalid); this.element(undefined, t); } },
    { ALT: () => { const t = this.CONSUME(BadString); this.element(undefined, t); } },
    { ALT: () => { const t = this.CONSUME(BadKey); this.element(undefined, t); } },
    {
      ALT: () => {
        const t = this.CONSUME(KeyColon);
        this.element(this.strayColonValue(t, this.afterStrayColonInArray, 1), t);
      },
    },
    { ALT: () => { const t = this.CONSUME(Comma); if (!this.RECORDING_PHASE) this.s.comma(t as JsonToken, "element"); } },
    { ALT: () => { const t = this.CONSUME(Colon); if (!this.RECORDING_PHASE) this.s.strayColonAt(t, this.LA(1)); } },
  ];

  private readonly arrayItem = (): void => this.OR(this.arrayAlts);
  private readonly closeSquare = (): IToken => this.consume(1, RSquare);

  /** After the fast loop: as for objects (`objectEndAlts`). */
  private readonly arrayEndAlts: Alts<IToken | undefined> = [
    { ALT: () => this.CONSUME(RSquare) },
    { ALT: () => { this.AT_LEAST_ONE(this.arrayItem); return this.OPTION(this.closeSquare); } },
    { ALT: () => undefined },
  ];

  private readonly array = this.RULE("array", (): JsonArray => {
    const open = this.CONSUME(LSquare) as JsonToken;
    const frame = this.s.enter(open);
    const elements: JsonValue[] = (frame.elements = []);
    this.MANY(this.fastElement);
    const closer = this.or(2, this.arrayEndAlts);
    let end = 0;
    if (!this.RECORDING_PHASE) end = this.s.close(frame, closer, this.LA(1), this.LA(0));
    this.s.leave();
    return { kind: "array", span: { start: open.startOffset, end }, elements };
  });

  // ---- the document ----

  private documentValue(value: JsonValue | undefined, first: IToken): void {
    if (!this.RECORDING_PHASE) this.s.documentValue(value, first);
  }

  private documentStray(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.s.documentStray(tok);
  }

  private readonly documentAlts: Alts<void> = [
    { ALT: () => { const first = this.LA(1); this.documentValue(this.SUBRULE(this.value), first); } },
    { ALT: () => this.documentStray(this.CONSUME(Comma)) },
    { ALT: () => this.documentStray(this.CONSUME(Colon)) },
    { ALT: () => this.documentStray(this.CONSUME(BadKey)) },
  ];

  private readonly documentItem = (): void => this.OR(this.documentAlts);

  private readonly document = this.RULE("document", (): JsonValue | undefined => {
    this.MANY(this.documentItem);
    return this.RECORDING_PHASE ? undefined : this.s.root;
  });
}
