// BinaryEquals (spec §2.7): the policy value is base64; the request value (also base64 text, as a
// context carries it) matches when the decoded bytes are equal. Our own decoder, so the runtime
// needs no Node Buffer. Strict, canonical base64, as the reference evaluator reads it.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes standard base64 to a byte string, or `undefined` unless it is canonical: length a
 * multiple of 4, at most two `=` at the end, unused bits zero, no whitespace.
 */
export function decodeBase64(text: string): string | undefined {
  const length = text.length;
  // DEVIATION: §2.7 — canonical base64 only; AWS does not say how lenient its decoder is.
  if (length % 4 !== 0) return undefined;
  let end = length;
  while (end > 0 && length - end < 2 && text.charCodeAt(end - 1) === 61) end--;
  let bytes = "";
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const v = ALPHABET.indexOf(text[i]!);
    if (v < 0) return undefined;
    buffer = ((buffer << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  // The bits left after the last whole byte must be zero, so every byte string has one encoding.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}
