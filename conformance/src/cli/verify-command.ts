// `kms-cedar-conformance verify <bundle>`: requests generated for the user's own bundle, decided
// by the three engines; exit 1 on any divergence. Phase: conformance CLI.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PLACEHOLDER_KEY_ARN, loadPlainBundle } from "@kms-cedar/compiler/api";
import type { PlainLoadOptions } from "@kms-cedar/compiler/api";
import { runConformance } from "../run/run-conformance.js";
import { verifySource } from "../verify/verify-source.js";
import { checkOutputPaths, DEFAULT_COUNTEREXAMPLES, finishRun, formatOption } from "./finish-run.js";
import { VERIFY_HELP } from "./help-text.js";
import { intOption, parseOptions, stringOption, UsageError } from "./parse-options.js";
import { progressBar } from "./progress-bar.js";
import { DEFAULT_SEED } from "./run-command.js";

export function verifyCommand(args: readonly string[]): number {
  const p = parseOptions(args, {
    runs: { type: "string" }, seed: { type: "string" }, report: { type: "string" }, format: { type: "string" }, kind: { type: "string" },
    key: { type: "string" }, principal: { type: "string" }, "laws-every": { type: "string" }, counterexamples: { type: "string" },
  });
  if (p.values["help"] === true) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  if (p.positionals.length !== 1) throw new UsageError("verify needs exactly one bundle or policy file");
  const argument = p.positionals[0]!;
  // `-` is standard input; a bundle read from it names its policy files relative to the working directory.
  const stdin = argument === "-" ? readStdin() : undefined;
  const file = stdin === undefined ? argument : "<stdin>";
  if (stdin === undefined && !existsSync(file)) throw new UsageError(`cannot read \`${file}\`: no such file`);
  const kind = stringOption(p, "kind");
  if (kind !== undefined && kind !== "key" && kind !== "identity") throw new UsageError("--kind is `key` or `identity`");
  const load: PlainLoadOptions = {
    ...(kind ? { kind } : {}), ...(stringOption(p, "key") ? { key: stringOption(p, "key")! } : {}),
    ...(stringOption(p, "principal") ? { principal: stringOption(p, "principal")! } : {}),
  };
  const loaded = stdin === undefined ? loadPlainBundle(file, load) : loadPlainBundle(join(process.cwd(), file), load, stdin);
  if ("error" in loaded) throw new UsageError(loaded.error);
  const bundle = loaded.bundle;
  const notes: string[] = [];
  if (Object.keys(bundle.keys ?? {}).length === 0) {
    notes.push(`the bundle has no key: requests on keys name the placeholder key \`${PLACEHOLDER_KEY_ARN}\`, which is not in the bundle (error KR0004)`);
  }
  const cases = intOption(p, "runs", 5_000);
  const per = Math.max(1, Math.min(256, cases));
  const format = formatOption(stringOption(p, "format"));
  checkOutputPaths(stringOption(p, "report"), stringOption(p, "counterexamples"));
  const progress = progressBar("verify");
  const result = runConformance({
    seed: intOption(p, "seed", DEFAULT_SEED), cases, requestsPerBundle: per, source: verifySource(bundle, per, file),
    cacheBundles: true, lawEvery: intOption(p, "laws-every", 8),
    rerunCommand: (path) => `npx kms-cedar-conformance verify ${file} --runs ${cases} --seed ${intOption(p, "seed", DEFAULT_SEED)} (batch ${path})`, counterexampleDir: stringOption(p, "counterexamples") ?? DEFAULT_COUNTEREXAMPLES,
    onProgress: (d, t, f) => progress.update(d, t, f),
  });
  progress.done();
  if (result.stats.rejectedBundles > 0) {
    process.stderr.write(`kms-cedar-conformance: the compiler rejects \`${file}\` (${Object.keys(result.stats.rejectedReasons).join(", ")}); run \`npx kms-cedar check ${file}\`\n`);
    return 2;
  }
  for (const n of notes) process.stderr.write(`note: ${n}\n`);
  return finishRun(result, `verify ${file} --runs ${cases} --seed ${result.seed}`, stringOption(p, "report"), undefined, `kms-cedar conformance report for \`${file}\``, format);
}

/** All of standard input, or a usage error. */
function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
