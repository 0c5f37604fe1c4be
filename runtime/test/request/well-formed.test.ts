// The native well-formedness check and the scan (engines without String.prototype.isWellFormed)
// agree, lone surrogates included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormed, isWellFormedScan } from "../../src/request/well-formed.js";

const unit = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xd800, max: 0xdbff }), // high surrogates
  fc.integer({ min: 0xdc00, max: 0xdfff }), // low surrogates
  fc.integer({ min: 0x80, max: 0xd7ff }),
);

describe("isWellFormed", () => {
  it("agrees with the scan on strings of ASCII, BMP text and surrogates", () => {
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
      const text = String.fromCharCode(...units);
      expect(isWellFormed(text)).toBe(isWellFormedScan(text));
    }), { numRuns: 2000 });
  });

  it("rejects lone surrogates and accepts pairs", () => {
    expect(isWellFormed("a\ud800")).toBe(false);
    expect(isWellFormed("\udc00b")).toBe(false);
    expect(isWellFormed("\ud83d\ude00")).toBe(true);
    expect(isWellFormedScan("a\ud800b")).toBe(false);
    expect(isWellFormedScan("\ud83d\ude00")).toBe(true);
  });
});
