// The wildcard matcher (spec §1.7, §2.3) against a plain regular-expression translation of the
// spec's own algorithm, on small random patterns and values (fixed seed), plus chosen cases.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, compilePlainGlob, globMatches, type ColonRule, type PatternPiece } from "../../src/reference/glob.js";

/** The spec's translation: §2.3 (`*` → `.*`, `?` → `.`) and §1.7 (segment-bound wildcards). */
function specRegex(pieces: readonly PatternPiece[], rule: ColonRule): RegExp {
  const chars = pieces.flatMap((piece) => [...piece.text].map((char) => ({ char, literal: piece.literal })));
  let source = "";
  chars.forEach(({ char, literal }, i) => {
    const next = chars[i + 1];
    if (!literal && char === "*") {
      source += rule === "anywhere" || next === undefined || next.char === ":" ? "[\\s\\S]*" : "[^:]*";
    } else if (!literal && char === "?") {
      source += rule === "anywhere" ? "[\\s\\S]" : "[^:]";
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
  });
  return new RegExp(`^${source}$`, "u");
}

const SEED = 20260501;

describe("glob matcher", () => {
  it.each([
    { pattern: "", value: "", expected: true },
    { pattern: "", value: "a", expected: false },
    { pattern: "*", value: "", expected: true },
    { pattern: "?*", value: "", expected: false },
    { pattern: "a*b*c", value: "aXbYc", expected: true },
    { pattern: "a*b*c", value: "aXcYb", expected: false },
    { pattern: "*ab", value: "aab", expected: true },
    { pattern: "a?c", value: "a:c", expected: true },
  ])("anywhere: `$pattern` vs `$value` → $expected", ({ pattern, value, expected }) => {
    expect(globMatches(compilePlainGlob(pattern, "anywhere"), value)).toBe(expected);
  });

  it.each([
    { pattern: "arn:aws:kms:*:1:key/*", value: "arn:aws:kms:us-west-2:1:key/k", expected: true },
    { pattern: "arn:aws:kms:*:1:key/*", value: "arn:aws:kms:us-west-2:1:alias/k", expected: false },
    { pattern: "arn:aws:kms:us-*-1:*:key/*", value: "arn:aws:kms:us-east-1:1:key/k", expected: true },
    { pattern: "arn:aws:kms:us-*-1:*:key/*", value: "arn:aws:kms:us-east-2:1:key/k", expected: false },
    { pattern: "arn:aws:kms:us-*-1:*:key/*", value: "arn:aws:kms:us-x:y-1:1:key/k", expected: false },
    { pattern: "arn:aws:kms:*", value: "arn:aws:kms:us-west-2:1:key/k", expected: true },
    { pattern: "arn:aws:kms:us-west-2:1:*", value: "arn:aws:kms:us-west-2:1:*", expected: true },
  ])("resource: `$pattern` vs `$value` → $expected", ({ pattern, value, expected }) => {
    expect(globMatches(compilePlainGlob(pattern, "resource"), value)).toBe(expected);
  });

  it(`agrees with the spec's regex translation (fast-check seed ${SEED})`, () => {
    const piece = fc.record({ text: fc.stringMatching(/^[ab:*?]{0,4}$/), literal: fc.boolean() });
    // Half the values are the pattern with its wildcards filled in, so that about half match.
    const filled = (pieces: PatternPiece[]): fc.Arbitrary<string> =>
      fc.array(fc.stringMatching(/^[ab:]{0,3}$/), { minLength: 32, maxLength: 32 }).map((fills) => {
        let k = 0;
        return pieces.map((p) => p.literal ? p.text : [...p.text].map((c) =>
          c === "*" ? fills[k++ % 32]! : c === "?" ? (fills[k++ % 32]! + "a")[0]! : c).join("")).join("");
      });
    const mix = { matched: 0, total: 0 };
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 4 }).chain((pieces) =>
          fc.tuple(fc.constant(pieces), fc.oneof(fc.stringMatching(/^[ab:*?]{0,8}$/), filled(pieces)))),
        fc.constantFrom<ColonRule>("anywhere", "resource"),
        ([pieces, value], rule) => {
          const expected = specRegex(pieces, rule).test(value);
          mix.total++;
          if (expected) mix.matched++;
          return globMatches(compileGlob(pieces, rule), value) === expected;
        }),
      { seed: SEED, numRuns: 5000 },
    );
    console.log(`glob property: seed ${SEED}, ${mix.matched}/${mix.total} cases matched`);
    expect(mix.matched).toBeGreaterThan(mix.total / 4);
  });
});
