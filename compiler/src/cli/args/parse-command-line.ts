// Parses `kms-cedar <command> [options]` against COMMANDS (no dependencies: node:util's tokenizer,
// then our own validation so every mistake gets a clear message). Never throws on user input.
import { parseArgs } from "node:util";
import { COMMANDS, findCommand, type CommandSpec } from "./command-specs.js";
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
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    config[name] = spec.short !== undefined ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  // `--help` wins over any other mistake on the line.
  const terminator = args.indexOf("--");
  const optionArgs = terminator < 0 ? args : args.slice(0, terminator);
  if (optionArgs.some((arg) => arg === "--help" || arg === "-h")) return { kind: "help", command };
  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const options: Record<string, string | true | string[]> = {};
  const positionals: string[] = [];
  const fail = (message: string): CommandLine => ({ kind: "usage-error", message, command });
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    const spec = command.options[token.name];
    if (spec === undefined) return fail(`unknown option \`${token.rawName}\` for \`${command.name}\``);
    if (spec.type === "boolean") {
      if (token.inlineValue === true) return fail(`option \`${token.rawName}\` takes no value`);
      options[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined) return fail(`option \`${token.rawName}\` needs a value${spec.valueName ? ` (${spec.valueName})` : ""}`);
    if (token.inlineValue !== true && value.startsWith("-") && value !== "-") {
      return fail(`option \`${token.rawName}\` needs a value${spec.valueName ? ` (${spec.valueName})` : ""}, not the option-like \`${value}\` (write \`--${token.name}=${value}\` to mean it)`);
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      const allowed = spec.choices.map((c) => `\`${c}\``).join(", ");
      return fail(`invalid value \`${value}\` for \`--${token.name}\` (expected ${allowed})`);
    }
    if (spec.multiple === true) {
      const previous = options[token.name];
      options[token.name] = [...(Array.isArray(previous) ? previous : []), value];
    } else if (options[token.name] !== undefined) {
      // `--engine all --engine graph`: which one was meant? Never the last one silently.
      return fail(`option \`--${token.name}\` given twice (\`${String(options[token.name])}\`, then \`${value}\`)`);
    } else options[token.name] = value;
  }
  const { min, max, name } = command.positional;
  if (positionals.length < min) return fail(`missing <${name}>`);
  if (positionals.length > max) {
    return fail(`unexpected argument \`${positionals[max] ?? ""}\` (\`${command.name}\` takes one <${name}>)`);
  }
  return { kind: "run", command, positionals, options };
}
