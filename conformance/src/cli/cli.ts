// The `kms-cedar-conformance` CLI: dispatches to run, verify, corpus, replay and merge.
// Exit codes: 0 no divergence, 1 a divergence or a broken law, 2 usage or I/O error.
import { readFileSync } from "node:fs";
import { corpusCommand } from "./corpus-command.js";
import { MAIN_HELP } from "./help-text.js";
import { mergeCommand } from "./merge-command.js";
import { UsageError } from "./parse-options.js";
import { replayCommand } from "./replay-command.js";
import { runCommand } from "./run-command.js";
import { verifyCommand } from "./verify-command.js";

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => number | Promise<number>>> = {
  run: runCommand, verify: verifyCommand, corpus: corpusCommand, replay: replayCommand, merge: mergeCommand,
};

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    process.stdout.write(`${conformanceVersion()}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (run === undefined) throw new UsageError(`unknown command \`${command}\` (commands: ${Object.keys(COMMANDS).join(", ")})`);
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kms-cedar-conformance: ${e.message}\nRun \`kms-cedar-conformance --help\` for usage.\n`);
      return 2;
    }
    throw e;
  }
}

/** The `version` of @kms-cedar/conformance (package.json beside src/ or beside dist/). */
function conformanceVersion(): string {
  for (const relative of ["../../package.json", "../package.json"]) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === "@kms-cedar/conformance" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // not here; try the next candidate
    }
  }
  return "unknown";
}
