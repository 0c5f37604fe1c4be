// The runtime's SHA-256 (runtime/src/graph/sha256.ts) against node:crypto, on many inputs: every
// length around the padding boundaries, non-ASCII text, lone surrogates and random strings; both the
// plain TypeScript version (the browser's) and the one `sha256Hex` uses here (node:crypto).
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portableSha256Hex, SHA256_BACKEND, sha256Hex } from "../../src/graph/sha256.js";

const reference = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe.each([["sha256Hex", sha256Hex], ["portableSha256Hex", portableSha256Hex]] as const)("%s", (_name, hash) => {
  it("matches node:crypto for every length from 0 to 300 (all padding cases)", () => {
    for (let n = 0; n <= 300; n++) expect(hash("a".repeat(n)), `length ${n}`).toBe(reference("a".repeat(n)));
  });

  it("matches node:crypto on the FIPS example and on multi-byte text", () => {
    expect(hash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (const text of ["é", "中文", "😀x", "x".repeat(100_000)]) expect(hash(text)).toBe(reference(text));
  });

  it("hashes a lone surrogate as U+FFFD (TextEncoder's bytes)", () => {
    for (const text of ["\ud800", "a\udc00b", "\ud83d"]) expect(hash(text)).toBe(reference(text.replace(/[\ud800-\udfff]/g, "\ufffd")));
  });

  it("matches node:crypto on random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
      expect(hash(text)).toBe(reference(text));
    }), { seed: 256, numRuns: 2_000 });
  });
});

describe("SHA256_BACKEND", () => {
  it("is node:crypto in Node (the fast path is taken where it exists)", () => {
    expect(SHA256_BACKEND).toBe("node:crypto");
  });
});
