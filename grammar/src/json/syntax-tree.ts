// The lossless JSON syntax tree the parser builds: every value keeps its span and spelling,
// object members keep their order (duplicates included, so checks can report them), and a value
// that error recovery could not build is `undefined` rather than a guess.
import type { Span } from "../diagnostic.js";

export type JsonValue = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonObject {
  readonly kind: "object";
  readonly span: Span;
  /** In source order, duplicates included. */
  readonly members: readonly JsonMember[];
}

export interface JsonMember {
  readonly key: JsonString;
  /** `undefined` when the value is missing or could not be parsed (a syntax error was reported). */
  readonly value: JsonValue | undefined;
  /** From the key's opening quote to the end of the value (or of the key when the value is missing). */
  readonly span: Span;
}

export interface JsonArray {
  readonly kind: "array";
  readonly span: Span;
  readonly elements: readonly JsonValue[];
}

export interface JsonString {
  readonly kind: "string";
  readonly span: Span;
  /** The decoded value (escapes resolved). */
  readonly value: string;
  /** The spelling in the source, quotes included. */
  readonly raw: string;
}

export interface JsonNumber {
  readonly kind: "number";
  readonly span: Span;
  /** The spelling in the source: numbers in conditions are compared as decimal text, never as floats. */
  readonly raw: string;
  readonly value: number;
}

export interface JsonBoolean {
  readonly kind: "boolean";
  readonly span: Span;
  readonly value: boolean;
}

export interface JsonNull {
  readonly kind: "null";
  readonly span: Span;
}

/** What parsing a text yields: a tree (possibly partial) and every syntax error at once. */
export interface ParseResult {
  /** `undefined` only when nothing at all could be built (empty input, input over the size limit). */
  readonly root: JsonValue | undefined;
  readonly diagnostics: readonly import("../diagnostic.js").Diagnostic[];
}

export interface ParseOptions {
  /** Largest document accepted, in bytes of UTF-8. Default 32 768 (the KMS key policy limit). */
  readonly maxBytes?: number;
  /** Deepest nesting of arrays and objects accepted. Default 64. */
  readonly maxDepth?: number;
}
