// Scans a run of characters outside quotes for the JSON scanner: numbers, `true`/`false`/`null`,
// and the mistakes people make there (unquoted words, `NaN`, `+1`, `01`, `.5`, stray characters).
// Phase: grammar. Every flaw is reported here, once, for the whole run.
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import type { CodeUnits } from "./code-units.js";
import type { ScanCursor } from "./scan-string.js";
import { JsonToken, T } from "./tokens.js";

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Whitespace JSON.parse does not accept but text editors produce: reported, never part of a word. */
export function isForeignSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Characters that end a run: whitespace, controls, structure, quotes, `;`, a comment start. A `:` is
 * taken tentatively (`kms:Decrypt` unquoted is one run) and trailing ones are given back.
 */
function isRunChar(codes: CodeUnits, i: number): boolean {
  const c = codes[i]!;
  // `!(c > 32)` is also true for NaN, past the end of the text.
  if (!(c > 32) || c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 34 || c === 39 || c === 59) {
    return false;
  }
  if (c === 47) { // `/` starts a comment when followed by `/` or `*`
    const d = codes[i + 1];
    return d !== 47 && d !== 42;
  }
  return !isForeignSpace(c);
}

/** `U+00A0` for invisible characters, else the text in backticks. */
export function describeCharacters(run: string): string {
  if (run.length === 1 && !/[\p{L}\p{N}\p{P}\p{S}]/u.test(run)) {
    return "U+" + run.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  }
  return quoteSource(run);
}

function literalToken(run: string, start: number, end: number): JsonToken | undefined {
  const span = { start, end };
  if (run === "true") return new JsonToken(T.true, run, start, end - 1, { kind: "boolean", span, value: true }, false);
  if (run === "false") return new JsonToken(T.false, run, start, end - 1, { kind: "boolean", span, value: false }, false);
  if (run === "null") return new JsonToken(T.null, run, start, end - 1, { kind: "null", span }, false);
  if (JSON_NUMBER.test(run)) {
    return new JsonToken(T.number, run, start, end - 1, { kind: "number", span, raw: run, value: Number(run) }, false);
  }
  return undefined;
}

function numberHelp(run: string): string | undefined {
  if (run.startsWith("+")) return "JSON numbers cannot start with `+`; remove it";
  if (/^-?0[xXoObB]/.test(run)) return "JSON numbers are decimal; write the value in decimal or as a string";
  if (/^-?0\d/.test(run)) return "JSON numbers cannot have leading zeros; remove them or quote the value";
  if (/^-?\./.test(run)) return "write a digit before the decimal point, for example `0.5`";
  if (/\.(?:$|[eE])/.test(run)) return "write a digit after the decimal point, for example `1.0`";
  return undefined;
}

function wordHelp(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower === "true" || lower === "false" || lower === "null") return `JSON literals are lowercase: \`${lower}\``;
  if (/^[-+]?(?:nan|infinity)$/.test(lower) || lower === "undefined" || lower === "none") {
    return `JSON has no \`${word}\`; write the value as a string or a number`;
  }
  return undefined;
}

/**
 * Scans the run starting at `cursor.pos` (a character that is not whitespace, structure or a
 * quote) and returns its token, or `undefined` for stray characters (reported and dropped).
 */
export function scanBare(text: string, codes: CodeUnits, cursor: ScanCursor, report: Report): JsonToken | undefined {
  const start = cursor.pos;
  let end = start + 1;
  if (isRunChar(codes, start)) {
    while (isRunChar(codes, end)) end++;
    while (end > start + 1 && codes[end - 1] === 58) end--; // `a: 1`: the `:` is a separator
  }
  let run = text.slice(start, end);
  const literal = literalToken(run, start, end);
  cursor.pos = end;
  cursor.flawed = literal === undefined;
  if (literal !== undefined) return literal;

  const first = run.charCodeAt(0);
  if (first === 45 || first === 43 || first === 46 || (first >= 48 && first <= 57)) {
    const help = wordHelp(run);
    if (help !== undefined) {
      report(jsonDiagnostic(JsonCode.invalidLiteral, `${quoteSource(run)} is not a JSON value`, start, end, help));
    } else {
      report(jsonDiagnostic(JsonCode.invalidNumber, `invalid number ${quoteSource(run)}`, start, end, numberHelp(run)));
    }
    return new JsonToken(T.invalid, run, start, end - 1, undefined, true);
  }
  if (!/[\p{L}_$]/u.test(run.charAt(0))) {
    report(jsonDiagnostic(JsonCode.unexpectedCharacter,
      `unexpected character${run.length > 1 ? "s" : ""} ${describeCharacters(run)}`, start, end));
    return undefined;
  }
  // An unquoted word; `abc"` is a string missing its opening quote.
  if (text.charCodeAt(end) === 34) {
    end++;
    run = text.slice(start, end);
    cursor.pos = end;
    report(jsonDiagnostic(JsonCode.invalidLiteral, `${quoteSource(run)} is missing its opening \`"\``, start, end,
      "strings and object keys must be in double quotes"));
  } else {
    report(jsonDiagnostic(JsonCode.invalidLiteral, `unquoted word ${quoteSource(run)}`, start, end, wordHelp(run)));
  }
  let next = end;
  while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
  const isKey = text.charCodeAt(next) === 58;
  return new JsonToken(isKey ? T.badKey : T.invalid, run, start, end - 1, undefined, true);
}
