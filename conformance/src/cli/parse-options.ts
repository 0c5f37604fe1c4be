// Command-line parsing for the conformance CLI: the compiler's argument parser (the one kms-cedar
// uses: unknown options, a single-value option given twice, an option-like value and a value not
// among the choices are refused with the same messages), then typed number options. A mistake is a
// UsageError, a file that cannot be read or written an IoError (both exit code 2), never a crash.
import { parseArguments } from "@kms-cedar/compiler/cli-arguments";
import type { OptionValues } from "@kms-cedar/compiler/cli-arguments";
import type { ConformanceCommandSpec } from "./command-specs.js";

/** A mistake on the command line: exit 2, with the command's usage line. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: ConformanceCommandSpec) {
    super(message);
  }
}

/** A file that cannot be read or written: exit 2, the message alone (no usage: the command line was right). */
export class IoError extends Error {}

/** The parsed arguments of one command. */
export interface Parsed {
  readonly spec: ConformanceCommandSpec;
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

/** Parses `args` against `spec`; `undefined` when `--help` / `-h` was asked; throws UsageError on a mistake. */
export function parseOptions(args: readonly string[], spec: ConformanceCommandSpec): Parsed | undefined {
  const { max } = spec.positional;
  // The shared parser would say "takes at most 0 <arguments>": a command without positionals says it its own way.
  const parsed = parseArguments(max === 0 ? { ...spec, positional: { ...spec.positional, max: Number.POSITIVE_INFINITY } } : spec, args);
  if (parsed.kind === "help") return undefined;
  if (parsed.kind === "usage-error") throw new UsageError(parsed.message, spec);
  if (max === 0 && parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument \`${parsed.positionals[0]}\` (\`${spec.name}\` takes options only)`, spec);
  }
  return { spec, values: parsed.options, positionals: parsed.positionals };
}

/** A non-negative integer option, or its default in the spec (else `fallback`) when absent. */
export function intOption(p: Parsed, name: string, fallback?: number): number {
  const v = p.values[name] ?? p.spec.options[name]?.default;
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`option --${name} has no default`); // INVARIANT: callers pass one
    return fallback;
  }
  if (typeof v !== "string" || !/^\d+$/.test(v)) throw new UsageError(`\`--${name}\` must be a non-negative integer, not \`${String(v)}\``, p.spec);
  return Number(v);
}

/** A string option, or `undefined`. */
export function stringOption(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === "string" ? v : undefined;
}
