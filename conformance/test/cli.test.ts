// The kms-cedar-conformance CLI as a user runs it: --help on every command, exit codes 0 / 1 / 2,
// the markdown report on stdout and the JSON report's shape.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASE_OPERATOR_NAMES } from "../src/arbitraries/operators.js";

const BIN = new URL("../bin/kms-cedar-conformance.js", import.meta.url).pathname;
const REPO = new URL("../../", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "kms-cedar-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kms-cedar-conformance", () => {
  it.each([["--help"], ["run", "--help"], ["verify", "--help"], ["corpus", "--help"], ["replay", "--help"]])("%s %s prints help and exits 0", (...args) => {
    const r = cli(...args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage|\nUsage/);
    expect(r.stdout).toContain("Exit codes");
  });

  it("exits 2 on usage errors, with a message naming the mistake", () => {
    expect(cli().status).toBe(2);
    const unknown = cli("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command `frobnicate`");
    const badOption = cli("run", "--frob");
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain("--frob");
    const badOperator = cli("run", "--operator", "StringLikeIfExists");
    expect(badOperator.status).toBe(2);
    expect(badOperator.stderr).toContain("unknown base operator `StringLikeIfExists`");
  });

  it("run: markdown on stdout, the JSON report in the documented shape, exit 0 with no divergence", () => {
    const report = join(tmp, "report.json");
    const r = cli("run", "--runs", "64", "--requests-per-bundle", "32", "--operator", "StringLike", "--engines", "reference,graph", "--laws-every", "0", "--seed", "7", "--report", report);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("# kms-cedar conformance report (StringLike)");
    expect(r.stdout).toContain("seed **7**");
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.seed).toBe(7);
    expect(json.cases).toBe(64);
    expect(json.divergences).toBe(0);
    expect(Object.keys(json.operators)).toEqual([...BASE_OPERATOR_NAMES]);
    expect(Object.keys(json.operators.StringLike).sort()).toEqual(["Allow", "ExplicitDeny", "ImplicitDeny", "cases", "divergences", "errors"]);
    expect(json.operators.StringLike.cases).toBe(64);
    expect(json.operators.StringEquals.cases).toBe(0);
    expect(Object.keys(json.qualifiers)).toHaveLength(6);
    expect(json.kmsPaths["key, same account"]).toBeDefined();
    expect(json.engines.cedar.cases).toBe(0);
  });

  it.skipIf(!existsSync("/proc/self"))("an output path that cannot be written is exit 2 at once, before the run (no hang on /proc)", () => {
    const started = Date.now();
    const r = cli("run", "--runs", "100000", "--report", "/proc/x/r.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot write `/proc/x/r.json`");
    expect(r.stdout).toBe("");
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    const underFile = cli("verify", "examples/abac/bundle.json", "--runs", "100000", "--report", join(file, "r.json"));
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toContain("not a directory");
    const counterexamples = cli("run", "--runs", "100000", "--counterexamples", "/proc/x");
    expect(counterexamples.status).toBe(2);
    expect(counterexamples.stderr).toContain("cannot write counterexamples to `/proc/x`");
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("corpus: --corpus DIR names the corpus; a folder without MANIFEST.tsv is a clear usage error", () => {
    const r = cli("corpus", "--corpus", tmp);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`\`${tmp}\` is not a corpus: it has no MANIFEST.tsv`);
    const corpus = join(tmp, "corpus");
    mkdirSync(corpus);
    writeFileSync(join(corpus, "MANIFEST.tsv"), "file\tsource_repo\tpath\tcommit\tlicence\tform\tkind\n");
    const empty = cli("corpus", "--corpus", corpus, "--runs-per-policy", "1");
    expect(empty.stdout).toContain(`Corpus \`${corpus}\`: 0 files`);
    expect(empty.status).toBe(0);
  });

  it("verify -: reads the bundle from standard input, its policy paths relative to the working directory", () => {
    const bundle = readFileSync(join(REPO, "examples/abac/bundle.json"), "utf8");
    const r = spawnSync(process.execPath, [BIN, "verify", "-", "--runs", "20"], { cwd: join(REPO, "examples/abac"), input: bundle, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("report for `<stdin>`");
    expect(r.stdout).toContain("cases: **20**");
  });

  it("--version prints the package version; --format json prints the JSON report on stdout", () => {
    const version = cli("--version");
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(REPO, "conformance/package.json"), "utf8")) as { version: string }).version}\n`);
    const r = cli("run", "--runs", "16", "--requests-per-bundle", "8", "--operator", "Bool", "--engines", "reference,graph", "--laws-every", "0", "--seed", "3", "--format", "json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { seed: number; cases: number; divergences: number };
    expect([report.seed, report.cases, report.divergences]).toEqual([3, 16, 0]);
    expect(cli("run", "--format", "yaml").status).toBe(2);
  });

  it("replay: decides a case folder with every engine and exits 0 when no law is broken", () => {
    const folder = join(tmp, "case");
    mkdirSync(folder);
    const key = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
    const policy = { Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/App" }, Action: "kms:Decrypt", Resource: "*" }] };
    writeFileSync(join(folder, "bundle.json"), JSON.stringify({ keys: { [key]: { policy } } }));
    writeFileSync(join(folder, "requests.json"), JSON.stringify([{ principal: "arn:aws:iam::111122223333:role/App", action: "kms:Decrypt", resource: key, context: {} }]));
    const r = cli("replay", folder);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("request 0: reference Allow | graph Allow | cedar Allow");
    expect(r.stdout).toContain("no law is broken");
  });
});
