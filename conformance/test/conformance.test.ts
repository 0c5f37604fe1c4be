// The CI conformance run, operator by operator: for each of the 27 base operators of spec §2.1,
// bundles built around each of its variants (qualifiers × IfExists) and requests on them, decided by the
// reference evaluator, the decision graph and Cedar; every law checked. The budget (src/run/ci-budget.ts,
// shared with `npm run mutation-check`): fixed seed (FC_SEED), CONFORMANCE_CASES per operator in many
// small bundles. A failure prints the seed and the case folder to replay.
import { afterAll, describe, expect, it } from "vitest";
import { BASE_OPERATOR_NAMES } from "../src/arbitraries/operators.js";
import { cedarAvailability } from "../src/engines/cedar-engine.js";
import { jsonReport } from "../src/report/json-report.js";
import { markdownReport } from "../src/report/markdown-report.js";
import { KMS_PATHS } from "../src/run/kms-path.js";
import { mergeLaws, mergeStatistics } from "../src/run/merge-statistics.js";
import { ciBudget, LAYER_SEED_OFFSET } from "../src/run/ci-budget.js";
import { LAYER_NAMES } from "../src/laws/layer-transforms.js";
import { FAMILIES } from "../src/run/families.js";
import { runConformance } from "../src/run/run-conformance.js";
import type { RunResult } from "../src/run/run-conformance.js";

const BUDGET = ciBudget();
const SEED = BUDGET.seed;
const PER_OPERATOR = BUDGET.casesPerOperator;
const COUNTEREXAMPLES = new URL("../counterexamples", import.meta.url).pathname;
const results: RunResult[] = [];
/** One operator's budget takes 10–30 s on an idle machine; generous, so a loaded machine does not fail it by time. */
const STREAM_TIMEOUT = 240_000;

afterAll(() => {
  if (results.length === 0) return;
  const merged: RunResult = {
    ...results[0]!, seed: SEED, stats: mergeStatistics(results.map((r) => r.stats)), laws: mergeLaws(results.map((r) => r.laws)),
    failures: results.flatMap((r) => r.failures), violationCount: results.reduce((n, r) => n + r.violationCount, 0),
    elapsedMs: results.reduce((n, r) => n + r.elapsedMs, 0), cpuMs: results.reduce((n, r) => n + r.cpuMs, 0),
  };
  const d = merged.stats.decisions;
  console.log(`conformance: seed ${SEED}, ${d.cases} cases (Allow ${d.Allow}, ExplicitDeny ${d.ExplicitDeny}, ImplicitDeny ${d.ImplicitDeny}, errors ${d.error}), ${merged.stats.divergences} divergences, ${Math.round(d.cases / (merged.elapsedMs / 1000))} cases/s, ${Math.round(merged.cpuMs / 100) / 10} s CPU`);
  if (merged.violationCount > 0) console.log(markdownReport(jsonReport(merged, `CI --seed ${SEED}`)));
});

describe("conformance, operator by operator", () => {
  it("has the Cedar engine", () => {
    expect(cedarAvailability()).toEqual({ available: true });
  });

  BASE_OPERATOR_NAMES.forEach((operator, i) => {
    it(`${operator}: graph and Cedar decide like the reference, and the laws hold`, () => {
      const r = runConformance({
        seed: SEED + i, cases: PER_OPERATOR, requestsPerBundle: BUDGET.requestsPerBundle, operator, lawEvery: BUDGET.lawEvery, explainEvery: 8,
        lawEngines: BUDGET.lawEngines, cedarEvery: BUDGET.cedarEvery, cedarRequests: BUDGET.cedarRequests, counterexampleDir: COUNTEREXAMPLES, maxCounterexamples: 2,
      });
      results.push(r);
      const failures = r.failures.map((f) => `${f.law} (${f.engine}, ${f.focus}): ${f.message}; replay: ${f.shrunk?.folder ? `npx kms-cedar-conformance replay ${f.shrunk.folder}` : f.rerun}`);
      if (failures.length > 0) console.log(`${operator}: seed ${SEED + i}, first failure after ${r.firstFailureAtCase} cases\n  ${failures.slice(0, 5).join("\n  ")}`);
      // Every budget slot is decided; bundles Cedar runs on decide BUDGET.cedarRequests instead of requestsPerBundle.
      expect(r.stats.cases).toBeGreaterThanOrEqual(PER_OPERATOR);
      // Cedar decides the requests of one bundle in BUDGET.cedarEvery (every variant's first bundle included).
      expect(r.stats.engineCases["cedar"]).toBeGreaterThanOrEqual(Math.floor(PER_OPERATOR / BUDGET.cedarEvery / 2));
      expect(failures).toEqual([]);
    }, STREAM_TIMEOUT);
  });

  it("layers: graph and Cedar decide bundles with SCPs, RCPs, boundaries, session policies, an endpoint and a grant like the reference", () => {
    const seed = SEED + LAYER_SEED_OFFSET;
    const r = runConformance({
      seed, cases: BUDGET.layerCases, layerShare: 1, requestsPerBundle: BUDGET.requestsPerBundle, lawEvery: BUDGET.lawEvery, explainEvery: 8,
      lawEngines: BUDGET.lawEngines, cedarEvery: BUDGET.cedarEvery, cedarRequests: BUDGET.cedarRequests, counterexampleDir: COUNTEREXAMPLES, maxCounterexamples: 2,
    });
    results.push(r);
    const failures = r.failures.map((f) => `${f.law} (${f.engine}, ${f.focus}): ${f.message}; replay: ${f.shrunk?.folder ? `npx kms-cedar-conformance replay ${f.shrunk.folder}` : f.rerun}`);
    if (failures.length > 0) console.log(`layers: seed ${seed}, first failure after ${r.firstFailureAtCase} cases\n  ${failures.slice(0, 5).join("\n  ")}`);
    const mix = LAYER_NAMES.map((l) => {
      const t = r.stats.layers[l];
      return `${l} ${t?.cases ?? 0} (Allow ${t?.Allow ?? 0}, ExplicitDeny ${t?.ExplicitDeny ?? 0}, ImplicitDeny ${t?.ImplicitDeny ?? 0})`;
    });
    console.log(`layers: seed ${seed}, ${r.stats.cases} cases, Cedar on ${r.stats.engineCases["cedar"] ?? 0}; ${mix.join("; ")}`);
    expect(r.stats.rejectedBundles).toBe(0);
    expect(r.stats.engineCases["cedar"] ?? 0).toBeGreaterThan(0);
    // Every layer reached, with an Allow and a deny among the requests its bundles decide.
    const oneWay = LAYER_NAMES.filter((l) => (r.stats.layers[l]?.Allow ?? 0) === 0 || (r.stats.layers[l]?.ExplicitDeny ?? 0) + (r.stats.layers[l]?.ImplicitDeny ?? 0) === 0);
    expect(oneWay).toEqual([]);
    expect(failures).toEqual([]);
  }, STREAM_TIMEOUT);

  it("reached every operator with an Allow and a deny, every qualifier row, every KMS path, and checked every law", () => {
    const stats = mergeStatistics(results.map((r) => r.stats));
    const laws = mergeLaws(results.map((r) => r.laws));
    const noAllow = BASE_OPERATOR_NAMES.filter((o) => (stats.operators[o]?.Allow ?? 0) === 0);
    const noDeny = BASE_OPERATOR_NAMES.filter((o) => (stats.operators[o]?.ExplicitDeny ?? 0) + (stats.operators[o]?.ImplicitDeny ?? 0) === 0);
    expect({ noAllow, noDeny }).toEqual({ noAllow: [], noDeny: [] });
    expect(Object.keys(stats.qualifiers).sort()).toHaveLength(6);
    expect(KMS_PATHS.filter((p) => (stats.paths[p]?.cases ?? 0) === 0)).toEqual([]);
    expect(Object.entries(laws).filter(([, t]) => t.checked === 0).map(([n]) => n)).toEqual([]);
    expect(stats.rejectedBundles).toBe(0);
  });

  it("reached every generator family of issue 10, both ways where a decision is possible", () => {
    const f = mergeStatistics(results.map((r) => r.stats)).families;
    const row = (name: string) => f[name] ?? { cases: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, error: 0, divergences: 0 };
    // Malformed shapes and strings that are not well-formed Unicode are request errors, never decisions (DESIGN §2).
    const errorsOnly = ["request shapes (malformed)", "Unicode: not well-formed"];
    // RetireGrant is never allowed by a policy alone (spec §5.4, seed 004); its Denies still apply.
    const deniedOnly = ["RetireGrant", "RetireGrant, Deny in the key policy"];
    const unreached = FAMILIES.filter((n) => row(n).cases === 0);
    const decidedMalformed = errorsOnly.filter((n) => row(n).cases !== row(n).error);
    const oneWay = FAMILIES.filter((n) => !errorsOnly.includes(n) && !deniedOnly.includes(n) && (row(n).Allow === 0 || row(n).ExplicitDeny + row(n).ImplicitDeny === 0));
    const retireAllowed = deniedOnly.filter((n) => row(n).Allow > 0 || row(n).ExplicitDeny === 0);
    expect({ unreached, decidedMalformed, oneWay, retireAllowed }).toEqual({ unreached: [], decidedMalformed: [], oneWay: [], retireAllowed: [] });
  });
});
