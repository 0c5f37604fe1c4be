// For CI: `check` takes directories (recursive, `.json` only, sorted) and `--max-warnings N` /
// `--warnings-as-errors` turn too many warnings into exit 1 on check and compile.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runKmsCedar, tempFiles } from "./run-cli-process.js";

const clean = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] });
// No Version: warning KC2020.
const warned = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] });

describe("check on a directory", () => {
  it("checks every .json file below it, recursively, in sorted order, and nothing else", () => {
    const dir = tempFiles({ "b.json": clean, "a.json": clean, "notes.txt": "not json" });
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "c.json"), clean);
    writeFileSync(join(dir, "sub", "a.yaml"), "x: 1");
    const run = runKmsCedar(["check", ".", "--kind", "identity", "--format", "json"], dir);
    expect(run.status).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files).toEqual(["a.json", "b.json", join("sub", "c.json")]);
  });

  it("an empty directory is a usage error", () => {
    const dir = tempFiles({});
    mkdirSync(join(dir, "empty"));
    const run = runKmsCedar(["check", "empty"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no `.json` file in the directory `empty`");
  });
});

describe("--max-warnings and --warnings-as-errors", () => {
  it("check: warnings pass by default, fail over the limit", () => {
    const dir = tempFiles({ "p.json": warned });
    expect(runKmsCedar(["check", "p.json", "--kind", "identity"], dir).status).toBe(0);
    expect(runKmsCedar(["check", "p.json", "--kind", "identity", "--max-warnings", "1"], dir).status).toBe(0);
    const over = runKmsCedar(["check", "p.json", "--kind", "identity", "--max-warnings", "0"], dir);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("1 warning, more than the 0 allowed");
    expect(runKmsCedar(["check", "p.json", "--kind", "identity", "--warnings-as-errors"], dir).status).toBe(1);
    expect(runKmsCedar(["check", "p.json", "--max-warnings", "many"], dir).status).toBe(2);
  });

  it("compile: too many warnings stop before anything is written", () => {
    const dir = tempFiles({ "p.json": warned });
    const run = runKmsCedar(["compile", "p.json", "--kind", "identity", "-o", "out", "--warnings-as-errors"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nothing written");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(runKmsCedar(["compile", "p.json", "--kind", "identity", "-o", "out"], dir).status).toBe(0);
  });
});
