// Parses `kms-cedar <command> [options]` against COMMANDS (each command's arguments by
// parse-arguments.ts). Never throws on user input.
import { COMMANDS, findCommand, type CommandSpec } from "./command-specs.js";
import { parseArguments } from "./parse-arguments.js";
import { OTHER_COMMANDS } from "./help-text.js";

/** What the command line asks for. */
export type CommandLine =
  | { readonly kind: "help"; readonly command?: CommandSpec; readonly completion?: true }
  | { readonly kind: "version" }
  | { readonly kind: "completion"; readonly shell: "bash" | "zsh" }
  | {
      readonly kind: "run";
      readonly command: CommandSpec;
      readonly positionals: readonly string[];
      /** Option values by long name (strings, `true` for boolean options given, lists for repeatable ones). */
      readonly options: Readonly<Record<string, string | true | readonly string[]>>;
    }
  | { readonly kind: "usage-error"; readonly message: string; readonly command?: CommandSpec };

/** Reads `argv` (without `node` and the script). */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: "usage-error", message: "no command given" };
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version") return { kind: "version" };
  if (first === "help") {
    if (rest[0] === undefined) return { kind: "help" };
    if (rest[0] === "completion") return { kind: "help", completion: true };
    const command = findCommand(rest[0]);
    return command ? { kind: "help", command } : unknownCommand(rest[0]);
  }
  if (first === "completion") {
    const [shell, extra] = rest;
    if (shell === "--help" || shell === "-h") return { kind: "help", completion: true };
    if (shell !== "bash" && shell !== "zsh") return { kind: "usage-error", message: "`completion` needs a shell: `kms-cedar completion bash` or `kms-cedar completion zsh`" };
    if (extra !== undefined) return { kind: "usage-error", message: `unexpected argument \`${extra}\`` };
    return { kind: "completion", shell };
  }
  if (first.startsWith("-")) return { kind: "usage-error", message: `unknown option \`${first}\`` };
  const command = findCommand(first);
  if (!command) return unknownCommand(first);
  return parseCommandArguments(command, rest);
}

function unknownCommand(name: string): CommandLine {
  const names = [...COMMANDS.map((c) => c.name), ...OTHER_COMMANDS].map((name) => `\`${name}\``).join(", ");
  return { kind: "usage-error", message: `unknown command \`${name}\` (commands: ${names})` };
}

function parseCommandArguments(command: CommandSpec, args: readonly string[]): CommandLine {
  const parsed = parseArguments(command, args);
  if (parsed.kind === "help") return { kind: "help", command };
  if (parsed.kind === "usage-error") return { kind: "usage-error", message: parsed.message, command };
  return { kind: "run", command, positionals: parsed.positionals, options: parsed.options };
}
