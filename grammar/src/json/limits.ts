// Size and depth limits of the JSON front end. Phase: grammar.
// AWS: §1.10 (a KMS key policy is at most 32 768 bytes; over it, `LimitExceededException`).

/** Largest document accepted by default, in bytes of UTF-8: the KMS key policy limit. */
export const DEFAULT_MAX_BYTES = 32_768;
/** Deepest nesting of arrays and objects accepted by default (policies need about six). */
export const DEFAULT_MAX_DEPTH = 64;

/** A usable limit: a non-negative number (`Infinity` for none), else the default. */
export function limitOrDefault(value: number | undefined, fallback: number): number {
  return typeof value === "number" && value >= 0 ? Math.floor(value) : fallback;
}

/** UTF-8 length of one UTF-16 code unit at `i`; a lone surrogate counts 3 (it is sent as U+FFFD). */
function unitBytes(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 4; // the pair; the low half then counts 0
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = text.charCodeAt(i - 1);
    if (i > 0 && b >= 0xd800 && b <= 0xdbff) return 0;
  }
  return 3;
}

/** The UTF-8 size of `text`. PERF: native when Node's Buffer is there, a loop elsewhere. */
export function utf8Length(text: string): number {
  const buffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: string): number } }).Buffer;
  if (buffer !== undefined) return buffer.byteLength(text, "utf8");
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += unitBytes(text, i);
  return bytes;
}

/**
 * When `text` (of `bytes` bytes of UTF-8) is over `maxBytes`: its size and the UTF-16 offset of the
 * first character past the limit; `undefined` when it fits.
 */
export function findOverflow(text: string, bytes: number, maxBytes: number): { bytes: number; offset: number } | undefined {
  if (bytes <= maxBytes) return undefined;
  let total = 0;
  let offset = 0;
  for (; offset < text.length; offset++) {
    total += unitBytes(text, offset);
    if (total > maxBytes) break;
  }
  return { bytes, offset };
}
