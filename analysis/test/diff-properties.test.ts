// Properties that hold the analysis to the engines (issue 13): every sampled request whose decision
// differs lies in a reported change (same from → to, action and caller); `equivalent` means no
// sampled request differs; every witness is decided as reported by the three engines; a policy and
// its rephrasing are equivalent; `prove` never proves an assertion a sampled request breaks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAuthorizer } from "@kms-cedar/runtime";
import { AnalysisCode, AnalysisRefusal, diffGraphs, outcomeOf, prepareInput, proveAssertions } from "@kms-cedar/analysis";
import { bundleOf, KEY, rephrase, requests, statements } from "./policy-generators.js";
import { input, mix, sampledDifferencesAreReported } from "./property-helpers.js";

/** The product strategy's bound in the comparison with the vectors (regions enumerated per diff). */
const PRODUCT_BOUND = 200_000;

/** The runs whose policies hold a policy variable, and of those how many the diff finds different (printed with the mix). */
const variableRuns = { runs: 0, different: 0 };

describe("diff properties", () => {
  it("every sampled difference is reported, and `equivalent` is never wrong", () => {
    fc.assert(fc.property(statements, statements, fc.array(requests, { minLength: 40, maxLength: 40 }), (x, y, samples) => {
      const a = input(x).graph;
      const b = input(y).graph;
      const diff = diffGraphs(a, b);
      if (JSON.stringify([x, y]).includes("${")) {
        variableRuns.runs++;
        if (!diff.equivalent) variableRuns.different++;
      }
      const problem = sampledDifferencesAreReported(diff, a, b, samples);
      expect(problem).toBeUndefined();
    }), { numRuns: 20, seed: 20261206 });
    process.stdout.write(`diff property decision mix (sampled requests, OLD→NEW): ${JSON.stringify(mix)}; runs with policy variables: ${variableRuns.runs} (${variableRuns.different} with a change)\n`);
    expect(variableRuns.runs).toBeGreaterThan(0);
    expect(Object.keys(mix).filter((k) => !k.startsWith("Allow→Allow") && k.split("→")[0] !== k.split("→")[1]).length).toBeGreaterThan(0);
  });

  it("the applicability-vector strategy reports every sampled difference too, and agrees with the product on equivalence", () => {
    // The product enumerates every combination of context values: some generated pairs reach millions
    // of regions (20 s and more each), so it is bounded here, and a pair beyond the bound is compared
    // on the sampled requests only (counted: most pairs must be compared with the product too).
    let compared = 0;
    fc.assert(fc.property(statements, statements, fc.array(requests, { minLength: 40, maxLength: 40 }), (x, y, samples) => {
      const a = input(x).graph;
      const b = input(y).graph;
      const vectors = diffGraphs(a, b, { strategy: "vectors" });
      expect(sampledDifferencesAreReported(vectors, a, b, samples)).toBeUndefined();
      let product: boolean | undefined;
      try {
        product = diffGraphs(a, b, { strategy: "product", bound: PRODUCT_BOUND }).equivalent;
      } catch (refusal) {
        if (!(refusal instanceof AnalysisRefusal) || refusal.code !== AnalysisCode.bound) throw refusal;
      }
      if (product === undefined) return;
      compared++;
      expect(vectors.equivalent).toBe(product);
    }), { numRuns: 12, seed: 20261205 });
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it("the localized diff (changed triples only) reports exactly the changes of the full enumeration", () => {
    const expand = (d: ReturnType<typeof diffGraphs>): string[] => d.classes.flatMap((c) => c.actions.flatMap((a) => c.principals.flatMap((p) => c.resources.map((r) => `${c.from}→${c.to} ${a} ${p} ${r} ${c.condition.join(" | ")}`)))).sort();
    let localized = 0;
    fc.assert(fc.property(statements, statements, fc.boolean(), (x, y, identity) => {
      // Without the identity policy too, so that a change can sit in one graph's principals only.
      const a = prepareInput("a", bundleOf(x)).graph;
      const b = identity ? input(y).graph : prepareInput("b", bundleOf(y, false)).graph;
      const local = diffGraphs(a, b);
      const full = diffGraphs(a, b, { localize: false });
      expect(local.triples).toBeDefined();
      if (local.regions < full.regions) localized++;
      expect(local.equivalent).toBe(full.equivalent);
      expect(local.changedRegions).toBe(full.changedRegions);
      expect(expand(local)).toEqual(expand(full));
    }), { numRuns: 15, seed: 20261207 });
    expect(localized).toBeGreaterThan(0);
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
    }), { numRuns: 6, seed: 20261208 });
    expect(witnesses).toBeGreaterThan(0);
  });

  it("diff A A, and diff of a rephrasing (split, reordered, re-cased, values reversed), is equivalent", () => {
    fc.assert(fc.property(statements, fc.nat(), (x, seed) => {
      const a = input(x).graph;
      expect(diffGraphs(a, a).equivalent).toBe(true);
      const d = diffGraphs(a, input(rephrase(x, seed)).graph);
      expect(d.classes.map((c) => `${c.from}→${c.to} ${c.actions.join(",")} ${c.condition.join(" | ")}`)).toEqual([]);
    }), { numRuns: 12, seed: 20261209 });
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
    }), { numRuns: 15, seed: 20261210 });
    expect(counterexamples).toBeGreaterThan(0);
  });
});
