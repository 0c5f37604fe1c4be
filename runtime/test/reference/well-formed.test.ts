// The reference's well-formedness test (a lone surrogate is no Unicode character), checked against
// TextEncoder's round trip, which replaces exactly the lone surrogates with U+FFFD.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormedJson, isWellFormedText } from "../../src/reference/well-formed.js";

const roundTrips = (s: string): boolean => new TextDecoder().decode(new TextEncoder().encode(s)) === s;
const units = fc.array(fc.constantFrom("a", "é", "\ud800", "\udbff", "\udc00", "\udfff", "😀", "\ufffd"), { maxLength: 8 }).map((a) => a.join(""));

describe("isWellFormedText", () => {
  it("agrees with the UTF-8 round trip on strings of surrogates and other characters", () => {
    fc.assert(fc.property(units, (s) => { expect(isWellFormedText(s)).toBe(roundTrips(s)); }), { seed: 10, numRuns: 3000 });
  });

  it("checks member names and values at any depth, without recursion", () => {
    let deep: unknown = "\ud800";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(isWellFormedJson(deep)).toBe(false);
    expect(isWellFormedJson({ a: [{ "\udc00": 1 }] })).toBe(false);
    expect(isWellFormedJson({ a: [{ "😀": "é" }] })).toBe(true);
  });
});
