// The text of `kms-cedar --help` and `kms-cedar <command> --help`, generated from COMMANDS.
import { COMMANDS, type CommandSpec } from "./command-specs.js";

/** The commands besides COMMANDS: `completion` (parse-command-line.ts) and the analysis ones (run-cli.ts). */
export const OTHER_COMMANDS: readonly string[] = ["completion", "diff", "prove", "abac"];

/** Help of `kms-cedar completion`. */
export function completionHelp(): string {
  return [
    "kms-cedar completion: print a shell completion script for kms-cedar",
    "",
    "usage: kms-cedar completion bash|zsh",
    "",
    "  bash: `source <(kms-cedar completion bash)` (in ~/.bashrc to keep it)",
    "  zsh:  `source <(kms-cedar completion zsh)` (in ~/.zshrc to keep it)",
    "",
    "Exit status: 0 ok, 2 usage error.",
  ].join("\n") + "\n";
}

/** Help of the whole tool. */
export function toolHelp(version: string): string {
  const width = Math.max("completion".length, ...COMMANDS.map((c) => c.name.length));
  const lines = [
    `kms-cedar ${version}: compile AWS KMS key policies and IAM identity policies to a decision graph and Cedar`,
    "",
    "usage: kms-cedar <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${"completion".padEnd(width)}  print a completion script: \`source <(kms-cedar completion bash)\` (or zsh)`,
    // The analysis commands (@kms-cedar/analysis, dispatched by run-cli.ts).
    `  ${"diff".padEnd(width)}  which requests change decision between two bundles, with witnesses (exact)`,
    `  ${"prove".padEnd(width)}  prove "no request matching P is allowed", or print a counterexample`,
    `  ${"abac".padEnd(width)}  who can change whose access by tagging keys or moving aliases`,
    "",
    "options:",
    "  -h, --help   show help (also `kms-cedar <command> --help`)",
    "  --version    print the version",
    "",
    "Exit status: 0 ok, 1 policy errors (or engines disagree under --engine all), 2 usage or I/O error.",
    "Nothing is read from or written to the network.",
  ];
  return lines.join("\n") + "\n";
}

/** Help of one command: usage, options, details. */
export function commandHelp(command: CommandSpec): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const short = spec.short !== undefined ? `-${spec.short}, ` : "    ";
    const value = spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : "";
    return [`  ${short}--${name}${value}`, spec.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = [
    `kms-cedar ${command.name}: ${command.summary}`,
    "",
    `usage: ${command.usage}`,
    "",
    "options:",
    ...rows.map(([left, description]) => `${left.padEnd(width)}  ${description}`),
    "",
    ...command.details,
  ];
  return lines.join("\n") + "\n";
}

/** The short usage shown after a usage error. */
export function usageHint(command: CommandSpec | undefined): string {
  if (command) return `usage: ${command.usage}\nrun \`kms-cedar ${command.name} --help\` for details\n`;
  return "usage: kms-cedar <command> [options]\nrun `kms-cedar --help` for the commands\n";
}
