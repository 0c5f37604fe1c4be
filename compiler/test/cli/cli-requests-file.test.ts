// How `eval` and `test` read a requests file (docs/request-model.md "Requests files"): only an
// unreadable or unparsable file fails as a whole (exit 2, with messages about requests); an entry the
// library refuses is an error entry in its place, with the library's code and message, and the others
// are decided.
import { createAuthorizer } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const bundle = { keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*" }] } } } };
const ok = `{"principal":"${ROLE}","action":"kms:Decrypt","resource":"${KEY}"}`;
const deep = `${"[".repeat(70)}${"]".repeat(70)}`;
const deepContext = `{"principal":"${ROLE}","action":"kms:Decrypt","resource":"${KEY}","context":{"a":${deep}}}`;
const deepStray = `{"principal":"${ROLE}","action":"kms:Decrypt","resource":"${KEY}","extra":${deep}}`;
const deepCheck = `{"operation":"kms:ReEncrypt","checks":[${ok},{"principal":"${ROLE}","action":"kms:Decrypt","resource":"${KEY}","context":{"b":{"c":${deep}}}}]}`;

/** What the library answers for one entry's text. */
function library(text: string): unknown {
  const compiled = compileBundle(bundle);
  return createAuthorizer(compiled.graph!).decide(JSON.parse(text) as never);
}

describe("an entry nested deeper than the JSON front end reads is its own error entry", () => {
  it("eval: KR0006 (context value, also in a check) and KR0007 (stray member) in place, as the library says; the others decided", () => {
    const dir = tempFiles({ "bundle.json": JSON.stringify(bundle), "requests.json": `[${ok},\n${deepContext},\n${deepStray},\n${deepCheck},\n${ok}]` });
    const run = runKmsCedar(["eval", "bundle.json", "--requests", "requests.json", "--engine", "all", "--format", "json"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { reference: { decision?: string; error?: { code: string; message: string } } }[];
    expect(rows.map((r) => r.reference.decision ?? r.reference.error?.code)).toEqual(["Allow", "KR0006", "KR0007", "KR0006", "Allow"]);
    [deepContext, deepStray, deepCheck].forEach((text, k) => {
      const expected = library(text) as { error: { code: string; message: string } };
      expect(rows[k + 1]!.reference.error).toEqual({ code: expected.error.code, message: `request ${k + 1}: ${expected.error.message}` });
    });
  });

  it("test: the deep entry meets its `expect`, the others are judged", () => {
    const tests = `[${ok.slice(0, -1)},"expect":"Allow"},\n${deepContext.slice(0, -1)},"expect":"KR0006"},\n${deepStray.slice(0, -1)},"expect":"KR0007"}]`;
    const dir = tempFiles({ "bundle.json": JSON.stringify(bundle), "tests.json": tests });
    const run = runKmsCedar(["test", "tests.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("3 passed, 0 failed");
    expect(run.status).toBe(0);
  });

  it("a file nested far beyond the limit (100 000 levels) still answers per entry, without a crash", () => {
    const dir = tempFiles({ "bundle.json": JSON.stringify(bundle), "requests.json": `[${ok},{"context":${"[".repeat(100_000)}${"]".repeat(100_000)}}]` });
    const run = runKmsCedar(["eval", "bundle.json", "--requests", "requests.json", "--format", "json"], dir);
    expect(run.stderr).toBe("");
    const rows = JSON.parse(run.stdout) as { decision?: string; error?: { code: string } }[];
    expect(rows.map((r) => r.decision ?? r.error?.code)).toEqual(["Allow", "KR0007"]);
  });
});

describe("a requests file that fails as a whole says so about requests, alike in eval and test", () => {
  const failure = (args: readonly string[], files: Record<string, string>) => runKmsCedar(args, tempFiles({ "bundle.json": JSON.stringify(bundle), ...files }));

  it("an empty file: KC1001 whose help describes a requests file, not a policy", () => {
    for (const args of [["eval", "bundle.json", "--requests", "empty.json"], ["test", "empty.json"]]) {
      const run = failure(args, { "empty.json": "" });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("kms-cedar: `empty.json` is not valid JSON\n");
      expect(run.stderr).toContain("error[KC1001]");
      expect(run.stderr).toContain("--> empty.json:1:1");
      expect(run.stderr).toContain("help: a requests file is a JSON array of requests");
      expect(run.stderr).not.toContain("policy");
    }
  });

  it("a syntax error: the same message, code and position from eval and test", () => {
    const files = { "bad.json": `[${ok},\n  {"principal": }]` };
    const byEval = failure(["eval", "bundle.json", "--requests", "bad.json"], files);
    const byTest = failure(["test", "bad.json"], files);
    expect(byEval.status).toBe(2);
    expect(byEval.stderr).toContain("error[KC1019]");
    expect(byEval.stderr).toContain("--> bad.json:2:17");
    expect(byTest.status).toBe(2);
    expect(byTest.stderr).toBe(byEval.stderr);
  });

  it("test on a missing requests file names it, even where no bundle.json is", () => {
    const run = runKmsCedar(["test", "nonexist.json"], tempFiles({}));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("kms-cedar: cannot read `nonexist.json`: no such file or directory\n");
  });
});
