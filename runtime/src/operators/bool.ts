// Bool (spec §2.6, A14): `true` / `false`, compared case-insensitively on both sides; any other
// request value does not parse, so the pair does not match.

/** Whether `text` is `word` (lower-case ASCII) ignoring ASCII case. PERF: no allocation. */
function isWord(text: string, word: string): boolean {
  if (text.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** `true`, `false`, or `undefined` when the text is neither (letter case ignored). */
export function parseBool(text: string): boolean | undefined {
  // DEVIATION: §2.6, A14 — `TRUE`/`True` count as `true` (third-party observation; AWS does not say).
  if (isWord(text, "true")) return true;
  if (isWord(text, "false")) return false;
  return undefined;
}
