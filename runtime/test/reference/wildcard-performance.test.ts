// Wildcard matching must be linear in the value (no backtracking): 200 `*a` against a
// 100,000-character value decides well under a second, through StringLike and through Resource.

import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { compilePlainGlob, globMatches } from "../../src/reference/glob.js";
import { holds } from "./fixtures.js";

const PATTERN = "*a".repeat(200);
const cases = [
  { name: "all a (every state active, matches)", value: "a".repeat(100_000), pattern: PATTERN, expected: true },
  { name: "all a, pattern ends in b (every state active, fails at the end)", value: "a".repeat(100_000), pattern: `${PATTERN}b`, expected: false },
  { name: "all b (no a at all)", value: "b".repeat(100_000), pattern: PATTERN, expected: false },
  { name: "199 a spread out (one short)", value: ("a" + "b".repeat(499)).repeat(199) + "b".repeat(600), pattern: PATTERN, expected: false },
];

describe("linear-time wildcard matching", () => {
  it.each(cases)("glob: $name", ({ value, pattern, expected }) => {
    const tokens = compilePlainGlob(pattern, "anywhere");
    const start = performance.now();
    const result = globMatches(tokens, value);
    const elapsed = performance.now() - start;
    console.log(`glob ${pattern.length}-char pattern vs ${value.length} chars: ${elapsed.toFixed(1)} ms`);
    expect(result).toBe(expected);
    expect(elapsed).toBeLessThan(1000);
  });

  it("through the public API (StringLike in a policy)", () => {
    const start = performance.now();
    const result = holds({ StringLike: { "kms:EncryptionContext:blob": PATTERN } }, { "kms:EncryptionContext:blob": "a".repeat(100_000) });
    const elapsed = performance.now() - start;
    console.log(`evaluateReference with StringLike ${PATTERN.length}-char pattern vs 100000 chars: ${elapsed.toFixed(1)} ms`);
    expect(result).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});
