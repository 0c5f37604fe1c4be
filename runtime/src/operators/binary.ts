// BinaryEquals (spec §2.7): the policy value is base64; the request value (also base64 text, as a
// context carries it) matches when the decoded bytes are equal. Our own decoder, so the runtime
// needs no Node Buffer.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes standard base64 (padding optional, no whitespace) to a byte string, or `undefined`. */
export function decodeBase64(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 && text.length - end < 2) end--;
  if (end !== text.length && text.length % 4 !== 0) return undefined;
  if (end % 4 === 1) return undefined;
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
  return bytes;
}
