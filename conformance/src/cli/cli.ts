// The `kms-cedar-conformance` CLI: dispatches to run, verify, corpus, replay and merge.
// Exit codes: 0 no divergence, 1 a divergence, a broken law or (verify) policy errors, 2 usage or I/O error.
import { readFileSync } from "node:fs";
import { corpusCommand } from "./corpus-command.js";
import { COMMAND_SPECS, findCommandSpec } from "./command-specs.js";
import type { ConformanceCommandSpec } from "./command-specs.js";
import { COMMAND_HELP, MAIN_HELP } from "./help-text.js";
import { mergeCommand } from "./merge-command.js";
import { IoError, UsageError } from "./parse-options.js";
import { replayCommand } from "./replay-command.js";
import { runCommand } from "./run-command.js";
import { verifyCommand } from "./verify-command.js";

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => number | Promise<number>>> = {
  run: runCommand, verify: verifyCommand, corpus: corpusCommand, replay: replayCommand, merge: mergeCommand,
};

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // As kms-cedar: no command is a usage error (stderr, exit 2); `help <command>` is that command's help.
    if (command === undefined) throw new UsageError("no command given");
    if (command === "--help" || command === "-h" || (command === "help" && rest[0] === undefined)) {
      process.stdout.write(MAIN_HELP);
      return 0;
    }
    if (command === "help") {
      const spec = findCommandSpec(rest[0]!);
      if (spec === undefined) throw unknownCommand(rest[0]!);
      process.stdout.write(COMMAND_HELP[spec.name]);
      return 0;
    }
    if (command === "--version") {
      process.stdout.write(`${conformanceVersion()}\n`);
      return 0;
    }
    if (command.startsWith("-")) throw new UsageError(`unknown option \`${command}\``);
    const run = COMMANDS[command];
    if (run === undefined) throw unknownCommand(command);
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kms-cedar-conformance: ${e.message}\n${usageHint(e.command)}`);
      return 2;
    }
    if (e instanceof IoError) {
      process.stderr.write(`kms-cedar-conformance: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function unknownCommand(name: string): UsageError {
  return new UsageError(`unknown command \`${name}\` (commands: ${COMMAND_SPECS.map((c) => `\`${c.name}\``).join(", ")})`);
}

/** What follows a usage error, worded as kms-cedar words it: the usage line and where the details are. */
function usageHint(command: ConformanceCommandSpec | undefined): string {
  if (command !== undefined) return `usage: ${command.usage}\nrun \`kms-cedar-conformance ${command.name} --help\` for details\n`;
  return "usage: kms-cedar-conformance <command> [options]\nrun `kms-cedar-conformance --help` for the commands\n";
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
