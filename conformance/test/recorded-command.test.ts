// A report's `command` reproduces its run: every option that changes what is run is recorded (engines,
// requests per bundle, laws, operator, corpus folder, limit …), the recorded command re-parses to the
// same options, and running it again gives the same report; a bundle read from standard input is said so.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, REPO, runMain, shellWords, spawn } from "./cli-harness.js";

const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-recorded-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A report without the fields that differ from one run to the next (timing). */
function untimed(report: Record<string, unknown>): Record<string, unknown> {
  const { elapsedSeconds, casesPerSecond, cpuSeconds, casesPerCpuSecond, ...rest } = report;
  void elapsedSeconds, void casesPerSecond, void cpuSeconds, void casesPerCpuSecond;
  return rest;
}

async function jsonRun(args: readonly string[]): Promise<Record<string, unknown> & { command: string }> {
  const r = await runMain([...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { command: string };
}

const RUN = ["run", "--runs", "12", "--seed", "5", "--engines", "reference,graph", "--requests-per-bundle", "4", "--laws-every", "0", "--operator", "Bool"];

describe("the command a report records", () => {
  it("run: records every option that changes what is run, and running it again gives the same report", async () => {
    const first = await jsonRun(RUN);
    for (const option of ["--runs 12", "--seed 5", "--engines reference,graph", "--requests-per-bundle 4", "--laws-every 0", "--operator Bool"]) {
      expect(first.command).toContain(option);
    }
    const again = await jsonRun(shellWords(first.command));
    expect(again.command).toBe(first.command);
    expect(untimed(again)).toEqual(untimed(first));
  });

  it("run: the recorded command re-parses to the options given (defaults filled), output options aside", async () => {
    const { RUN_SPEC } = await import("../src/cli/command-specs.js");
    const { parseRecordedCommand, recordedCommand, recordedOptions } = await import("../src/cli/recorded-command.js");
    const { parseArguments } = await import("@kms-cedar/compiler/cli-arguments");
    const args = [...RUN.slice(1), "--layer-share", "0.5", "--laws-cedar", "--path", "3:1", "--shard", "1/4", "--report", "r.json", "--format", "json", "--workers", "2"];
    const parsed = parseArguments(RUN_SPEC, args);
    if (parsed.kind !== "run") throw new Error(`parse failed: ${JSON.stringify(parsed)}`);
    const given = recordedOptions(RUN_SPEC, parsed.options);
    const command = recordedCommand(RUN_SPEC, [], given);
    const back = parseRecordedCommand(command);
    if ("error" in back) throw new Error(back.error);
    expect(back.options).toEqual(given);
    expect(given).toEqual({
      runs: "12", seed: "5", operator: "Bool", "layer-share": "0.5", "requests-per-bundle": "4", "laws-every": "0", "laws-cedar": true,
      engines: "reference,graph", path: "3:1", shard: "1/4",
    });
    // `--engine E` is the run `--engines reference,E`; a value with spaces is quoted for the shell.
    const single = parseArguments(RUN_SPEC, ["--engine", "avp-local"]);
    if (single.kind !== "run") throw new Error("parse failed");
    expect(recordedCommand(RUN_SPEC, [], recordedOptions(RUN_SPEC, single.options))).toBe("run --runs 20000 --seed 20261123 --engines reference,avp-local");
    const { CORPUS_SPEC } = await import("../src/cli/command-specs.js");
    const corpus = recordedCommand(CORPUS_SPEC, [], recordedOptions(CORPUS_SPEC, { dir: "my corpus/it's", limit: "5" }));
    expect(corpus).toBe("corpus --corpus 'my corpus/it'\\''s' --runs-per-policy 64 --limit 5 --seed 20261123");
    expect(parseRecordedCommand(corpus)).toMatchObject({ options: { corpus: "my corpus/it's", limit: "5" } });
  });

  it("run --engine avp-local: the engine is recorded", async () => {
    const report = await jsonRun(["run", "--runs", "4", "--seed", "5", "--engine", "avp-local", "--requests-per-bundle", "4", "--laws-every", "0", "--operator", "Bool"]);
    expect(report.command).toContain("--engines reference,avp-local");
  });

  it("corpus: records the corpus folder and --limit", async () => {
    const corpus = join(tmp, "corpus");
    mkdirSync(corpus);
    writeFileSync(join(corpus, "MANIFEST.tsv"), "file\tsource_repo\tpath\tcommit\tlicence\tform\tkind\n");
    const r = await runMain(["corpus", "--dir", corpus, "--limit", "5", "--runs-per-policy", "2", "--seed", "9", "--format", "json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { command: string };
    expect(shellWords(report.command)).toEqual(["corpus", "--corpus", corpus, "--runs-per-policy", "2", "--limit", "5", "--seed", "9"]);
  });

  it("verify -: the command can be pasted (`-`), and the report says the bundle came from standard input", () => {
    const bundle = readFileSync(join(REPO, "examples/abac/bundle.json"), "utf8");
    const report = join(tmp, "stdin.json");
    const r = spawn(BIN, ["verify", "-", "--runs", "20", "--laws-every", "0", "--report", report], { cwd: join(REPO, "examples/abac"), input: bundle });
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8")) as { command: string; commandNote?: string };
    expect(json.command).toBe("verify - --runs 20 --seed 20261123 --laws-every 0");
    expect(json.commandNote).toContain("standard input");
    expect(r.stdout).toContain("- command: `verify - --runs 20 --seed 20261123 --laws-every 0` (the bundle was read from standard input");
  });
});
