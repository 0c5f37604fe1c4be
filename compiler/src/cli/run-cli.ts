// Dispatches a `kms-cedar` command line to its command; returns the exit status (DESIGN §2:
// 0 ok, 1 policy errors or engines disagree, 2 usage or I/O error).
import { completionScript } from "./args/completion-script.js";
import { commandHelp, completionHelp, toolHelp, usageHint } from "./args/help-text.js";
import { parseCommandLine } from "./args/parse-command-line.js";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./cli-io.js";
import { runAuthorize } from "./commands/authorize-command.js";
import { runCheck } from "./commands/check-command.js";
import { runCompile } from "./commands/compile-command.js";
import { runEval } from "./commands/eval-command.js";
import { runTest } from "./commands/test-command.js";
import { usageError } from "./commands/usage-error.js";
import { compilerVersion } from "./version.js";
import { watchAndRerun, watchedPaths } from "./watch-mode.js";

const ANALYSIS_COMMANDS: readonly string[] = ["diff", "prove", "abac"];

/** Runs the CLI on `argv` (without `node` and the script). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // diff, prove and abac live in @kms-cedar/analysis, which depends on this package: imported on demand.
  if (ANALYSIS_COMMANDS.includes(argv[0] ?? "")) return (await import("@kms-cedar/analysis")).runAnalysisCli(argv, io);
  const line = parseCommandLine(argv);
  switch (line.kind) {
    case "help":
      io.out(line.completion === true ? completionHelp() : line.command ? commandHelp(line.command) : toolHelp(compilerVersion()));
      return EXIT_OK;
    case "completion":
      // The analysis commands' options come from their own table (one home), imported on demand.
      io.out(completionScript(line.shell, (await import("@kms-cedar/analysis")).ANALYSIS_SPECS));
      return EXIT_OK;
    case "version":
      io.out(`${compilerVersion()}\n`);
      return EXIT_OK;
    case "usage-error":
      io.err(`kms-cedar: ${line.message}\n${usageHint(line.command)}`);
      return EXIT_USAGE;
    case "run": {
      const [first = ""] = line.positionals;
      if (line.options["watch"] === true && (line.command.name === "check" || line.command.name === "compile")) {
        const name = line.command.name;
        if (line.positionals.includes("-")) return usageError(io, "`--watch` cannot watch standard input (`-`)", name);
        const run = () => (name === "check" ? runCheck(line.positionals, line.options, io) : runCompile(first, line.options, io));
        const stop = new AbortController();
        io.onInterrupt?.(() => stop.abort());
        await watchAndRerun(watchedPaths(line.positionals, io.cwd), run, io, stop.signal);
        return EXIT_OK;
      }
      if (line.command.name === "check") return runCheck(line.positionals, line.options, io);
      if (line.command.name === "eval") return runEval(first, line.options, io);
      if (line.command.name === "test") return runTest(line.positionals, line.options, io);
      if (line.command.name === "authorize") return runAuthorize(first, line.options, io);
      return runCompile(first, line.options, io);
    }
  }
}
