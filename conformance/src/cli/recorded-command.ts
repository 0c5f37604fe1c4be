// The command a report records, derived from the parsed options in one place so that a new option
// is recorded without anyone remembering to: every option of the spec that changes what is run (not
// marked `output`), when given or marked `always`, in the spec's order, its value quoted for a POSIX
// shell. parseRecordedCommand reads such a command back (merge compares the shards' options with it).
import { parseArguments } from "@kms-cedar/compiler/cli-arguments";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import { findCommandSpec } from "./command-specs.js";
import type { ConformanceCommandSpec } from "./command-specs.js";

/** The options that decide what a command runs, by long name, in the spec's order. */
export type RecordedOptions = Readonly<Record<string, string | true>>;

/** A recorded command read back: the command, its positionals and the options it records. */
export interface RecordedCommand {
  readonly spec: ConformanceCommandSpec;
  readonly positionals: readonly string[];
  readonly options: RecordedOptions;
}

/**
 * The options of `values` that decide what `spec`'s command runs: aliases as the option they stand for
 * (`run --engine E` as `--engines reference,E`, `corpus --dir` as `--corpus`), `resolved` values in place
 * of the given ones (what the command found by itself, e.g. the corpus folder), `always` options with
 * their default when not given, and no option whose value is its default otherwise.
 */
export function recordedOptions(spec: ConformanceCommandSpec, values: OptionValues, resolved: Readonly<Record<string, string>> = {}): RecordedOptions {
  const given: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(values)) if (typeof value === "string" || value === true) given[name] = value;
  if (typeof given["engine"] === "string") {
    given["engines"] = given["engine"] === "reference" ? "reference" : `reference,${given["engine"]}`;
    delete given["engine"];
  }
  if (typeof given["engines"] === "string") given["engines"] = given["engines"].split(",").map((s) => s.trim()).filter((s) => s !== "").join(",");
  if (given["dir"] !== undefined) {
    given["corpus"] ??= given["dir"];
    delete given["dir"];
  }
  const out: Record<string, string | true> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.output === true) continue;
    const value = resolved[name] ?? given[name] ?? (option.always === true ? option.default : undefined);
    if (value === undefined || (option.always !== true && value === option.default)) continue;
    out[name] = value;
  }
  return out;
}

/** Every option that decides what is run, with its default when not recorded: two runs are the same run iff these are equal. */
export function effectiveOptions(spec: ConformanceCommandSpec, recorded: RecordedOptions): Readonly<Record<string, string | true | undefined>> {
  return Object.fromEntries(Object.entries(spec.options).filter(([, o]) => o.output !== true).map(([name, o]) => [name, recorded[name] ?? o.default]));
}

/** The command line a report records: `run --runs 20 --seed 7 --engines reference,graph`, pasteable into a shell. */
export function recordedCommand(spec: ConformanceCommandSpec, positionals: readonly string[], options: RecordedOptions): string {
  const words = [spec.name, ...positionals.map(quote)];
  for (const [name, value] of Object.entries(options)) {
    if (value === true) words.push(`--${name}`);
    // An option-like value is written `--name=value`: the parser refuses `--name -x` (it would be a guess).
    else if (value.startsWith("-")) words.push(`--${name}=${quote(value)}`);
    else words.push(`--${name}`, quote(value));
  }
  return words.join(" ");
}

/** Reads back a command `recordedCommand` wrote (or an older report's plain command), or says why it cannot. */
export function parseRecordedCommand(command: string): RecordedCommand | { readonly error: string } {
  const words = splitWords(command);
  if (words === undefined) return { error: `cannot read the command \`${command}\` (an unclosed quote)` };
  const [name = "", ...args] = words;
  const spec = findCommandSpec(name);
  if (spec === undefined) return { error: `the command \`${command}\` is not a conformance command` };
  const parsed = parseArguments(spec, args);
  if (parsed.kind !== "run") return { error: `cannot read the command \`${command}\`${parsed.kind === "usage-error" ? `: ${parsed.message}` : ""}` };
  return { spec, positionals: parsed.positionals, options: recordedOptions(spec, parsed.options) };
}

/** `value` as one word of a POSIX shell: as it is when it is plain, else in single quotes. */
export function quote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/** The words of a shell command line (single and double quotes, backslash escapes), or `undefined` on an unclosed quote. */
function splitWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? "") + text.slice(i + 1, end);
      i = end;
    } else if (c === "\"") {
      let value = "";
      for (i++; i < text.length && text[i] !== "\""; i++) value += text[i] === "\\" && /["\\$`]/.test(text[i + 1] ?? "") ? text[++i] : text[i];
      if (i >= text.length) return undefined;
      word = (word ?? "") + value;
    } else if (c === "\\" && i + 1 < text.length) word = (word ?? "") + text[++i];
    else word = (word ?? "") + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}
