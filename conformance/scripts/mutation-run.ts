// One run of the CI conformance budget for the mutation check (a child process, so that every run
// loads the engines' source afresh): operator by operator with the CI seed and budget, the
// operators named by --first first. Prints one JSON line: the failure signatures not in --baseline
// (stopping at the first one when --stop-on-new) or, without a baseline, all of them.
import { readFileSync } from "node:fs";
import { BASE_OPERATOR_NAMES } from "../src/arbitraries/operators.js";
import type { BaseOperator } from "../src/arbitraries/operators.js";
import { ciBudget, LAYER_SEED_OFFSET } from "../src/run/ci-budget.js";
import { runConformance } from "../src/run/run-conformance.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const baseline = option("--baseline") !== undefined ? new Set(JSON.parse(readFileSync(option("--baseline")!, "utf8")) as string[]) : undefined;
const first = (option("--first") ?? "").split(",").filter((o): o is BaseOperator => (BASE_OPERATOR_NAMES as readonly string[]).includes(o));
const stopOnNew = args.includes("--stop-on-new");
const budget = ciBudget();
// "layers": the stream of bundles with layers, after the operators as in CI.
const order: (BaseOperator | "layers")[] = [...first, ...BASE_OPERATOR_NAMES.filter((o) => !first.includes(o)), "layers"];
const signatures: string[] = [];
const fresh: string[] = [];
let cases = 0;
for (const operator of order) {
  const common = { requestsPerBundle: budget.requestsPerBundle };
  const stream = operator === "layers"
    ? { ...common, seed: budget.seed + LAYER_SEED_OFFSET, cases: budget.layerCases, layerShare: 1 }
    : { ...common, seed: budget.seed + BASE_OPERATOR_NAMES.indexOf(operator), cases: budget.casesPerOperator, operator };
  const r = runConformance({
    ...stream,
    lawEvery: budget.lawEvery, lawEngines: budget.lawEngines, cedarEvery: budget.cedarEvery, cedarRequests: budget.cedarRequests, maxCounterexamples: 0, maxFailures: 100_000,
  });
  cases += r.stats.cases;
  for (const f of r.failures) {
    const s = `${f.law} | ${f.engine} | ${f.focus} | run ${f.runIndex} | ${f.message}`;
    signatures.push(s);
    if (baseline !== undefined && !baseline.has(s)) fresh.push(s);
  }
  // CI also asserts that the compiler accepts every generated bundle (a parser that rejects `/32` kills
  // bundles, not requests: no law fails, but conformance.test.ts does).
  if (r.stats.rejectedBundles > 0) {
    const s = `compiler rejected ${r.stats.rejectedBundles} generated bundle(s) for ${operator} (CI asserts none): ${Object.keys(r.stats.rejectedReasons).join(", ")}`;
    signatures.push(s);
    if (baseline !== undefined && !baseline.has(s)) fresh.push(s);
  }
  if (stopOnNew && fresh.length > 0) break;
}
process.stdout.write(`${JSON.stringify({ cases, signatures: baseline === undefined ? signatures : [], fresh: fresh.slice(0, 3) })}\n`);
