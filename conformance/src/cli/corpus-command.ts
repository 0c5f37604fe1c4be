// `kms-cedar-conformance corpus`: every compilable policy of the corpus, three engines.
// Phase: conformance CLI.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCorpus } from "../corpus/run-corpus.js";
import { checkOutputPaths, DEFAULT_COUNTEREXAMPLES, finishRun, formatOption } from "./finish-run.js";
import { CORPUS_HELP } from "./help-text.js";
import { CORPUS_SPEC } from "./command-specs.js";
import { intOption, parseOptions, stringOption, UsageError } from "./parse-options.js";
import { progressBar } from "./progress-bar.js";
import { recordedCommand, recordedOptions } from "./recorded-command.js";

/**
 * Where to look for the corpus when `--corpus` is not given: ./corpus, then shared/corpus beside the
 * repository (the development layout). Neither is required: without one, `--corpus DIR` is asked for.
 */
export function defaultCorpusDir(): string | undefined {
  const candidates = ["corpus", fileURLToPath(new URL("../../../../shared/corpus", import.meta.url))];
  return candidates.find((d) => existsSync(join(d, "MANIFEST.tsv")));
}

export function corpusCommand(args: readonly string[]): number {
  const p = parseOptions(args, CORPUS_SPEC);
  if (p === undefined) {
    process.stdout.write(CORPUS_HELP);
    return 0;
  }
  if (stringOption(p, "corpus") !== undefined && stringOption(p, "dir") !== undefined) throw new UsageError("give `--corpus` or `--dir`, not both", CORPUS_SPEC);
  const given = stringOption(p, "corpus") ?? stringOption(p, "dir"); // --dir: the option's first name
  const dir = given ?? defaultCorpusDir();
  if (dir === undefined) {
    throw new UsageError("no corpus found (a folder with MANIFEST.tsv, looked for in ./corpus): give it with --corpus DIR", CORPUS_SPEC);
  }
  if (!existsSync(join(dir, "MANIFEST.tsv"))) throw new UsageError(`\`${dir}\` is not a corpus: it has no MANIFEST.tsv`, CORPUS_SPEC);
  const format = formatOption(stringOption(p, "format"));
  checkOutputPaths(stringOption(p, "report"), stringOption(p, "counterexamples"));
  // The folder found when --corpus was not given is recorded too: the command names what was run.
  const command = recordedCommand(CORPUS_SPEC, [], recordedOptions(CORPUS_SPEC, p.values, { corpus: dir }));
  const progress = progressBar("corpus");
  const limit = p.values["limit"] !== undefined ? intOption(p, "limit") : undefined;
  const result = runCorpus({
    dir, casesPerPolicy: Math.max(1, intOption(p, "runs-per-policy")), seed: intOption(p, "seed"),
    lawEvery: intOption(p, "laws-every"), counterexampleDir: stringOption(p, "counterexamples") ?? DEFAULT_COUNTEREXAMPLES,
    ...(limit !== undefined ? { limit } : {}), rerunCommand: (where) => `npx kms-cedar-conformance ${command} (${where})`,
    onPolicy: (i, n) => progress.update(i, n, 0),
  });
  progress.done();
  const header = [
    `Corpus \`${dir}\`: ${result.files} files; ${result.policies} policies decided; ${Object.keys(result.rejectedFiles).length} rejected by the compiler; skipped kinds: ${Object.entries(result.skippedKinds).map(([k, v]) => `${k} × ${v}`).join(", ") || "none"}.`,
  ];
  if (format === "markdown") process.stdout.write(`${header.join("\n")}\n\n`);
  return finishRun(result, {
    command, reportFile: stringOption(p, "report"), title: "kms-cedar conformance report: corpus", format,
    extra: (r) => ({ ...r, corpus: { files: result.files, policies: result.policies, skippedKinds: result.skippedKinds, rejectedFiles: result.rejectedFiles } }) as typeof r,
  });
}
