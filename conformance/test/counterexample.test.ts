// A divergence is found, shrunk and written as a replayable case folder: a graph engine broken on
// purpose (it denies what the reference allows whenever the request carries aws:SourceIp) must be
// caught within a small budget, and the folder must reproduce the failure, and only with the bug.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EngineWrapper } from "../src/engines/engine-types.js";
import type { PlainBundleShape } from "../src/laws/bundle-transforms.js";
import { evaluateCase } from "../src/run/evaluate-case.js";
import { runConformance } from "../src/run/run-conformance.js";
import { statementsOf } from "../src/laws/bundle-transforms.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);
const dir = mkdtempSync(join(tmpdir(), "kms-cedar-cx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const carriesSourceIp = (q: unknown): boolean => {
  const checks = (q as { checks?: unknown[] }).checks ?? [q];
  return checks.some((c) => Object.keys((c as { context?: object }).context ?? {}).some((k) => k.toLowerCase() === "aws:sourceip"));
};
const broken: EngineWrapper = (engine, decide) =>
  engine === "graph" ? (q) => {
    const r = decide(q);
    return "decision" in r && r.decision === "Allow" && carriesSourceIp(q) ? { decision: "ImplicitDeny", reasons: [] } : r;
  } : decide;

describe("counterexamples", () => {
  const result = runConformance({
    seed: SEED, cases: 2048, requestsPerBundle: 32, operator: "IpAddress", engines: ["reference", "graph"], lawEvery: 0,
    wrap: broken, counterexampleDir: dir, maxCounterexamples: 1,
  });
  const failure = result.failures.find((f) => f.shrunk?.folder !== undefined);

  it("catch the broken engine, and say after how many cases", () => {
    console.log(`counterexamples: seed ${SEED}, first failure after ${result.firstFailureAtCase} cases, ${result.failures.length} failures`);
    expect(result.failures.map((f) => f.law)).toContain("graph_agrees_with_reference");
    expect(result.firstFailureAtCase).toBeGreaterThan(0);
    expect(failure).toBeDefined();
  });

  it("write a case folder with the bundle, the requests, the law and a replay command", () => {
    const folder = failure!.shrunk!.folder!;
    for (const f of ["bundle.json", "requests.json", "case.json", "README.md"]) expect(existsSync(join(folder, f))).toBe(true);
    const readme = readFileSync(join(folder, "README.md"), "utf8");
    expect(readme).toContain("npx kms-cedar-conformance replay ");
    expect(readme).toMatch(new RegExp(`run --seed ${SEED} --variant [A-Za-z:]*IpAddress[A-Za-z]* --requests-per-bundle 32 --path \\d+`));
    expect(JSON.parse(readFileSync(join(folder, "case.json"), "utf8")).law).toBe("graph_agrees_with_reference");
  });

  it("shrink to one request that carries aws:SourceIp and a bundle of a few statements", () => {
    const folder = failure!.shrunk!.folder!;
    const bundle = JSON.parse(readFileSync(join(folder, "bundle.json"), "utf8")) as PlainBundleShape;
    const requests = JSON.parse(readFileSync(join(folder, "requests.json"), "utf8")) as unknown[];
    expect(requests).toHaveLength(1);
    expect(carriesSourceIp(requests[0])).toBe(true);
    const statements = [...Object.values(bundle.keys ?? {}).map((k) => k.policy), ...Object.values(bundle.principals ?? {}).flatMap((p) => p.policies)]
      .flatMap((p) => statementsOf(p));
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it("replay: the folder fails with the broken engine and passes with the real one", () => {
    const folder = failure!.shrunk!.folder!;
    const bundle = JSON.parse(readFileSync(join(folder, "bundle.json"), "utf8")) as PlainBundleShape;
    const requests = JSON.parse(readFileSync(join(folder, "requests.json"), "utf8")) as unknown[];
    const extras = JSON.parse(readFileSync(join(folder, "case.json"), "utf8")).extras;
    const options = { engines: ["reference", "graph"] as const };
    expect(evaluateCase(bundle, requests, extras, { ...options, wrap: broken }).violations.map((v) => v.law)).toEqual(["graph_agrees_with_reference"]);
    expect(evaluateCase(bundle, requests, extras, options).violations).toEqual([]);
  });
});
