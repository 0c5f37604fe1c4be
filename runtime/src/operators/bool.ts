// Bool (spec §2.6, A14): `true` / `false`, compared case-insensitively on both sides; any other
// request value does not parse, so the pair does not match.

/** `true`, `false`, or `undefined` when the text is neither (letter case ignored). */
export function parseBool(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === "true") return true;
  if (text.length === 5 && text.toLowerCase() === "false") return false;
  return undefined;
}
