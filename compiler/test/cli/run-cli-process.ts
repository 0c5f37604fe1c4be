// Test helper: runs the real `kms-cedar` launcher (node compiler/bin/kms-cedar.js) in a child
// process, as users do, and captures exit status, stdout and stderr.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Temporary directories made by this file, removed when the test process exits. */
const temporaryDirs: string[] = [];
process.once("exit", () => temporaryDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The repository root. */
export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const LAUNCHER = fileURLToPath(new URL("../../bin/kms-cedar.js", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kms-cedar args…` with `cwd` (default: the repository root) and `input` on standard input. */
export function runKmsCedar(args: readonly string[], cwd: string = REPO, input: string | Buffer = ""): CliRun {
  const env = { ...process.env };
  delete env["NO_COLOR"];
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, env, input, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` (relative path → contents) into a fresh temporary directory; returns it. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kms-cedar-cli-"));
  temporaryDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
