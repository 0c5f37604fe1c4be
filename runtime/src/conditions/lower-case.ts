// Letter-case-insensitive tests on context names, exactly as `toLowerCase` would decide them, without
// making the lower-cased strings. PERF: ASCII text (every usual name) is compared by folding A–Z; any
// other character falls back to `toLowerCase`, whose Unicode mappings (one lengthens a string, some
// map to ASCII: U+212A KELVIN SIGN → "k") are not reproduced here.

/** Whether `text.toLowerCase().startsWith(lowerPrefix)`, `lowerPrefix` being lower-case ASCII. */
export function lowerStartsWith(text: string, lowerPrefix: string): boolean {
  // `toLowerCase` never shortens a string, and ASCII characters map one to one: up to the first
  // non-ASCII character, the lower case of `text` is its ASCII fold.
  if (text.length < lowerPrefix.length) return false;
  for (let i = 0; i < lowerPrefix.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.toLowerCase().startsWith(lowerPrefix);
    if (fold(c) !== lowerPrefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether `text.toLowerCase() === lower`, `lower` being lower-case ASCII of the same length as `text`. */
export function lowerEquals(text: string, lower: string): boolean {
  if (text.length !== lower.length) return text.toLowerCase() === lower;
  for (let i = 0; i < lower.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.toLowerCase() === lower;
    if (fold(c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether `a.slice(from).toLowerCase() === b.slice(from).toLowerCase()`. */
export function sameLowerFrom(a: string, b: string, from: number): boolean {
  if (!isAsciiFrom(a, from) || !isAsciiFrom(b, from)) return a.slice(from).toLowerCase() === b.slice(from).toLowerCase();
  if (Math.max(a.length, from) !== Math.max(b.length, from)) return false;
  for (let i = from; i < a.length; i++) if (fold(a.charCodeAt(i)) !== fold(b.charCodeAt(i))) return false;
  return true;
}

function isAsciiFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The lower case of ASCII character code `c`. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
