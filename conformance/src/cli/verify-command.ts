// `kms-cedar-conformance verify <bundle>`: requests generated for the user's own bundle, decided
// by the three engines; exit 1 on any divergence, or (before any request) on policy errors, printed
// as `kms-cedar check` prints them. Phase: conformance CLI.
import { checkPlainBundle, PLACEHOLDER_KEY_ARN, readTextFile } from "@kms-cedar/compiler/api";
import type { PlainLoadOptions } from "@kms-cedar/compiler/api";
import { runConformance } from "../run/run-conformance.js";
import { verifySource } from "../verify/verify-source.js";
import { VERIFY_SPEC } from "./command-specs.js";
import { checkOutputPaths, DEFAULT_COUNTEREXAMPLES, finishRun, formatOption } from "./finish-run.js";
import { VERIFY_HELP } from "./help-text.js";
import { intOption, IoError, parseOptions, stringOption } from "./parse-options.js";
import { progressBar } from "./progress-bar.js";
import { recordedCommand, recordedOptions } from "./recorded-command.js";

/** What a report says of a bundle read from standard input: the command is replayed with the same input. */
export const STDIN_NOTE = "the bundle was read from standard input (`-`): replay with the same input";

export function verifyCommand(args: readonly string[]): number {
  const p = parseOptions(args, VERIFY_SPEC);
  if (p === undefined) {
    process.stdout.write(VERIFY_HELP);
    return 0;
  }
  const argument = p.positionals[0]!;
  // `-` is standard input; a bundle read from it names its policy files relative to the working directory.
  const stdin = argument === "-" ? readStdin() : undefined;
  const kind = stringOption(p, "kind") as "key" | "identity" | undefined;
  const load: PlainLoadOptions = {
    ...(kind ? { kind } : {}), ...(stringOption(p, "key") ? { key: stringOption(p, "key")! } : {}),
    ...(stringOption(p, "principal") ? { principal: stringOption(p, "principal")! } : {}),
  };
  const format = formatOption(stringOption(p, "format"));
  // Every policy is checked first, as `kms-cedar check` checks it: policy errors are exit 1, all of them shown.
  const checked = checkPlainBundle(argument, load, { json: format === "json", stdoutIsTty: process.stdout.isTTY === true }, stdin);
  if ("error" in checked) throw new IoError(checked.error);
  if ("report" in checked) {
    process.stdout.write(checked.report);
    return checked.unreadableFiles ? 2 : 1;
  }
  const bundle = checked.bundle;
  const file = checked.loaded.file;
  const notes: string[] = [];
  if (Object.keys(bundle.keys ?? {}).length === 0) {
    notes.push(`the bundle has no key: requests on keys name the placeholder key \`${PLACEHOLDER_KEY_ARN}\`, which is not in the bundle (error KR0004)`);
  }
  const cases = intOption(p, "runs");
  const per = Math.max(1, Math.min(256, cases));
  checkOutputPaths(stringOption(p, "report"), stringOption(p, "counterexamples"));
  const command = recordedCommand(VERIFY_SPEC, [argument], recordedOptions(VERIFY_SPEC, p.values));
  const commandNote = stdin !== undefined ? STDIN_NOTE : undefined;
  const progress = progressBar("verify");
  const result = runConformance({
    seed: intOption(p, "seed"), cases, requestsPerBundle: per, source: verifySource(bundle, per, file),
    cacheBundles: true, lawEvery: intOption(p, "laws-every"),
    rerunCommand: (path) => `npx kms-cedar-conformance ${command} (batch ${path}${commandNote ? `; ${commandNote}` : ""})`, counterexampleDir: stringOption(p, "counterexamples") ?? DEFAULT_COUNTEREXAMPLES,
    onProgress: (d, t, f) => progress.update(d, t, f),
  });
  progress.done();
  if (result.stats.rejectedBundles > 0) {
    // The checks passed: a rejection here is the compiler's (a construct Cedar cannot express), a policy error.
    process.stderr.write(`kms-cedar-conformance: the compiler rejects \`${file}\` (${Object.keys(result.stats.rejectedReasons).join(", ")}); run \`npx kms-cedar compile ${argument === "-" ? "-" : file} -o DIR\` to see why\n`);
    return 1;
  }
  for (const n of notes) process.stderr.write(`note: ${n}\n`);
  return finishRun(result, {
    command, ...(commandNote ? { commandNote } : {}), reportFile: stringOption(p, "report"), title: `kms-cedar conformance report for \`${file}\``, format,
  });
}

/** All of standard input, read as every input is (strict UTF-8: KC1026), or an I/O error. */
function readStdin(): string {
  const read = readTextFile(0);
  if ("error" in read) throw new IoError(`cannot read standard input: ${read.error}`);
  return read.text;
}
