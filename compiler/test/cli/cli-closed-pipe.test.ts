// Both CLIs end quietly when the reader of their stdout has gone (`kms-cedar eval … | head -1`):
// status 141 (128 + SIGPIPE, as `cat` gives), no `write EPIPE` stack trace.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO } from "./run-cli-process.js";

const KMS_CEDAR = fileURLToPath(new URL("../../bin/kms-cedar.js", import.meta.url));
const CONFORMANCE = fileURLToPath(new URL("../../../conformance/bin/kms-cedar-conformance.js", import.meta.url));

/** Runs `node launcher args… | true` (the reader exits at once); returns the CLI's status and stderr. */
function intoClosedPipe(launcher: string, args: readonly string[]): { status: number; stderr: string } {
  const quoted = [process.execPath, launcher, ...args].map((a) => `'${a}'`).join(" ");
  const script = `${quoted} 2>"$ERR_FILE" | true; echo "\${PIPESTATUS[0]}"; cat "$ERR_FILE"`;
  const result = spawnSync("bash", ["-c", `ERR_FILE=$(mktemp); ${script}; rm -f "$ERR_FILE"`], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  const [status = "", ...stderr] = result.stdout.split("\n");
  return { status: Number(status), stderr: stderr.join("\n") };
}

describe("a closed stdout pipe", () => {
  it.each([
    ["kms-cedar eval", KMS_CEDAR, ["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--engine", "all"]],
    ["kms-cedar check", KMS_CEDAR, ["check", "examples/broken/bundle.json", "examples/broken/identity-policy.json"]],
    ["kms-cedar --help", KMS_CEDAR, ["--help"]],
    ["kms-cedar-conformance --help", CONFORMANCE, ["run", "--help"]],
  ])("ends %s quietly with status 141", (_name, launcher, args) => {
    const run = intoClosedPipe(launcher, args);
    expect(run.stderr).not.toContain("EPIPE");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(141);
  });
});

describe("a stdout that cannot be written", () => {
  // `> /dev/full`: every write fails with ENOSPC. It printed an uncaught trace and exited 1 (an audit).
  it.each([
    ["check", ["check", "examples/abac/bundle.json"]],
    ["eval --format json", ["eval", "examples/abac/bundle.json", "--requests", "examples/abac/requests.json", "--format", "json"]],
  ])("%s into /dev/full: one line on stderr, status 2 (an I/O error)", (_name, args) => {
    const quoted = [process.execPath, KMS_CEDAR, ...args].map((a) => `'${a}'`).join(" ");
    const result = spawnSync("bash", ["-c", `${quoted} > /dev/full`], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^(kms-cedar: )?cannot write standard output: .*no space left on device/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
