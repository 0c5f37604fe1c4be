// SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, for the graph's integrity digest (graph-digest.ts).
// node:crypto where the host has it, else plain TypeScript: the runtime also runs in the browser
// playground, where node:crypto is not there. PERF (issue 14): the digest is computed when a graph is
// sealed and again when it is read, twice per compiled bundle; a conformance run compiles hundreds of
// bundles, and the plain version cost ~10x node:crypto there. Both hash the bytes TextEncoder gives
// (a lone surrogate as U+FFFD), so they agree on every string (runtime/test/graph/sha256.test.ts).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The hash of bytes in lower-case hex, as node:crypto gives it. */
type HexHash = (data: Uint8Array) => string;

/**
 * node:crypto's SHA-256, reached without importing node:crypto (an import would break the browser
 * build): `process.getBuiltinModule` (Node ≥ 20.16). Undefined elsewhere.
 */
function nodeSha256(): HexHash | undefined {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = host?.getBuiltinModule?.("node:crypto") as typeof import("node:crypto") | undefined;
    if (typeof crypto?.createHash !== "function") return undefined;
    return (data) => crypto.createHash("sha256").update(data).digest("hex");
  } catch {
    return undefined;
  }
}

const native = nodeSha256();

/** Which implementation `sha256Hex` uses here (for tests and diagnostics). */
export const SHA256_BACKEND: "node:crypto" | "portable" = native === undefined ? "portable" : "node:crypto";

/** The SHA-256 of `text` encoded as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder does), in lower-case hex. */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  return native === undefined ? portableSha256(data) : native(data);
}

/** `sha256Hex` in plain TypeScript, whatever the host (the browser's path; tested against node:crypto). */
export function portableSha256Hex(text: string): string {
  return portableSha256(new TextEncoder().encode(text));
}

function portableSha256(data: Uint8Array): string {
  // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian number.
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const bytes = new Uint8Array(length);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const view = new DataView(bytes.buffer);
  const bits = data.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(length - 4, bits >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let block = 0; block < length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  return [...h].map((x) => x.toString(16).padStart(8, "0")).join("");
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}
