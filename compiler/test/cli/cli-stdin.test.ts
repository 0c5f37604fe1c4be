// `-` reads a file argument from standard input, in every command and for --requests; a bundle read
// from standard input names its policy files relative to the working directory; `-` twice is a
// usage error (stdin is read once).
import { execFileSync } from "node:child_process";
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runKmsCedar, tempFiles } from "./run-cli-process.js";

const ABAC = join(REPO, "examples/abac");
const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const read = (path: string) => readFileSync(join(REPO, path), "utf8");

describe("standard input as `-`", () => {
  it("check -: a policy piped in is checked, with `<stdin>` in its code frames", () => {
    const run = runKmsCedar(["check", "-"], REPO, read("examples/broken/identity-policy.json"));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/--> <stdin>:\d+:\d+/);
    const withFile = runKmsCedar(["check", "examples/abac/key-policy.json", "-", "--format", "json"], REPO, read("examples/abac/app-role.json"));
    expect(withFile.status).toBe(0);
    expect((JSON.parse(withFile.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(["examples/abac/key-policy.json", "<stdin>"]);
  });

  it("a bundle on stdin resolves its policy paths against the working directory", () => {
    const inDir = runKmsCedar(["check", "-"], ABAC, read("examples/abac/bundle.json"));
    expect(inDir.stderr).toBe("");
    expect(inDir.status).toBe(0);
    const elsewhere = runKmsCedar(["check", "-"], tempFiles({}), read("examples/abac/bundle.json"));
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stdout).toContain("error[KC2911]");
  });

  it("eval: the bundle or the requests from stdin decide as the files do", () => {
    const files = runKmsCedar(["eval", "bundle.json", "--requests", "requests.json", "--format", "json"], ABAC);
    expect(files.status).toBe(0);
    const requests = runKmsCedar(["eval", "bundle.json", "--requests", "-", "--format", "json"], ABAC, read("examples/abac/requests.json"));
    expect(requests.stdout).toBe(files.stdout);
    const bundle = runKmsCedar(["eval", "-", "--requests", "requests.json", "--format", "json"], ABAC, read("examples/abac/bundle.json"));
    expect(bundle.stdout).toBe(files.stdout);
  });

  it("compile -: compiles a piped bundle", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "-", "-o", out, "--format", "json"], ABAC, read("examples/abac/bundle.json"));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { files: string[] }).files).toContain(join(out, "graph.json"));
  });

  it("`-` for two arguments is a usage error, exit 2", () => {
    const run = runKmsCedar(["eval", "-", "--requests", "-"], ABAC, "{}");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("standard input (`-`) can be read only once");
    expect(runKmsCedar(["check", "-", "-"], ABAC, "{}").status).toBe(2);
  });
});

describe("inputs with no end, or too large to read", () => {
  // They were read whole: `check /dev/zero` took 45 s and 17 GB before it died (found by an audit).
  it("a device that never ends (/dev/zero) is refused before it is read, with exit 2", () => {
    const run = runKmsCedar(["check", "/dev/zero"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot read `/dev/zero`: not a regular file");
  });

  // Opening a FIFO with no writer blocked `check` forever (found by an audit); every path is stat'ed first.
  it("a FIFO, named on the command line, by a bundle or as --requests, is refused before it is opened", () => {
    const dir = tempFiles({});
    execFileSync("mkfifo", [join(dir, "fifo")]);
    writeFileSync(join(dir, "bundle.json"), JSON.stringify({ keys: { [KEY]: { policy: "fifo" } } }));
    writeFileSync(join(dir, "ok.json"), JSON.stringify({ keys: { [KEY]: { policy: "policy.json" } } }));
    writeFileSync(join(dir, "policy.json"), readFileSync(join(ABAC, "key-policy.json")));
    const byBundle = runKmsCedar(["check", "bundle.json"], dir);
    expect(byBundle.status).toBe(2);
    expect(byBundle.stdout).toContain("error[KC2911]: cannot read `fifo`: not a regular file");
    const direct = runKmsCedar(["check", "fifo"], dir);
    expect([direct.status, direct.stderr]).toEqual([2, "kms-cedar: cannot read `fifo`: not a regular file\n"]);
    const requests = runKmsCedar(["eval", "ok.json", "--requests", "fifo"], dir);
    expect([requests.status, requests.stderr]).toEqual([2, "kms-cedar: cannot read `fifo`: not a regular file\n"]);
  });

  it("a file over 256 MiB is refused before it is read; one a little over a limit still gets KC1002", () => {
    const dir = tempFiles({ "huge.json": "", "large.json": "" });
    truncateSync(join(dir, "huge.json"), 300 * 1024 * 1024); // sparse: no disk space taken
    const huge = runKmsCedar(["eval", "bundle.json", "--requests", join(dir, "huge.json")], ABAC);
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain("larger than 256 MiB");
    truncateSync(join(dir, "large.json"), 200_000);
    const large = runKmsCedar(["check", join(dir, "large.json")]);
    expect(large.status).toBe(1); // a diagnostic, as any policy over the limit
    expect(large.stdout).toContain("error[KC1002]");
  });
});

