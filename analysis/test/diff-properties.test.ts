// Properties that hold the analysis to the engines (issue 13): every sampled request whose decision
// differs lies in a reported change (same from → to, action and caller); `equivalent` means no
// sampled request differs; every witness is decided as reported by the three engines; a policy and
// its rephrasing are equivalent; `prove` never proves an assertion a sampled request breaks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAuthorizer } from "@kms-cedar/runtime";
import { diffGraphs, outcomeOf, proveAssertions } from "@kms-cedar/analysis";
import { KEY, rephrase, requests, statements } from "./policy-generators.js";
import { input, mix, sampledDifferencesAreReported } from "./property-helpers.js";

describe("diff properties", () => {
  it("every sampled difference is reported, and `equivalent` is never wrong", () => {
    fc.assert(fc.property(statements, statements, fc.array(requests, { minLength: 40, maxLength: 40 }), (x, y, samples) => {
      const a = input(x).graph;
      const b = input(y).graph;
      const problem = sampledDifferencesAreReported(diffGraphs(a, b), a, b, samples);
      expect(problem).toBeUndefined();
    }), { numRuns: 15 });
    process.stdout.write(`diff property decision mix (sampled requests, OLD→NEW): ${JSON.stringify(mix)}\n`);
    expect(Object.keys(mix).filter((k) => !k.startsWith("Allow→Allow") && k.split("→")[0] !== k.split("→")[1]).length).toBeGreaterThan(0);
  });

  it("the applicability-vector strategy reports every sampled difference too, and agrees with the product on equivalence", () => {
    fc.assert(fc.property(statements, statements, fc.array(requests, { minLength: 40, maxLength: 40 }), (x, y, samples) => {
      const a = input(x).graph;
      const b = input(y).graph;
      const vectors = diffGraphs(a, b, { strategy: "vectors" });
      expect(sampledDifferencesAreReported(vectors, a, b, samples)).toBeUndefined();
      expect(vectors.equivalent).toBe(diffGraphs(a, b, { strategy: "product" }).equivalent);
    }), { numRuns: 12 });
  });

  it("every witness is decided as reported by the reference evaluator, the graph and Cedar", () => {
    let witnesses = 0;
    fc.assert(fc.property(statements, statements, (x, y) => {
      const a = input(x);
      const b = input(y);
      const diff = diffGraphs(a.graph, b.graph);
      for (const c of diff.classes.slice(0, 6)) {
        witnesses++;
        for (const decide of a.engines) expect(outcomeOf(decide(c.witness))).toBe(c.from);
        for (const decide of b.engines) expect(outcomeOf(decide(c.witness))).toBe(c.to);
      }
    }), { numRuns: 6 });
    expect(witnesses).toBeGreaterThan(0);
  });

  it("diff A A, and diff of a rephrasing (split, reordered, re-cased, values reversed), is equivalent", () => {
    fc.assert(fc.property(statements, fc.nat(), (x, seed) => {
      const a = input(x).graph;
      expect(diffGraphs(a, a).equivalent).toBe(true);
      const d = diffGraphs(a, input(rephrase(x, seed)).graph);
      expect(d.classes.map((c) => `${c.from}→${c.to} ${c.actions.join(",")} ${c.condition.join(" | ")}`)).toEqual([]);
    }), { numRuns: 12 });
  });

  it("prove never proves an assertion that a sampled request breaks", () => {
    let counterexamples = 0;
    fc.assert(fc.property(statements, fc.array(requests, { minLength: 30, maxLength: 30 }), (x, samples) => {
      const a = input(x);
      const assertion = { name: "nobody outside 111122223333 decrypts", principals: ["*"], notInAccounts: ["111122223333"], actions: ["kms:Decrypt"], keys: [KEY] };
      const [result] = proveAssertions(a.graph, [assertion]);
      const authorizer = createAuthorizer(a.graph);
      const broken = samples.find((r) => r.action === "kms:Decrypt" && !r.principal.includes(":111122223333:") && outcomeOf(authorizer.decide(r)) === "Allow");
      if (broken !== undefined) expect(result!.proved, JSON.stringify(broken)).toBe(false);
      if (!result!.proved) {
        counterexamples++;
        for (const decide of a.engines) expect(outcomeOf(decide(result!.counterexample!))).toBe("Allow");
      }
    }), { numRuns: 15 });
    expect(counterexamples).toBeGreaterThan(0);
  });
});
