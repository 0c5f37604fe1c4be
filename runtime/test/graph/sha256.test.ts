// The runtime's SHA-256 (runtime/src/graph/sha256.ts) against node:crypto, on many inputs: every
// length around the padding boundaries, non-ASCII text, and random strings.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/graph/sha256.js";

const reference = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("matches node:crypto for every length from 0 to 300 (all padding cases)", () => {
    for (let n = 0; n <= 300; n++) expect(sha256Hex("a".repeat(n)), `length ${n}`).toBe(reference("a".repeat(n)));
  });

  it("matches node:crypto on the FIPS example and on multi-byte text", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (const text of ["é", "中文", "😀x", "x".repeat(100_000)]) expect(sha256Hex(text)).toBe(reference(text));
  });

  it("matches node:crypto on random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
      expect(sha256Hex(text)).toBe(reference(text));
    }), { seed: 256, numRuns: 2_000 });
  });
});
