// The Resource element's one rule (runtime/src/conditions/resource-answer.ts), shared by the graph
// evaluator and the Cedar encoder; the expected answers come from spec §1.7 and DESIGN §2, not the code.
import { describe, expect, it } from "vitest";
import { someResourcePatternMatches } from "../../src/conditions/resource-answer.js";
import { compileResourcePattern } from "../../src/operators/resource-pattern.js";

const A = "111122223333";
const caller = { partition: "aws", account: A };
const service = { partition: "", account: "" };
const patterns = (...list: (string | null)[]) => list.map((p) => (p === null ? null : compileResourcePattern(p)));

describe("someResourcePatternMatches", () => {
  it("matches a named resource by its patterns; a NULL pattern matches nothing", () => {
    expect(someResourcePatternMatches(patterns(`arn:aws:kms:*:${A}:key/*`), `arn:aws:kms:us-west-2:${A}:key/k`, caller)).toBe(1);
    expect(someResourcePatternMatches(patterns(null, `arn:aws:kms:*:${A}:alias/*`), `arn:aws:kms:us-west-2:${A}:key/k`, caller)).toBe(0);
  });

  it("reads the request resource `*` as the caller's `arn:P:kms:R:A:*` in a Region it does not name", () => {
    expect(someResourcePatternMatches(patterns(`arn:aws:kms:*:${A}:*`), "*", caller)).toBe(1);
    expect(someResourcePatternMatches(patterns(`arn:aws:kms:us-east-1:${A}:*`), "*", caller)).toBe(2); // some Regions: undecided
    expect(someResourcePatternMatches(patterns("arn:aws:kms:*:444455556666:*"), "*", caller)).toBe(0);
    // One undecided pattern leaves the element undecided, even beside one that matches.
    expect(someResourcePatternMatches(patterns(`arn:aws:kms:*:${A}:*`, `arn:aws:kms:us-east-1:${A}:*`), "*", caller)).toBe(2);
  });

  it("lets `*` match the request resource `*` whoever asks (spec §1.7 rule 1), and nothing else match it for a service", () => {
    expect(someResourcePatternMatches(patterns(`arn:aws:kms:us-east-1:${A}:*`, "*"), "*", caller)).toBe(1);
    expect(someResourcePatternMatches(patterns("*"), "*", service)).toBe(1);
    expect(someResourcePatternMatches(patterns("arn:*:kms:*:*:*"), "*", service)).toBe(0);
  });
});
