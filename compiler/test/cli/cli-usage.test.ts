// The `kms-cedar` process: help, version, and usage errors (exit 2, a clear message on stderr,
// nothing on stdout).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO, runKmsCedar } from "./run-cli-process.js";

const version = (JSON.parse(readFileSync(`${REPO}/compiler/package.json`, "utf8")) as { version: string }).version;

describe("kms-cedar help and version", () => {
  it("prints the tool help with every command, exit 0", () => {
    const run = runKmsCedar(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("usage: kms-cedar <command> [options]");
    for (const command of ["check", "compile", "eval"]) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(runKmsCedar(["-h"]).stdout).toBe(run.stdout);
  });

  it.each(["check", "compile", "eval"])("prints the help of %s, exit 0", (command) => {
    const run = runKmsCedar([command, "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`usage: kms-cedar ${command} `);
    expect(run.stdout).toContain("--format <text|json");
    expect(run.stderr).toBe("");
  });

  it("prints the version of the compiler package", () => {
    const run = runKmsCedar(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe("kms-cedar usage errors", () => {
  it.each([
    [[], "kms-cedar: no command given"],
    [["frobnicate"], "kms-cedar: unknown command `frobnicate`"],
    [["--verbose"], "kms-cedar: unknown option `--verbose`"],
    [["check", "x.json", "--color"], "kms-cedar: unknown option `--color` for `check`"],
    [["check"], "kms-cedar: missing <files>"],
    [["check", "examples/abac/bundle.json", "--max-bytes", "ten"], "`--max-bytes` must be a positive integer, not `ten`"],
    [["check", "examples/abac/bundle.json", "--kind", "role"], "invalid value `role` for `--kind`"],
    [["eval", "examples/abac/bundle.json"], "kms-cedar: missing `--requests <file>`"],
    [["eval", "examples/abac/key-policy.json", "--requests", "r.json", "--key", "arn:aws:kms:us-west-2:111122223333:alias/x"], "`--key` needs a key ARN"],
    [["eval", "examples/abac/key-policy.json", "--requests", "r.json", "--key", "arn:aws:kms:us-west-2:111122223333:key/1", "--principal", "arn:aws:iam::111122223333:role/A"], "give `--key` or `--principal`, not both"],
    [["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--kind", "key"], "apply to a single policy file; `examples/abac/bundle.json` is a bundle"],
    [["compile", "examples/abac/bundle.json"], "kms-cedar: missing `-o <dir>`"],
  ])("%j → exit 2: %s", (args, message) => {
    const run = runKmsCedar(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("usage: kms-cedar");
    expect(run.stdout).toBe("");
  });

  it("reports a file that cannot be read as an I/O error, exit 2", () => {
    const run = runKmsCedar(["check", "examples/does-not-exist.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("kms-cedar: cannot read `examples/does-not-exist.json`: no such file or directory");
  });
});
