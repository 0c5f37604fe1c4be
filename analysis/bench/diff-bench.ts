// Benchmark of `diffGraphs` (issue 13 targets: two 50-statement bundles < 2 s, the org-scale bundle
// < 60 s). Run: node scripts/run-ts.js analysis/bench/diff-bench.ts. Prints one line per scenario.
import fc from "fast-check";
import { AnalysisRefusal, diffGraphs, prepareInput } from "@kms-cedar/analysis";
import { orgScenario } from "../../bench/org-bundle.js";
import { bundleOf } from "../test/policy-generators.js";
import { statements } from "../test/policy-generators.js";
import type { Statement } from "../test/policy-generators.js";

/** 50 statements from the generators' vocabulary; `conditions`: at most that many condition keys per statement. */
function fifty(seed: number, conditions: number): Statement[] {
  const out: Statement[] = [];
  for (const batch of fc.sample(statements, { numRuns: 60, seed })) {
    for (const s of batch) {
      const block = s["Condition"] as Record<string, Record<string, unknown>> | undefined;
      const keys = block === undefined ? 0 : Object.values(block).reduce((n, m) => n + Object.keys(m).length, 0);
      if (out.length < 50 && keys <= conditions) out.push(s);
    }
  }
  return out;
}

function measure(name: string, run: () => { regions: number; changes: number }): void {
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    const r = run();
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${name}: ${(performance.now() - t).toFixed(0)} ms (${((used.user + used.system) / 1000).toFixed(0)} ms CPU), ${r.regions.toLocaleString("en-US")} request classes, ${r.changes} change classes\n`);
  } catch (e) {
    if (!(e instanceof AnalysisRefusal)) throw e;
    process.stdout.write(`${name}: refused after ${(performance.now() - t).toFixed(0)} ms: ${e.message}\n`);
  }
}

for (const conditions of [1, 2]) {
  const a = fifty(1, conditions);
  // One statement replaced: an Allow of kms:Decrypt to another account's root.
  const b = [...a.slice(0, 49), { Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:Decrypt", Resource: "*" }];
  const ga = prepareInput("a", bundleOf(a)).graph;
  const gb = prepareInput("b", bundleOf(b)).graph;
  measure(`diff, two 50-statement key policies, ≤ ${conditions} condition key(s) per statement, the last statement replaced`, () => {
    const d = diffGraphs(ga, gb);
    return { regions: d.regions, changes: d.classes.length };
  });
}
if (process.env["ORG"] === "1") {
const org = orgScenario({ keys: Number(process.env["ORG_KEYS"] ?? 1000), roles: Number(process.env["ORG_ROLES"] ?? 2000) });
measure(`diff, org-scale bundle with itself (${org.statements.toLocaleString("en-US")} statements)`, () => {
  const g = prepareInput("org", org.bundle).graph;
  const d = diffGraphs(g, g);
  return { regions: d.regions, changes: d.classes.length };
});
}
