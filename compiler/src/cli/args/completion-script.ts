// `kms-cedar completion bash|zsh`: a shell completion script generated from COMMANDS and the
// analysis commands' table (ANALYSIS_SPECS of @kms-cedar/analysis, passed in by run-cli.ts), so it
// offers exactly the commands, options and option values the parsers accept. Files complete as usual.
import { COMMANDS } from "./command-specs.js";
import type { OptionSpec } from "./parse-arguments.js";

/** What completion needs of a command. */
export interface CompletedCommand {
  readonly name: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** The completion script for `shell`: kms-cedar's commands, then `more` (the analysis commands). */
export function completionScript(shell: "bash" | "zsh", more: readonly CompletedCommand[] = []): string {
  const commands = [...COMMANDS, ...more];
  return shell === "bash" ? bashScript(commands) : zshScript(commands);
}

function optionWords(command: CompletedCommand): string {
  return Object.entries(command.options).map(([option, spec]) => (spec.short !== undefined ? `--${option} -${spec.short}` : `--${option}`)).join(" ");
}

/** `check:--format) …` cases: option values per command (a `--format` takes other values in `check`). */
function choiceCases(commands: readonly CompletedCommand[], indent: string): string[] {
  const cases: string[] = [];
  for (const command of commands) {
    for (const [option, spec] of Object.entries(command.options)) {
      if (spec.choices !== undefined) cases.push(`${indent}${command.name}:--${option}) COMPREPLY=( $(compgen -W "${spec.choices.join(" ")}" -- "$cur") ); return ;;`);
    }
  }
  return cases;
}

function bashScript(commands: readonly CompletedCommand[]): string {
  const names = [...commands.map((c) => c.name), "completion", "help"].join(" ");
  return [
    "# bash completion for kms-cedar: `source <(kms-cedar completion bash)` (or save it in your bash-completion folder)",
    "_kms_cedar() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="${COMP_WORDS[1]}"',
    "  if [ \"$COMP_CWORD\" -eq 1 ]; then",
    `    COMPREPLY=( $(compgen -W "${names} --help --version" -- "$cur") ); return`,
    "  fi",
    '  case "$command:$prev" in',
    ...choiceCases(commands, "    "),
    "  esac",
    '  if [ "$command" = completion ]; then COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return; fi',
    '  if [[ "$cur" == -* ]]; then',
    '    case "$command" in',
    ...commands.map((c) => `      ${c.name}) COMPREPLY=( $(compgen -W "${optionWords(c)}" -- "$cur") ) ;;`),
    "    esac",
    "    return",
    "  fi",
    '  COMPREPLY=( $(compgen -f -- "$cur") )',
    "}",
    "complete -o filenames -F _kms_cedar kms-cedar",
    "",
  ].join("\n");
}

function zshScript(commands: readonly CompletedCommand[]): string {
  const describe = (text: string) => text.replace(/[[\]:'`]/g, "");
  return [
    "#compdef kms-cedar",
    "# zsh completion for kms-cedar: `source <(kms-cedar completion zsh)`, or save it as _kms-cedar in a folder of $fpath",
    "_kms_cedar() {",
    "  local -a commands",
    "  commands=(",
    ...commands.map((c) => `    '${c.name}:${describe(c.summary)}'`),
    "    'completion:print a shell completion script'",
    "  )",
    "  if (( CURRENT == 2 )); then _describe command commands; return; fi",
    "  case ${words[2]} in",
    ...commands.map((c) => {
      const specs = Object.entries(c.options).map(([option, spec]) => {
        const value = spec.type === "string" ? (spec.choices !== undefined ? `:${option}:(${spec.choices.join(" ")})` : `:${option}:_files`) : "";
        return `'--${option}[${describe(spec.description)}]${value}'`;
      });
      return `    ${c.name}) _arguments ${specs.join(" ")} '*:file:_files' ;;`;
    }),
    "    completion) _values shell bash zsh ;;",
    "  esac",
    "}",
    'if [ "$funcstack[1]" = "_kms_cedar" ] || [ -n "$_comps" ]; then compdef _kms_cedar kms-cedar; fi',
    "",
  ].join("\n");
}
