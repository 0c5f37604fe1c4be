// `kms-cedar test`: requests files whose entries carry `expect`, decided by the three engines; PASS or
// FAIL per entry, `N passed, M failed`, exit 1 on any miss. The examples' test files pass (so
// `npm test` runs them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runKmsCedar, tempFiles } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const keyPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*" }] };
const request = (action: string, extra: object = {}) => ({ principal: ROLE, action, resource: KEY, ...extra });

function fixture(entries: readonly object[]): string {
  return tempFiles({ "bundle.json": JSON.stringify({ keys: { [KEY]: { policy: keyPolicy } } }), "tests.json": JSON.stringify(entries) });
}

describe("kms-cedar test", () => {
  it("passes the examples' test files with the three engines, exit 0", () => {
    const run = runKmsCedar(["test", "examples/abac/tests.json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const entries = JSON.parse(readFileSync(join(REPO, "examples/abac/tests.json"), "utf8")) as unknown[];
    expect(run.stdout.match(/^PASS /gm)?.length).toBe(entries.length);
    expect(run.stdout).toContain(`${entries.length} passed, 0 failed`);
  });

  it("passes examples/organization/tests.json with the reference, the graph, and all three engines", () => {
    const entries = JSON.parse(readFileSync(join(REPO, "examples/organization/tests.json"), "utf8")) as { expect: string }[];
    for (const engine of ["reference", "graph"]) {
      const run = runKmsCedar(["test", "examples/organization/tests.json", "--engine", engine]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`${entries.length} passed, 0 failed`);
    }
    const all = runKmsCedar(["test", "examples/organization/tests.json"]);
    expect(all.status).toBe(0);
    expect(all.stderr).toBe("");
    expect(all.stdout).toContain(`${entries.length} passed, 0 failed`);
  });

  it("reports a miss as FAIL with what each engine gave, and exits 1", () => {
    const dir = fixture([
      { description: "the role may decrypt", expect: "Allow", ...request("kms:Decrypt") },
      { description: "wrong on purpose", expect: "Allow", ...request("kms:Encrypt") },
      { expect: "KR0002", ...request("kms:NoSuchAction") },
      request("kms:Decrypt"),
    ]);
    const run = runKmsCedar(["test", "tests.json"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("PASS [0] the role may decrypt");
    expect(run.stdout).toContain("FAIL [1] wrong on purpose: expected Allow, got reference ImplicitDeny, graph ImplicitDeny, cedar ImplicitDeny");
    expect(run.stdout).toContain("PASS [2]");
    expect(run.stdout).toContain("SKIP [3]");
    expect(run.stdout).toContain("2 passed, 1 failed, 1 skipped");
  });

  it("prints every verdict as JSON with --format json", () => {
    const dir = fixture([{ expect: "ImplicitDeny", ...request("kms:Encrypt") }, { expect: { error: "KR0002" }, ...request("kms:Nope") }]);
    const run = runKmsCedar(["test", "tests.json", "--format", "json"], dir);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { passed: number; failed: number; files: { results: { status: string; expected: string; outcomes: Record<string, string> }[] }[] };
    expect([report.passed, report.failed]).toEqual([2, 0]);
    expect(report.files[0]?.results.map((r) => r.expected)).toEqual(["ImplicitDeny", "error KR0002"]);
    expect(report.files[0]?.results[1]?.outcomes).toEqual({ reference: "error KR0002", graph: "error KR0002", cedar: "error KR0002" });
  });

  it("refuses an `expect` it cannot read: the entry is malformed (KR0007) and fails", () => {
    const dir = fixture([{ expect: "allow", ...request("kms:Decrypt") }]);
    const run = runKmsCedar(["test", "tests.json"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("FAIL [0]: expected readable annotations (`expect`, `description`), got reference error KR0007");
    expect(run.stdout).toContain("0 passed, 1 failed");
  });

  it("strips `expect` before the engines: eval decides a test file as the plain requests", () => {
    const tests = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/tests.json", "--engine", "all", "--format", "json"]);
    expect(tests.status).toBe(0);
    const rows = JSON.parse(tests.stdout) as { reference: { decision?: string } }[];
    const authored = (JSON.parse(readFileSync(join(REPO, "examples/abac/tests.json"), "utf8")) as { expect: string }[]).map((e) => e.expect);
    expect(rows.map((r) => r.reference.decision ?? (r.reference as { error?: { code: string } }).error?.code)).toEqual(authored);
  });
});
