// `kms-cedar-conformance run`: generated bundles around every operator variant × generated
// requests, decided by the three engines, with the laws. Phase: conformance CLI.
import { isBaseOperator, isValidVariant, parseOperatorVariant } from "../arbitraries/operators.js";
import { ENGINE_NAMES } from "../engines/engine-types.js";
import type { EngineName } from "../engines/engine-types.js";
import { runConformance } from "../run/run-conformance.js";
import { runShards } from "./run-shards.js";
import { checkOutputPaths, DEFAULT_COUNTEREXAMPLES, finishRun, formatOption } from "./finish-run.js";
import { RUN_HELP } from "./help-text.js";
import { RUN_SPEC } from "./command-specs.js";
import { intOption, parseOptions, stringOption, UsageError } from "./parse-options.js";
import { progressBar } from "./progress-bar.js";
import { recordedCommand, recordedOptions } from "./recorded-command.js";

export { DEFAULT_SEED } from "./command-specs.js";

/** Parses `--engines a,b`. */
export function engineList(text: string | undefined): EngineName[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const n of names) if (!(ENGINE_NAMES as readonly string[]).includes(n)) throw new UsageError(`unknown engine \`${n}\` (engines: ${ENGINE_NAMES.join(", ")})`, RUN_SPEC);
  if (!names.includes("reference")) throw new UsageError("`--engines` must include `reference` (the oracle)", RUN_SPEC);
  return names as EngineName[];
}

export async function runCommand(args: readonly string[]): Promise<number> {
  const p = parseOptions(args, RUN_SPEC);
  if (p === undefined) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  const operator = stringOption(p, "operator");
  if (operator !== undefined && !isBaseOperator(operator)) throw new UsageError(`unknown base operator \`${operator}\` (spec §2.1 names 27, e.g. StringLike, NumericLessThan, Null)`, RUN_SPEC);
  const variantText = stringOption(p, "variant");
  const variant = variantText === undefined ? undefined : parseOperatorVariant(variantText);
  if (variantText !== undefined && (variant === undefined || !isValidVariant(variant))) throw new UsageError(`\`${variantText}\` is not a valid operator (e.g. ForAnyValue:StringLikeIfExists)`, RUN_SPEC);
  const path = stringOption(p, "path");
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) throw new UsageError(`--path needs a fast-check path such as \`42\`, got \`${path}\``, RUN_SPEC);
  const cases = intOption(p, "runs");
  const workers = Math.max(1, intOption(p, "workers"));
  const shardText = stringOption(p, "shard");
  const shard = shardText === undefined ? undefined : /^(\d+)\/(\d+)$/.exec(shardText);
  if (shardText !== undefined && (shard === null || shard === undefined || Number(shard[1]) >= Number(shard[2]))) throw new UsageError(`--shard needs k/N with k < N, got \`${shardText}\``, RUN_SPEC);
  const shareText = stringOption(p, "layer-share");
  if (shareText !== undefined && (!/^(0(\.\d+)?|1(\.0+)?)$/.test(shareText))) throw new UsageError(`--layer-share needs a number from 0 to 1, got \`${shareText}\``, RUN_SPEC);
  const single = stringOption(p, "engine");
  if (single !== undefined && stringOption(p, "engines") !== undefined) throw new UsageError("give --engine or --engines, not both", RUN_SPEC);
  // `--engine E`: the reference (the oracle) and E.
  const engines = engineList(single === undefined ? stringOption(p, "engines") : single === "reference" ? "reference" : `reference,${single}`);
  const options = {
    seed: intOption(p, "seed"), cases, requestsPerBundle: Math.max(1, intOption(p, "requests-per-bundle")),
    lawEvery: intOption(p, "laws-every"), counterexampleDir: stringOption(p, "counterexamples") ?? DEFAULT_COUNTEREXAMPLES,
    ...(p.values["laws-cedar"] === true ? {} : { lawEngines: ["reference", "graph"] as EngineName[] }),
    ...(operator !== undefined ? { operator } : {}), ...(variant !== undefined ? { variant } : {}),
    ...(path !== undefined ? { path } : {}), ...(engines ? { engines } : {}),
    ...(shareText !== undefined ? { layerShare: Number(shareText) } : {}),
  };
  const part = shard === undefined || shard === null ? undefined : { index: Number(shard[1]), count: Number(shard[2]) };
  if (part !== undefined && p.values["worker"] === true) {
    // A worker of `--workers`: report progress and the result to the parent, print nothing.
    const result = runConformance({ ...options, shard: part, onProgress: (d, t, f) => process.send?.({ progress: [d, t, f] }) });
    await new Promise<void>((resolve) => process.send!({ result }, () => resolve()));
    process.disconnect?.();
    return 0;
  }
  const format = formatOption(stringOption(p, "format"));
  checkOutputPaths(stringOption(p, "report"), stringOption(p, "counterexamples"));
  const progress = progressBar("run");
  const forwarded = args.filter((a, i) => a !== "--workers" && args[i - 1] !== "--workers" && !a.startsWith("--workers="));
  // `--shard i/n` alone (a CI matrix): this machine decides shard i of n and reports it; `merge` adds
  // the n reports. With --workers m too, the shard is split again into m worker shards.
  const forwardedAlone = forwarded.filter((a, i) => a !== "--shard" && forwarded[i - 1] !== "--shard" && !a.startsWith("--shard="));
  const result = workers > 1 && path === undefined
    ? await runShards(forwardedAlone, workers, (d, t, f) => progress.update(d, t, f), part)
    : runConformance({ ...options, ...(part !== undefined ? { shard: part } : {}), onProgress: (d, t, f) => progress.update(d, t, f) });
  progress.done();
  const only = variantText ?? operator;
  const title = `kms-cedar conformance report${only ? ` (${only})` : ""}`;
  const command = recordedCommand(RUN_SPEC, [], recordedOptions(RUN_SPEC, p.values));
  return finishRun(result, { command, ...(engines ? { engines } : {}), reportFile: stringOption(p, "report"), title, format });
}
