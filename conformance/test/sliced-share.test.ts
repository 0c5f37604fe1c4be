// Which bundles force Cedar's sliced path (run-stream.ts `slicedBundle`): the runtime slices only policy
// sets above SLICE_ABOVE policies, which generated bundles never reach, so a run forces the slices on
// one bundle in `slicedEvery`. The pick must reach the bundles Cedar runs on (CI: one in 3) and a whole
// run's second bundles (its streams have one or two), and the sliced authorizer must decide like the
// whole set and the graph on a generated bundle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { DEFAULT_SLICED_EVERY, slicedBundle } from "../src/run/run-stream.js";

describe("slicedBundle", () => {
  it("picks about one run in slicedEvery, among the Cedar runs of CI and among every stream's first and second runs", () => {
    const picked = (keep: (index: number) => boolean) => {
      let n = 0;
      let yes = 0;
      for (let seed = -500; seed < 500; seed++) {
        for (let index = 0; index < 12; index++) {
          if (!keep(index)) continue;
          n++;
          if (slicedBundle(seed * 7919, index, DEFAULT_SLICED_EVERY)) yes++;
        }
      }
      return yes / n;
    };
    for (const keep of [() => true, (i: number) => i % 3 === 0, (i: number) => i === 0, (i: number) => i === 1]) {
      expect(picked(keep)).toBeGreaterThan(0.2);
      expect(picked(keep)).toBeLessThan(0.3);
    }
    expect(slicedBundle(42, 0, 0)).toBe(false);
    expect(Array.from({ length: 8 }, (_, i) => slicedBundle(42, i, 1))).toEqual(Array(8).fill(true));
  });

  it("is a fixed function of seed and run (a replay forces what the run forced)", () => {
    expect(Array.from({ length: 16 }, (_, i) => slicedBundle(20261123, i, 4))).toEqual(Array.from({ length: 16 }, (_, i) => slicedBundle(20261123, i, 4)));
  });
});

describe("Cedar slices on generated bundles", () => {
  it("decide every request and operation as the whole set (result, determining policies) and the graph do", () => {
    const cases = fc.sample(conformanceCaseArb({ requestsPerBundle: 24 }), { seed: 1414, numRuns: 6 });
    const kinds = new Set<string>();
    for (const c of cases) {
      const compiled = compileBundle(c.bundle as never);
      if (compiled.cedar === undefined || compiled.graph === undefined) continue;
      const files = { policies: compiled.cedar.policies, schema: compiled.cedar.schema, manifest: compiled.cedar.manifest };
      const sliced = createCedarAuthorizer(files, { slicing: true });
      const whole = createCedarAuthorizer(files);
      const graph = createAuthorizer(compiled.graph);
      for (const r of c.requests) {
        // `authorize` (determining policies too) takes one request; `decide` also operations.
        if (typeof r === "object" && r !== null && !("operation" in r)) expect(sliced.authorize(r), JSON.stringify(r)).toEqual(whole.authorize(r));
        const s = sliced.decide(r);
        expect(s, JSON.stringify(r)).toEqual(whole.decide(r));
        const g = graph.decide(r);
        const outcome = "error" in s ? s.error.code : s.decision;
        expect(outcome, JSON.stringify(r)).toBe("error" in g ? g.error.code : g.decision);
        kinds.add(outcome);
      }
    }
    expect([...kinds]).toEqual(expect.arrayContaining(["Allow", "ExplicitDeny", "ImplicitDeny"]));
  });
});
