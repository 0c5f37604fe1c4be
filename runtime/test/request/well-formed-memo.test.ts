// The request reader remembers strings it found well-formed, by place (read-shape.ts, PERF): the
// action, the resource and each context name by position. The memo must never change an answer:
// whatever requests came before, reading an input gives what the strict reading (nothing
// remembered, every string checked) gives, error codes and messages included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forgetWellFormedStrings, readInputShape } from "../../src/request/read-shape.js";

// Strings of equal length, well-formed or not, so that a memo comparing anything but the whole
// content (length, prefix, first unit) would confuse them; lone surrogates high, low and reversed.
const TEXTS = ["kx", "k\ud800", "k\udc00", "ky", "\ud83d\ude00", "\ude00\ud83d", "aws:SourceIp", "aws:SourceI\ud800"];
const text = fc.constantFrom(...TEXTS);
const ACTIONS = ["kms:Decrypt", "kms:Decrypt\ud800", "kms:Encrypt", "\udfffms:Decrypt"];
const RESOURCES = ["arn:aws:kms:us-west-2:111122223333:key/k1", "arn:aws:kms:us-west-2:111122223333:key/k\ud801", "*", "\ud800"];
const value = fc.oneof(
  { weight: 6, arbitrary: text as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.array(text, { maxLength: 3 }) as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(5, null, [1], ["x", 2], {}, [["a"]]) },
);
// Context names from a small pool (repeated at the same positions from one request to the next),
// prototype names included; values that are strings, arrays or not (KR0006 before KR0008).
const context = fc.array(fc.tuple(fc.constantFrom(...TEXTS, "__proto__", "constructor"), value), { maxLength: 5 }).map((entries) => {
  const c: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
  return c;
});
const request = fc.record({
  principal: fc.oneof(fc.constantFrom<unknown>("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/B\ud800b", 7), text),
  action: fc.oneof(fc.constantFrom(...ACTIONS), text),
  resource: fc.oneof(fc.constantFrom(...RESOURCES), text),
  context: fc.option(context, { nil: undefined }),
  stray: fc.constantFrom<string | undefined>(undefined, undefined, undefined, undefined, "extra", "__proto__"),
}).map(({ stray, context: ctx, ...fields }) => {
  const r: Record<string, unknown> = { ...fields };
  if (ctx !== undefined) r["context"] = ctx;
  if (stray !== undefined) Object.defineProperty(r, stray, { value: "x", enumerable: true, writable: true, configurable: true });
  return r;
});
const input = fc.oneof(
  { weight: 6, arbitrary: request as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.record({ operation: fc.oneof(text, fc.constant("kms:ReEncrypt")), checks: fc.array(request, { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, "kms:Decrypt", [], { operation: "x" }) },
);

const answer = (x: unknown): string => JSON.stringify(readInputShape(x));

describe("the request reader's memo of well-formed strings", () => {
  it("never changes an answer: a sequence read with the memo equals each input read with nothing remembered", () => {
    let bad = 0;
    let kr0008 = 0;
    fc.assert(fc.property(fc.array(input, { minLength: 1, maxLength: 12 }), (inputs) => {
      const warm = inputs.map(answer);
      const cold = inputs.map((x) => {
        forgetWellFormedStrings();
        return answer(x);
      });
      for (const a of cold) {
        if (a.includes("KR0008")) kr0008++;
        if (a.includes("error")) bad++;
      }
      expect(warm).toEqual(cold);
    }), { seed: 20261204, numRuns: 1500 });
    // The generator reaches the interesting cases: lone surrogates found (KR0008), and good inputs.
    expect(kr0008).toBeGreaterThan(1000);
    expect(bad).toBeLessThan(1500 * 12);
  });

  it("a lone surrogate at a place where an equal-length well-formed string was kept is still refused", () => {
    const r = { principal: "arn:aws:iam::111122223333:user/Bob", action: "kms:Decrypt", resource: "*", context: { kx: "v" } };
    expect(readInputShape(r)).toBe("request");
    expect(readInputShape({ ...r, context: { "k\ud800": "v" } })).toMatchObject({ error: { code: "KR0008", message: "a context key name is not well-formed Unicode (a lone surrogate)" } });
    expect(readInputShape({ ...r, action: "kms:Decryp\ud800" })).toMatchObject({ error: { code: "KR0008" } });
    expect(readInputShape({ ...r, resource: "\ud800" })).toMatchObject({ error: { code: "KR0008" } });
    expect(readInputShape(r)).toBe("request");
  });
});
