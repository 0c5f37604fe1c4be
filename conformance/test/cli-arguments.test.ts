// The conformance CLI reads its arguments with kms-cedar's parser and reports mistakes as kms-cedar
// does (a repeated option, an unknown option, a missing value; no command: usage on stderr, exit 2);
// `help <command>` is that command's help; `merge --format json` prints the JSON report.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KMS_CEDAR_BIN, runMain, spawn } from "./cli-harness.js";

const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-cli-arguments-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("kms-cedar-conformance arguments", () => {
  it("a single-value option given twice is a usage error, not the last value", async () => {
    const r = await runMain(["run", "--runs", "5", "--runs", "6"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("kms-cedar-conformance: option `--runs` given twice (`5`, then `6`)");
  });

  it("usage errors read as kms-cedar's: the parser's message, the command's usage line, where its help is", async () => {
    const kmsCedar = spawn(KMS_CEDAR_BIN, ["check", "--bogus"]);
    expect(kmsCedar.stderr).toMatch(/^kms-cedar: unknown option `--bogus` for `check`\nusage: kms-cedar check .*\nrun `kms-cedar check --help` for details\n$/);
    const unknown = await runMain(["run", "--bogus"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^kms-cedar-conformance: unknown option `--bogus` for `run`\nusage: kms-cedar-conformance run .*\nrun `kms-cedar-conformance run --help` for details\n$/);
    const missing = await runMain(["verify", "x.json", "--runs"]);
    expect(missing.stderr).toContain("kms-cedar-conformance: option `--runs` needs a value (N)");
    const optionLike = await runMain(["run", "--seed", "--runs"]);
    expect(optionLike.stderr).toContain("option `--seed` needs a value (S), not the option-like `--runs`");
    const choice = await runMain(["run", "--format", "yaml"]);
    expect(choice.status).toBe(2);
    expect(choice.stderr).toContain("invalid value `yaml` for `--format`");
  });

  it("`help <command>` prints that command's help; an unknown one is a usage error", async () => {
    for (const command of ["run", "verify", "corpus", "replay", "merge"]) {
      const help = await runMain(["help", command]);
      const own = await runMain([command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toBe(own.stdout);
      expect(help.stdout).toContain(`kms-cedar-conformance ${command} —`);
    }
    const unknown = await runMain(["help", "frob"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command `frob`");
  });

  it("no command: the usage on stderr, nothing on stdout, exit 2 (as kms-cedar)", async () => {
    const kmsCedar = spawn(KMS_CEDAR_BIN, []);
    expect([kmsCedar.status, kmsCedar.stdout]).toEqual([2, ""]);
    const r = await runMain([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(kmsCedar.stderr.replaceAll("kms-cedar", "kms-cedar-conformance"));
  });

  it("merge --format json prints the merged JSON report", async () => {
    const shards = [0, 1].map((i) => join(tmp, `s${i}.json`));
    for (const [i, file] of shards.entries()) {
      const r = await runMain(["run", "--runs", "8", "--seed", "5", "--requests-per-bundle", "4", "--laws-every", "0", "--operator", "Bool", "--engines", "reference,graph", "--shard", `${i}/2`, "--report", file]);
      expect(r.status).toBe(0);
    }
    const r = await runMain(["merge", ...shards, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { cases: number; command: string };
    expect(report.cases).toBe(8);
    expect(report.command).not.toContain("--shard");
  });

  it("every command's help lists exactly the options its parser accepts (the internal --worker aside)", async () => {
    const { COMMAND_SPECS } = await import("../src/cli/command-specs.js");
    const { COMMAND_HELP } = await import("../src/cli/help-text.js");
    for (const spec of COMMAND_SPECS) {
      const help = COMMAND_HELP[spec.name];
      const listed = [...help.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map((m) => m[1]);
      expect(listed.sort(), spec.name).toEqual(Object.keys(spec.options).filter((o) => o !== "worker").map((o) => `--${o}`).sort());
    }
  });
});
