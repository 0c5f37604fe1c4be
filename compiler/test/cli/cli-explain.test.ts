// `eval --explain` and `authorize --explain` (docs/explain.md): an Allow names every statement that
// contributed on each side — with the Cedar engine too, the key-policy statement that delegated to IAM
// included —, a deny the closest Allow statements with the first failing test, its line:column and the
// value the request gave it; JSON gives the same as objects, alike for the three engines.
import { describe, expect, it } from "vitest";
import { runKmsCedar } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const request = ["--principal", SESSION, "--action", "kms:Decrypt", "--resource", KEY];
const authorize = (...args: string[]) => runKmsCedar(["authorize", "examples/abac/bundle.json", ...request, "--explain", ...args]);

interface Explained {
  decision: string;
  reasons: { policy: string; statement: number; sid?: string; path?: string; span?: { line?: number } }[];
  closest?: { key: { sid?: string; passed: number; tests: number; failed?: unknown }[]; identity: { sid?: string; passed: number; tests: number; failed?: { test: unknown; seen: unknown; span?: { line?: number; column?: number } } }[] };
}

describe("--explain", () => {
  it("an Allow lists both sides, the delegating key-policy statement included, for every engine", () => {
    const all = JSON.parse(authorize("--context", "aws:ResourceTag/Project=Alpha", "--engine", "all", "--format", "json").stdout) as Record<string, Explained>;
    for (const engine of ["reference", "graph", "cedar"]) {
      expect(all[engine]!.reasons.map((r) => `${r.sid} ${r.path} line ${r.span?.line}`)).toEqual([
        "Enable IAM User Permissions key-account line 5",
        "UseProjectAlphaKeys identity line 4",
      ]);
    }
    const text = authorize("--context", "aws:ResourceTag/Project=Alpha", "--engine", "cedar");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('applies: keys[arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111] statement 1 (Sid "Enable IAM User Permissions") at 5:5 — key policy, names the caller\'s account (delegates to IAM)');
  });

  it("an ImplicitDeny names the closest statements, the first failing test, where it is and what it saw", () => {
    const all = JSON.parse(authorize("--context", "aws:ResourceTag/Project=Beta", "--engine", "all", "--format", "json").stdout) as Record<string, Explained>;
    for (const engine of ["reference", "graph", "cedar"]) {
      const e = all[engine]!;
      expect(e.decision).toBe("ImplicitDeny");
      expect(e.closest!.key.map((c) => [c.sid, c.passed, c.tests, c.failed])).toEqual([["Enable IAM User Permissions", 3, 3, undefined]]);
      expect(e.closest!.identity.map((c) => [c.sid, c.passed, c.tests, c.failed])).toEqual([["UseProjectAlphaKeys", 2, 3, {
        test: { kind: "condition", operator: "StringEquals", key: "aws:resourcetag/project" },
        seen: { kind: "values", values: ["Beta"] },
        span: { start: expect.any(Number), end: expect.any(Number), line: 9, column: 67 },
      }]]);
    }
    const text = authorize("--context", "aws:ResourceTag/Project=Beta");
    expect(text.stdout).toContain('first failed: condition StringEquals "aws:resourcetag/project" at 9:67, saw "Beta"');
  });

  it("eval --explain explains every entry; an ExplicitDeny names its Deny statement", () => {
    const run = runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--explain", "--engine", "graph"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('applies: principals[arn:aws:iam::111122223333:role/App][0] statement 2 (Sid "DenyReservedKeys") at 11:5 — Deny');
    expect(run.stdout).toContain("identity policies, closest: principals[arn:aws:iam::111122223333:role/App][0] statement 1 (Sid \"UseProjectAlphaKeys\") at 4:5 — passed 1 of 3 tests; first failed: resource at 8:19");
    const rows = JSON.parse(runKmsCedar(["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--explain", "--format", "json"]).stdout) as Explained[];
    expect(rows.map((r) => r.decision)).toEqual(["Allow", "Allow", "ImplicitDeny", "ImplicitDeny", "ExplicitDeny", "ImplicitDeny", "ImplicitDeny", "Allow", "ImplicitDeny", "Allow", "ImplicitDeny"]);
  });

  it("is in --help", () => {
    expect(runKmsCedar(["eval", "--help"]).stdout).toContain("--explain");
    expect(runKmsCedar(["authorize", "--help"]).stdout).toContain("--explain");
  });
});
