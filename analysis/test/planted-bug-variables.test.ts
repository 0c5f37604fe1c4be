// A planted bug in the policy-variable support: the pair dimension loses its "equal" regions (two
// related keys are then never given the same value). The diff property must catch it: a policy that
// allows when the encryption context equals the caller's tag is then reported equivalent to no
// policy, while a sampled request with the two values equal changes decision.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { diffGraphs, prepareInput } from "@kms-cedar/analysis";
import { bundleOf, requests } from "./policy-generators.js";
import { sampledDifferencesAreReported } from "./property-helpers.js";

vi.mock("../src/space/variable-pairs.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/space/variable-pairs.js")>();
  return {
    ...real,
    pairDimension: (...args: Parameters<typeof real.pairDimension>) => {
      const dim = real.pairDimension(...args);
      return { ...dim, values: dim.values.filter((v) => !v.label.endsWith(", equal")) };
    },
  };
});

const byTag = [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Project": "${aws:PrincipalTag/project}" } } }];
// Never allows (the value must equal the tag and be absent), but relates the same two keys.
const nothing = [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Project": "${aws:PrincipalTag/project}" }, Null: { "kms:EncryptionContext:Project": "true" } } }];

describe("a planted bug in the policy-variable support", () => {
  it("is caught by the diff property (the equal regions of a pair dropped)", () => {
    const a = prepareInput("a", bundleOf(byTag)).graph;
    const b = prepareInput("b", bundleOf(nothing)).graph;
    const buggy = diffGraphs(a, b);
    expect(buggy.equivalent).toBe(true); // the bug: the tag-equal requests are never enumerated
    const run = fc.check(fc.property(fc.array(requests, { minLength: 40, maxLength: 40 }), (samples) => {
      expect(sampledDifferencesAreReported(buggy, a, b, samples)).toBeUndefined();
    }), { numRuns: 50, seed: 7 });
    expect(run.failed).toBe(true);
    expect(String(run.errorInstance)).toContain("reported equivalent");
    process.stdout.write(`planted variable bug caught after ${run.numRuns} run(s); counterexample: ${JSON.stringify(run.counterexample?.[0]?.find((r) => r.context?.["aws:PrincipalTag/project"] !== undefined && r.context?.["aws:PrincipalTag/project"] === r.context?.["kms:EncryptionContext:Project"]))}\n`);
  });
});
