// `kms-cedar check <files…>`: every error in every file at once. A file is a single policy (kind
// from --kind, else inferred) or a bundle (each policy checked with its own kind).
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../bundle/arn-shapes.js";
import { loadBundleOrPolicy } from "../../bundle/load-bundle.js";
import { formatOf, maxBytesOf, stringOption, warningLimitOf, type Options } from "../args/option-values.js";
import { checkBundle, countDiagnostics, type CheckedFile } from "../../api/check-bundle.js";
import { EXIT_OK, EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { expandDirectories } from "../expand-directories.js";
import { checkStdinOnce, readInputArgument } from "../input-arguments.js";
import { plural } from "../render/summary-line.js";
import { checkJson, renderCheckText, type UnreadableFile } from "../render/check-report.js";
import { checkSarif } from "../render/check-sarif.js";
import { printableLine } from "../render/printable-line.js";
import { createTextStyle, shouldUseColor } from "../render/text-style.js";
import { compilerVersion } from "../version.js";
import { usageError } from "./usage-error.js";

/** Runs `check`; returns the exit status. */
export async function runCheck(args: readonly string[], options: Options, io: CliIo): Promise<number> {
  const limit = maxBytesOf(options);
  if ("error" in limit) return usageError(io, limit.error, "check");
  const warningLimit = warningLimitOf(options);
  if ("error" in warningLimit) return usageError(io, warningLimit.error, "check");
  const expanded = expandDirectories(args, io.cwd);
  if ("error" in expanded) return usageError(io, expanded.error, "check");
  const files = expanded.files;
  const twice = checkStdinOnce(files.filter((file): file is string => typeof file === "string"));
  if (twice !== undefined) return usageError(io, twice, "check");
  const kind = stringOption(options, "kind") as "identity" | "key" | undefined;
  const format = options["format"] === "sarif" ? "sarif" : formatOf(options);
  const items: (CheckedFile | UnreadableFile)[] = [];
  let unreadable = false;
  for (const file of files) {
    const input = typeof file === "string" ? readInputArgument(file, io) : file;
    if ("error" in input) {
      unreadable = true;
      items.push({ file: input.file, error: `cannot read \`${input.file}\`: ${input.error}` });
      io.err(`kms-cedar: ${printableLine(`cannot read \`${input.file}\`: ${input.error}`)}\n`);
      continue;
    }
    const loaded = loadBundleOrPolicy(input, io.cwd, kind ? { kind } : {}, {
      key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN,
    });
    if (loaded.unreadableFiles) unreadable = true;
    items.push(...checkBundle(loaded, limit).files);
  }
  const checked = items.filter((item): item is CheckedFile => !("error" in item));
  if (format === "sarif") io.out(JSON.stringify(await sarifLog(items, io.cwd), null, 2) + "\n");
  else if (format === "json") io.out(JSON.stringify(checkJson(items), null, 2) + "\n");
  else io.out(renderCheckText(checked, createTextStyle(shouldUseColor(io.stdoutIsTty, io.env)), { summary: true }));
  if (unreadable) return EXIT_USAGE;
  const counts = countDiagnostics(checked);
  if (counts.errors > 0) return EXIT_POLICY_ERRORS;
  if (counts.warnings > warningLimit.limit) {
    io.err(`kms-cedar: ${plural(counts.warnings, "warning")}, more than the ${warningLimit.limit} allowed (--max-warnings / --warnings-as-errors)\n`);
    return EXIT_POLICY_ERRORS;
  }
  return EXIT_OK;
}

/** The SARIF log; the registry is loaded only for this format. */
async function sarifLog(items: readonly (CheckedFile | UnreadableFile)[], cwd: string): Promise<object> {
  const { DIAGNOSTIC_REGISTRY } = await import("../../diagnostics/registry.js");
  return checkSarif(items, { version: compilerVersion(), cwd, rules: DIAGNOSTIC_REGISTRY });
}
