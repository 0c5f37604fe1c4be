// The one strict UTF-8 decoder of every text kms-cedar reads as bytes (policy, bundle and requests
// files, standard input, the embedding example's HTTP body). Bytes that are not UTF-8 (among them the
// raw three-byte form of a lone surrogate, ED A0 80) are refused with their position, never replaced by
// U+FFFD and decided (DESIGN §2: a string that is not well-formed Unicode is a request error).

/** The JSON front end's code for input that is not UTF-8 (grammar/src/json/diagnostic-codes.ts registers it). */
export const NOT_UTF8_CODE = "KC1026";

/** The text of some bytes, or where and why they are not UTF-8. */
export type DecodedText =
  | { readonly text: string }
  | { readonly notUtf8: { readonly code: typeof NOT_UTF8_CODE; readonly message: string; readonly line: number; readonly column: number } };

// ignoreBOM: a byte order mark is kept, so the JSON front end can report it (KC1004).
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decodes `bytes` as UTF-8, strictly. When they are not UTF-8, the message names the first offending
 * bytes and their 1-based line and column (columns count characters of the valid text before them).
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // PERF: the byte scan runs only for input that failed the native decoder.
    const at = firstInvalidByte(bytes);
    const { line, column } = positionAfter(strict.decode(bytes.subarray(0, at)));
    const shown = Array.from(bytes.subarray(at, Math.min(at + 4, bytes.length)), (b) => b.toString(16).toUpperCase().padStart(2, "0"));
    const message = `not UTF-8: the bytes at ${line}:${column} (${shown.join(" ")}${at + 4 < bytes.length ? " …" : ""}) are no UTF-8 character`;
    return { notUtf8: { code: NOT_UTF8_CODE, message, line, column } };
  }
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode §3.9, table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f; // ED A0..BF would encode a surrogate
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  // INVARIANT: only called on bytes the fatal decoder refused, so some sequence above was ill-formed.
  return bytes.length;
}

/** 1-based line and column just after `text` (line breaks `\n`, `\r\n`, `\r`; columns in code points). */
function positionAfter(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const paired = c >= 0xdc00 && c <= 0xdfff && i > lineStart && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!paired) column++; // the low half of a pair ends a character counted already
  }
  return { line, column };
}
