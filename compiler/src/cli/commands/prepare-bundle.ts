// The first steps of `eval` and `compile`: load the bundle (or single policy file), check every
// policy once (the compiler's front door, with the flags in force), and stop with the diagnostics if
// any is an error. Warnings are shown and do not stop. The checked bundle goes on to the compiler.
import type { Bundle } from "@kms-cedar/runtime";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../../bundle/arn-shapes.js";
import { loadBundleOrPolicy, type AttachOptions, type LoadedBundle } from "../../bundle/load-bundle.js";
import { looksLikeBundle } from "../../bundle/read-bundle.js";
import { toPlainBundle } from "../../bundle/to-plain-bundle.js";
import { attachOf, formatOf, maxBytesOf, type Options } from "../args/option-values.js";
import { checkBundle, countDiagnostics, type CheckedInput } from "../../api/check-bundle.js";
import { EXIT_POLICY_ERRORS, EXIT_USAGE, type CliIo } from "../cli-io.js";
import { readInputArgument } from "../input-arguments.js";
import { checkJson, renderCheckText } from "../render/check-report.js";
import { plural } from "../render/summary-line.js";
import { printableLine } from "../render/printable-line.js";
import type { TextStyle } from "../render/text-style.js";
import { usageError } from "./usage-error.js";

/** A bundle ready for an engine or the compiler, or the exit status to stop with. */
export type Prepared =
  | {
    readonly ok: true; readonly loaded: LoadedBundle; readonly checked: CheckedInput; readonly bundle: Bundle; readonly warnings: number;
  }
  | { readonly ok: false; readonly exit: number };

/** How `authorize` attaches a single policy file (its --principal is the request's, not an attachment). */
export interface SingleFileAttachment {
  readonly attach: AttachOptions;
  readonly defaults: { readonly key: string; readonly principal: string };
}

/** Loads and checks `file` for `command`; prints diagnostics (all of them in text, errors in JSON). */
export async function prepareBundle(
  command: "eval" | "compile" | "test" | "authorize" | "diff" | "prove" | "abac", file: string, options: Options, io: CliIo, style: TextStyle,
  single?: SingleFileAttachment,
): Promise<Prepared> {
  const attach = single !== undefined ? { attach: single.attach } : attachOf(options);
  if ("error" in attach) return { ok: false, exit: usageError(io, attach.error, command) };
  const limit = maxBytesOf(options);
  if ("error" in limit) return { ok: false, exit: usageError(io, limit.error, command) };
  const input = readInputArgument(file, io);
  if ("error" in input) {
    io.err(`kms-cedar: ${printableLine(`cannot read \`${input.file}\`: ${input.error}`)}\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
  if (looksLikeBundle(input.root) && (attach.attach.kind !== undefined || attach.attach.arn !== undefined)) {
    const message = `\`--kind\`, \`--key\` and \`--principal\` apply to a single policy file; \`${input.file}\` is a bundle`;
    return { ok: false, exit: usageError(io, message, command) };
  }
  const defaults = single?.defaults ?? { key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN };
  const loaded = loadBundleOrPolicy(input, io.cwd, attach.attach, defaults);
  const checkedInput = checkBundle(loaded, limit);
  const checked = checkedInput.files;
  const counts = countDiagnostics(checked);
  const json = formatOf(options) === "json";
  if (counts.errors > 0) {
    io.out(json ? JSON.stringify(checkJson(checked), null, 2) + "\n" : renderCheckText(checked, style, { summary: true }));
    return { ok: false, exit: loaded.unreadableFiles ? EXIT_USAGE : EXIT_POLICY_ERRORS };
  }
  if (json) {
    if (counts.warnings > 0) io.err(`kms-cedar: ${plural(counts.warnings, "warning")}; run \`kms-cedar check ${file}\` to see them\n`);
  } else {
    const noted = checked.some((f) => f.inferredBecause !== undefined);
    if (counts.warnings > 0 || noted) io.out(renderCheckText(checked, style, { summary: counts.warnings > 0 }) + "\n");
  }
  const plain = toPlainBundle(loaded);
  if ("failed" in plain) {
    io.err(`kms-cedar: internal error: \`${plain.failed}\` passed the checks but JSON.parse rejects it\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
  return { ok: true, loaded, checked: checkedInput, bundle: plain.bundle, warnings: counts.warnings };
}
