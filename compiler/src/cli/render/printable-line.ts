// The one guard between input-derived text and a terminal: every text writer of the CLI (diagnostic
// messages and help, eval/test/authorize lines, one-line errors) passes the text it did not write itself
// through printableLine, so a string from an input file can neither forge a line nor drive the terminal.
// JSON and SARIF output keep the exact strings (JSON escapes them). The runtime's `printable` only makes
// lone surrogates visible in messages, which must serialize; this one is for terminals and does that too.

/**
 * `text` on one terminal line: C0 controls (line breaks included), DEL, C1 controls, lone surrogates,
 * the Unicode line and paragraph separators and the bidirectional controls written as JavaScript escapes
 * (`\n`, `\u001b`, `\u009b`, `\ud800`, `\u202e`). Other characters, pairs of surrogates included, are kept.
 */
export function printableLine(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escape) : text;
}

// C0, DEL and C1; U+2028/2029; the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069,
// plus U+200E/200F/061C marks); a high surrogate not followed by a low one, a low one not preceded by a high one.
const SOURCE = "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const UNSAFE = new RegExp(SOURCE);
const UNSAFE_ALL = new RegExp(SOURCE, "g");

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
