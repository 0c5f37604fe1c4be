// A planted bug in the diff's localization: changedTriples forgets the role sessions a changed
// statement may apply to. The property "the localized diff reports exactly the changes of the full
// enumeration" must catch it.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { diffGraphs } from "@kms-cedar/analysis";
import { statements } from "./policy-generators.js";
import { input } from "./property-helpers.js";

vi.mock("../src/space/changed-triples.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/space/changed-triples.js")>();
  return { ...real, changedTriples: (...args: Parameters<typeof real.changedTriples>) => real.changedTriples(...args)?.filter((t) => !t.principal.includes(":assumed-role/")) };
});

describe("a planted bug in the diff's localization", () => {
  it("is caught by the localized-versus-full property (sessions forgotten)", () => {
    const run = fc.check(fc.property(statements, statements, (x, y) => {
      const a = input(x).graph;
      const b = input(y).graph;
      expect(diffGraphs(a, b).changedRegions).toBe(diffGraphs(a, b, { localize: false }).changedRegions);
    }), { numRuns: 30, seed: 7 });
    expect(run.failed).toBe(true);
    process.stdout.write(`planted localization bug caught after ${run.numRuns} run(s)\n`);
  });
});
