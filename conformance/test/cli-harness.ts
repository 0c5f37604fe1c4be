// Runs the kms-cedar-conformance CLI in process (main) or as a user does (a child process), and
// captures its exit code, stdout and stderr. Shared by the CLI contract tests.
import { spawnSync } from "node:child_process";
import { vi } from "vitest";
import { main } from "../src/cli/cli.js";

export const BIN = new URL("../bin/kms-cedar-conformance.js", import.meta.url).pathname;
export const KMS_CEDAR_BIN = new URL("../../compiler/bin/kms-cedar.js", import.meta.url).pathname;
export const REPO = new URL("../../", import.meta.url).pathname;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main(args)` with stdout and stderr captured. */
export async function runMain(args: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const status = await main(args);
    return { status, stdout: out.join(""), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** A program run as a child process in the repository (`input`: its standard input). */
export function spawn(bin: string, args: readonly string[], options: { input?: string; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? REPO, encoding: "utf8", timeout: 120_000, ...(options.input !== undefined ? { input: options.input } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The words of a recorded command, as a shell splits them (plain words and single quotes). */
export function shellWords(command: string): string[] {
  return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}
