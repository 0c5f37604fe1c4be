// `check <dir>` where a directory below (or the argument itself) cannot be listed: one line per such
// directory, as an unreadable file gets, and exit 2; it printed "internal error" and a stack trace.
// Permissions mean nothing to root, so as root the CLI is run as nobody (setpriv), else as is.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { REPO, tempFiles } from "./run-cli-process.js";

const LAUNCHER = fileURLToPath(new URL("../../bin/kms-cedar.js", import.meta.url));
const root = process.getuid?.() === 0;
const setpriv = !root || spawnSync("setpriv", ["--version"]).status === 0;

function runAsUser(args: readonly string[], cwd: string) {
  const command = root ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), LAUNCHER, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!setpriv)("check on a directory that cannot be listed", () => {
  const locked: string[] = [];
  // Listable again, so the temporary folders can be removed.
  afterEach(() => locked.splice(0).forEach((path) => chmodSync(path, 0o755)));

  function tree(): string {
    const dir = tempFiles({});
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, "policies", "a"), { recursive: true, mode: 0o755 });
    mkdirSync(join(dir, "policies", "locked"), { mode: 0o755 });
    copyFileSync(join(REPO, "examples/abac/key-policy.json"), join(dir, "policies", "a", "key.json"));
    chmodSync(join(dir, "policies", "a", "key.json"), 0o644);
    chmodSync(join(dir, "policies", "locked"), 0o000);
    locked.push(join(dir, "policies", "locked"), join(dir, "policies"));
    return dir;
  }

  it("a subdirectory: the other files are checked, one line for it, exit 2", () => {
    const run = runAsUser(["check", "policies"], tree());
    expect(run.stderr).toBe("kms-cedar: cannot read `policies/locked`: permission denied\n");
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("0 errors, 0 warnings in 1 file");
    const json = runAsUser(["check", "policies", "--format", "json"], tree());
    expect((JSON.parse(json.stdout) as { files: { file: string; error?: string }[] }).files).toEqual([
      expect.objectContaining({ file: "policies/a/key.json" }),
      { file: "policies/locked", error: "cannot read `policies/locked`: permission denied", diagnostics: [] },
    ]);
  });

  it("the argument itself", () => {
    const dir = tree();
    chmodSync(join(dir, "policies"), 0o000);
    const run = runAsUser(["check", "policies"], dir);
    expect([run.status, run.stderr]).toEqual([2, "kms-cedar: cannot read `policies`: permission denied\n"]);
  });
});
