// The text's UTF-16 code units as a typed array, for the scanner. Phase: grammar.
// PERF: reading a typed array is much cheaper than `charCodeAt` on a string. An ASCII text (nearly
// every policy) is copied natively into a buffer that is reused from one call to the next; any
// other text is copied by a loop.

/** Code units of a text: `codes[i] === text.charCodeAt(i)` for `i < text.length`, then a 0 sentinel. */
export type CodeUnits = Uint8Array | Uint16Array;

let bytes = new Uint8Array(0);

/**
 * The code units of `text`, followed by a 0 (so that reading one past the end is safe), valid until
 * the next call. `ascii`: the caller knows that every character is below U+0080.
 * INVARIANT: readers stop at `text.length` (the array may be longer).
 */
export function codeUnits(text: string, ascii: boolean): CodeUnits {
  const length = text.length;
  const buffer = (globalThis as { Buffer?: typeof Buffer }).Buffer; // absent outside Node
  if (ascii && buffer !== undefined) {
    if (bytes.length < length + 1) bytes = buffer.allocUnsafeSlow(Math.max(length + 1, 2 * bytes.length, 4096));
    (bytes as Buffer).write(text, 0, length, "latin1");
    bytes[length] = 0;
    return bytes;
  }
  const units = new Uint16Array(length + 1);
  for (let i = 0; i < length; i++) units[i] = text.charCodeAt(i);
  return units;
}
