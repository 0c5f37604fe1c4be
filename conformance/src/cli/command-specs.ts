// What each `kms-cedar-conformance` command accepts, read by the compiler's argument parser
// (`@kms-cedar/compiler/cli-arguments`, as kms-cedar's commands are) and by the recorder of a run's
// command (recorded-command.ts): an option that changes what is run is recorded unless marked `output`.
import type { ArgumentsSpec, OptionSpec } from "@kms-cedar/compiler/cli-arguments";
import { DEFAULT_ENGINES } from "../engines/engine-types.js";

/** An option of a conformance command. */
export interface ConformanceOption extends OptionSpec {
  /** The value the command uses when the option is not given (as the user would type it). */
  readonly default?: string;
  /** Recorded in the report's command even when not given (with its default): the seed, the budget. */
  readonly always?: true;
  /** Changes only where or how the results are shown, not what is run: never recorded. */
  readonly output?: true;
}

/** A conformance command: its name, usage line, positionals and options. */
export interface ConformanceCommandSpec extends ArgumentsSpec {
  readonly name: "run" | "verify" | "corpus" | "replay" | "merge";
  readonly usage: string;
  readonly options: Readonly<Record<string, ConformanceOption>>;
}

/** The fast-check seed of every command when `--seed` is not given. */
export const DEFAULT_SEED = 20261123;

const help: ConformanceOption = { type: "boolean", short: "h", description: "show this help", output: true };
const format: ConformanceOption = {
  type: "string", choices: ["markdown", "json", "text"], valueName: "markdown|json", output: true,
  description: "the report on stdout: markdown (default) or the JSON report",
};
const report: ConformanceOption = { type: "string", valueName: "FILE", description: "also write the JSON report to FILE", output: true };
const counterexamples: ConformanceOption = { type: "string", valueName: "DIR", description: "where shrunk failures are written", output: true };
const seed: ConformanceOption = { type: "string", valueName: "S", description: "fast-check seed", default: String(DEFAULT_SEED), always: true };

export const RUN_SPEC: ConformanceCommandSpec = {
  name: "run",
  usage: "kms-cedar-conformance run [--runs N] [--seed S] [--operator X] [--engines LIST] [--shard I/N] [--report file.json] [options]",
  positional: { name: "arguments", min: 0, max: 0 },
  options: {
    runs: { type: "string", valueName: "N", description: "requests to decide", default: "20000", always: true },
    seed,
    operator: { type: "string", valueName: "X", description: "only bundles built around base operator X" },
    variant: { type: "string", valueName: "V", description: "only bundles built around one variant" },
    "layer-share": { type: "string", valueName: "F", description: "share of the requests on bundles with layers" },
    "requests-per-bundle": { type: "string", valueName: "K", description: "requests per generated bundle", default: "128" },
    "laws-every": { type: "string", valueName: "M", description: "metamorphic laws on one bundle in M", default: "8" },
    "laws-cedar": { type: "boolean", description: "run the metamorphic laws on Cedar too" },
    engines: { type: "string", valueName: "LIST", description: "engines to compare", default: DEFAULT_ENGINES.join(",") },
    // Recorded as the `--engines` it stands for (recorded-command.ts).
    engine: { type: "string", valueName: "E", description: "the reference and engine E" },
    path: { type: "string", valueName: "P", description: "replay one run of an earlier report" },
    // Last, so a shard's command reads as the run's command followed by its shard.
    shard: { type: "string", valueName: "I/N", description: "decide only shard I of N" },
    // The same cases whatever the number of workers: not part of what is run.
    workers: { type: "string", valueName: "N", description: "decide in N processes", default: "1", output: true },
    worker: { type: "boolean", description: "internal: a worker of --workers", output: true },
    report, format, counterexamples, help,
  },
};

export const VERIFY_SPEC: ConformanceCommandSpec = {
  name: "verify",
  usage: "kms-cedar-conformance verify <bundle.json | policy.json | -> [--runs N] [--seed S] [--kind key|identity] [--report file.json] [options]",
  positional: { name: "bundle", min: 1, max: 1 },
  options: {
    runs: { type: "string", valueName: "N", description: "requests to decide", default: "5000", always: true },
    seed,
    kind: { type: "string", choices: ["key", "identity"], valueName: "key|identity", description: "how to attach a single policy file" },
    key: { type: "string", valueName: "ARN", description: "the key a single key policy belongs to" },
    principal: { type: "string", valueName: "ARN", description: "the principal a single identity policy belongs to" },
    "laws-every": { type: "string", valueName: "M", description: "metamorphic laws on one batch in M", default: "8" },
    report, format, counterexamples, help,
  },
};

export const CORPUS_SPEC: ConformanceCommandSpec = {
  name: "corpus",
  usage: "kms-cedar-conformance corpus [--corpus DIR] [--runs-per-policy N] [--limit N] [--seed S] [--report file.json] [options]",
  positional: { name: "arguments", min: 0, max: 0 },
  options: {
    // Recorded always, as the folder found when not given (recorded-command.ts).
    corpus: { type: "string", valueName: "DIR", description: "the corpus folder, holding MANIFEST.tsv" },
    // The option's first name: recorded as `--corpus`.
    dir: { type: "string", valueName: "DIR", description: "the same as --corpus" },
    "runs-per-policy": { type: "string", valueName: "N", description: "requests per policy", default: "64", always: true },
    limit: { type: "string", valueName: "N", description: "only the first N policies" },
    seed,
    "laws-every": { type: "string", valueName: "M", description: "metamorphic laws on one batch in M", default: "0" },
    report, format, counterexamples, help,
  },
};

export const REPLAY_SPEC: ConformanceCommandSpec = {
  name: "replay",
  usage: "kms-cedar-conformance replay <case-folder>",
  positional: { name: "case-folder", min: 1, max: 1 },
  options: { help },
};

export const MERGE_SPEC: ConformanceCommandSpec = {
  name: "merge",
  usage: "kms-cedar-conformance merge <r0.json> <r1.json> … [--report FILE] [--format markdown|json]",
  positional: { name: "shard-reports", min: 1, max: Number.POSITIVE_INFINITY },
  options: { report: { ...report, description: "also write the merged JSON report to FILE" }, format, help },
};

/** The commands, in the order the help lists them. */
export const COMMAND_SPECS: readonly ConformanceCommandSpec[] = [RUN_SPEC, VERIFY_SPEC, CORPUS_SPEC, REPLAY_SPEC, MERGE_SPEC];

/** The spec of command `name`, if it is one. */
export function findCommandSpec(name: string): ConformanceCommandSpec | undefined {
  return COMMAND_SPECS.find((c) => c.name === name);
}
