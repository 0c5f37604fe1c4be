// The arguments of one command, read against its option table: node:util's tokenizer, then our own
// rules so that every mistake gets a clear message and nothing is guessed — an unknown option, a
// value that looks like an option (`--max-bytes -1`: write `--max-bytes=-1` to mean it), a value
// not among the choices, a single-value option given twice. Shared by `kms-cedar`'s commands and the
// analysis commands (diff, prove, abac). Never throws on user input.
import { parseArgs } from "node:util";

/** One option of a command. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** Allowed values of a string option, if it is an enumeration. */
  readonly choices?: readonly string[];
  /** The option may be repeated; its values are kept in order. */
  readonly multiple?: true;
  /** Shown in help: `--kind <identity|key>`. */
  readonly valueName?: string;
  readonly description: string;
}

/** What a command takes: its options and how many positionals. */
export interface ArgumentsSpec {
  readonly name: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positional: { readonly name: string; readonly min: number; readonly max: number };
}

/** Option values by long name (strings, `true` for boolean options given, lists for repeatable ones). */
export type OptionValues = Readonly<Record<string, string | true | readonly string[]>>;

export type ParsedArguments =
  | { readonly kind: "help" }
  | { readonly kind: "run"; readonly positionals: readonly string[]; readonly options: OptionValues }
  | { readonly kind: "usage-error"; readonly message: string };

/** Reads `args` (after the command's name) against `spec`. `--help` / `-h` before `--` wins over any mistake. */
export function parseArguments(spec: ArgumentsSpec, args: readonly string[]): ParsedArguments {
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    config[name] = option.short !== undefined ? { type: option.type, short: option.short } : { type: option.type };
  }
  const terminator = args.indexOf("--");
  const optionArgs = terminator < 0 ? args : args.slice(0, terminator);
  if (Object.hasOwn(spec.options, "help") && optionArgs.some((arg) => arg === "--help" || arg === "-h")) return { kind: "help" };
  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const options: Record<string, string | true | string[]> = Object.create(null) as Record<string, string | true | string[]>;
  const positionals: string[] = [];
  const fail = (message: string): ParsedArguments => ({ kind: "usage-error", message });
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === "option-terminator") continue;
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (option === undefined) return fail(`unknown option \`${token.rawName}\` for \`${spec.name}\``);
    if (option.type === "boolean") {
      if (token.inlineValue === true) return fail(`option \`${token.rawName}\` takes no value`);
      options[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined) return fail(`option \`${token.rawName}\` needs a value${option.valueName ? ` (${option.valueName})` : ""}`);
    if (token.inlineValue !== true && value.startsWith("-") && value !== "-") {
      return fail(`option \`${token.rawName}\` needs a value${option.valueName ? ` (${option.valueName})` : ""}, not the option-like \`${value}\` (write \`--${token.name}=${value}\` to mean it)`);
    }
    if (option.choices !== undefined && !option.choices.includes(value)) {
      const allowed = option.choices.map((c) => `\`${c}\``).join(", ");
      return fail(`invalid value \`${value}\` for \`--${token.name}\` (expected ${allowed})`);
    }
    if (option.multiple === true) {
      const previous = options[token.name];
      options[token.name] = [...(Array.isArray(previous) ? previous : []), value];
    } else if (options[token.name] !== undefined) {
      // `--engine all --engine graph`: which one was meant? Never the last one silently.
      return fail(`option \`--${token.name}\` given twice (\`${String(options[token.name])}\`, then \`${value}\`)`);
    } else options[token.name] = value;
  }
  const { min, max, name } = spec.positional;
  if (positionals.length < min) return fail(`missing <${name}>`);
  if (positionals.length > max) {
    return fail(`unexpected argument \`${positionals[max] ?? ""}\` (\`${spec.name}\` takes ${max === 1 ? "one" : `at most ${max}`} <${name}>)`);
  }
  return { kind: "run", positionals, options };
}
