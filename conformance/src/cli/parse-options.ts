// Command-line parsing for the conformance CLI: node:util parseArgs, strict, with typed number
// options; a mistake is a UsageError (exit code 2), never a crash.
import { parseArgs } from "node:util";

export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: readonly string[];
}

/** Parses `args` against `spec` (plus --help); throws UsageError on unknown or malformed options. */
export function parseOptions(args: readonly string[], spec: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...spec, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: values as Parsed["values"], positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify.*$/s, "") : String(e));
  }
}

/** A non-negative integer option, or `fallback` when absent. */
export function intOption(p: Parsed, name: string, fallback: number): number {
  const v = p.values[name];
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !/^\d+$/.test(v)) throw new UsageError(`--${name} needs a non-negative integer, got \`${String(v)}\``);
  return Number(v);
}

/** A string option, or `undefined`. */
export function stringOption(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === "string" ? v : undefined;
}
