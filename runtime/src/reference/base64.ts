// Strict base64 decoding for BinaryEquals (spec §2.7): standard alphabet, length a multiple of 4,
// padding only at the end. Written here (not Buffer) because Node's decoder silently skips bad input.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes base64 text into bytes; undefined if the text is not canonical base64. */
export function decodeBase64(text: string): number[] | undefined {
  // DEVIATION: §2.7 — canonical base64 only; AWS does not say how lenient its decoder is.
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const body = text.slice(0, text.length - padding);
  const sextets: number[] = [];
  for (const char of body) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    sextets.push(value);
  }
  const bytes: number[] = [];
  let buffer = 0;
  let bufferBits = 0;
  for (const sextet of sextets) {
    buffer = (buffer << 6) | sextet;
    bufferBits += 6;
    if (bufferBits >= 8) {
      bufferBits -= 8;
      bytes.push((buffer >> bufferBits) & 0xff);
      buffer &= (1 << bufferBits) - 1;
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding.
  if (buffer !== 0) return undefined;
  return bytes;
}

/** True when two byte sequences are equal, byte for byte. */
export function sameBytes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
