// Scans one quoted string for the JSON scanner: decodes escapes exactly as JSON.parse does and
// reports every lexical flaw precisely, and a lone surrogate (`\ud800` escaped or raw), which
// JSON.parse accepts but is no Unicode character (KC1025).
// Phase: grammar. A string never spans a line break: an unterminated one ends at the line's end.
import type { Report } from "../diagnostic.js";
import { JsonCode } from "./diagnostic-codes.js";
import { jsonDiagnostic, quoteSource } from "./json-diagnostic.js";
import type { CodeUnits } from "./code-units.js";
import type { JsonString } from "./syntax-tree.js";

/** Where the scanner stands; scanString moves `pos` past the string and sets `flawed`. */
export interface ScanCursor {
  pos: number;
  flawed: boolean;
}

const BACKSLASH = 92;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t",
};

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function codePointName(c: number): string {
  return "U+" + c.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Scans the string whose opening quote (`"` or, as a reported mistake, `'`) is at `start`.
 * PERF: the common string (no backslash, no control character) is sliced, not decoded.
 */
export function scanString(text: string, codes: CodeUnits, cursor: ScanCursor, report: Report): JsonString | undefined {
  const start = cursor.pos;
  const quote = codes[start]!;
  const length = text.length;
  let i = start + 1;
  if (quote === 34) {
    for (; i < length; i++) {
      const c = codes[i]!;
      if (c === 34) {
        const end = i + 1;
        const raw = text.slice(start, end);
        cursor.pos = end;
        cursor.flawed = false;
        return { kind: "string", span: { start, end }, value: raw.slice(1, -1), raw };
      }
      // A surrogate (paired or not) takes the slow path, which checks the pairing.
      if (c === BACKSLASH || c < 32 || (c >= 0xd800 && c <= 0xdfff)) break;
    }
  }
  return scanStringSlowly(text, cursor, quote, i, report);
}

/** Decodes from `i` on (everything between the opening quote and `i` is plain text). */
function scanStringSlowly(
  text: string, cursor: ScanCursor, quote: number, i: number, report: Report,
): JsonString | undefined {
  const start = cursor.pos;
  const length = text.length;
  let value = text.slice(start + 1, i);
  let flawed = false;
  let reportedControl = false;
  // Where each decoded code unit came from, for a lone surrogate's span (only surrogates recorded).
  const surrogates: { index: number; from: number; to: number }[] = [];
  const noteSurrogate = (from: number, to: number, before: number): void => {
    for (let k = before; k < value.length; k++) {
      const u = value.charCodeAt(k);
      if (u >= 0xd800 && u <= 0xdfff) surrogates.push({ index: k, from, to });
    }
  };
  for (let k = start + 1; k < i; k++) {
    const u = text.charCodeAt(k);
    if (u >= 0xd800 && u <= 0xdfff) surrogates.push({ index: k - start - 1, from: k, to: k + 1 });
  }
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      const end = i + 1;
      const raw = text.slice(start, end);
      const lone = loneSurrogate(value, surrogates);
      if (lone !== undefined) {
        flawed = true;
        report(jsonDiagnostic(JsonCode.illFormedUnicode,
          `lone surrogate ${quoteSource(text.slice(lone.from, lone.to))} in string: not a Unicode character`, lone.from, lone.to));
      }
      if (quote === 39) {
        flawed = true;
        report(jsonDiagnostic(JsonCode.singleQuotedString,
          `strings must use double quotes, found ${quoteSource(raw)}`, start, end));
      }
      cursor.pos = end;
      cursor.flawed = flawed;
      return { kind: "string", span: { start, end }, value, raw };
    }
    if (c === 10 || c === 13) break;
    if (c === BACKSLASH) {
      const e = text.charAt(i + 1);
      const simple = SIMPLE_ESCAPES[e] ?? (quote === 39 && e === "'" ? "'" : undefined);
      if (simple !== undefined) {
        value += simple;
        i += 2;
        continue;
      }
      if (e === "u") {
        let n = 0;
        while (n < 4 && isHex(text.charCodeAt(i + 2 + n))) n++;
        if (n === 4) {
          const before = value.length;
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          noteSurrogate(i, i + 6, before);
          i += 6;
          continue;
        }
        flawed = true;
        report(jsonDiagnostic(JsonCode.invalidUnicodeEscape,
          `invalid unicode escape ${quoteSource(text.slice(i, i + 2 + n))}: \`\\u\` needs four hexadecimal digits`,
          i, i + 2 + n));
        value += text.slice(i, i + 2 + n);
        i += 2 + n;
        continue;
      }
      if (e === "" || e === "\n" || e === "\r") {
        value += "\\";
        i += 1;
        continue; // the line ends: reported as unterminated below
      }
      flawed = true;
      const width = e.length === 1 && /[\ud800-\udbff]/.test(e) && i + 2 < length ? 3 : 2;
      report(jsonDiagnostic(JsonCode.invalidEscape, `invalid escape ${quoteSource(text.slice(i, i + width))} in string`,
        i, i + width));
      value += text.slice(i + 1, i + width);
      i += width;
      continue;
    }
    if (c < 32 && !reportedControl) {
      reportedControl = true;
      flawed = true;
      report(jsonDiagnostic(JsonCode.controlCharacter, `control character ${codePointName(c)} in string`, i, i + 1));
    }
    if (c >= 0xd800 && c <= 0xdfff) surrogates.push({ index: value.length, from: i, to: i + 1 });
    value += text.charAt(i);
    i++;
  }
  // Unterminated: the string ends at the line break (or the end of the text).
  report(jsonDiagnostic(JsonCode.unterminatedString,
    `unterminated string ${quoteSource(text.slice(start, i))}: missing the closing \`${quote === 39 ? "'" : '"'}\``,
    start, i));
  cursor.pos = i;
  cursor.flawed = true;
  return undefined;
}

/** The first surrogate of `value` that is not half of a pair, with where it came from in the text. */
function loneSurrogate(
  value: string, surrogates: readonly { index: number; from: number; to: number }[],
): { from: number; to: number } | undefined {
  for (const s of surrogates) {
    const u = value.charCodeAt(s.index);
    const paired = u <= 0xdbff
      ? isLow(value.charCodeAt(s.index + 1))
      : s.index > 0 && isHigh(value.charCodeAt(s.index - 1));
    if (!paired) return s;
  }
  return undefined;
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}
