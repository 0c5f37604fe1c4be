// A planted bug: the numeric classes lose the bounds themselves and the open intervals between
// them (dropped class boundaries). The diff property must catch it: a bound moved by half a unit is then reported
// equivalent, while a sampled request between the bounds changes decision.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { diffGraphs, prepareInput } from "@kms-cedar/analysis";
import { bundleOf, requests } from "./policy-generators.js";
import { sampledDifferencesAreReported } from "./property-helpers.js";

vi.mock("../src/atoms/ordered-classes.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/atoms/ordered-classes.js")>();
  return { ...real, numericClasses: (values: readonly string[]) => real.numericClasses(values).filter((c) => !c.label.includes(" and < ") && !c.label.startsWith("= ")) };
});

const numeric = (bound: string) => [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": bound } } }];

describe("a planted bug in the analysis", () => {
  it("is caught by the diff property (a dropped numeric class boundary)", () => {
    const a = prepareInput("a", bundleOf(numeric("3600"))).graph;
    const b = prepareInput("b", bundleOf(numeric("3600.5"))).graph;
    const buggy = diffGraphs(a, b);
    expect(buggy.equivalent).toBe(true); // the bug: a half-unit move is missed
    const run = fc.check(fc.property(fc.array(requests, { minLength: 40, maxLength: 40 }), (samples) => {
      expect(sampledDifferencesAreReported(buggy, a, b, samples)).toBeUndefined();
    }), { numRuns: 50, seed: 7 });
    expect(run.failed).toBe(true);
    expect(String(run.errorInstance)).toContain("reported equivalent");
    process.stdout.write(`planted bug caught after ${run.numRuns} run(s); counterexample: ${JSON.stringify(run.counterexample?.[0]?.find((r) => r.context?.["aws:MultiFactorAuthAge"] !== undefined))}\n`);
  });
});
