// The front door for tools that read a user's bundle or single policy file into the plain JSON bundle
// the engines share (DESIGN §2): the same loader as `kms-cedar` (bundle or policy decided by one rule,
// kind inferred as the CLI infers it, the same placeholders), so every tool reads `{}` the same way.
import { join } from "node:path";
import type { Bundle } from "@kms-cedar/runtime";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "../bundle/arn-shapes.js";
import { loadBundleOrPolicy, parseInput, readInput } from "../bundle/load-bundle.js";
import type { AttachOptions, LoadedBundle, ParsedInput } from "../bundle/load-bundle.js";
import { toPlainBundle } from "../bundle/to-plain-bundle.js";
import { STDIN_NAME } from "../cli/input-arguments.js";
import { checkJson, renderCheckText } from "../cli/render/check-report.js";
import { createTextStyle, shouldUseColor } from "../cli/render/text-style.js";
import { checkBundle, countDiagnostics } from "./check-bundle.js";

/** How to attach a single policy file (`--kind`, `--key`, `--principal`). */
export interface PlainLoadOptions {
  readonly kind?: "key" | "identity";
  readonly key?: string;
  readonly principal?: string;
}

/**
 * Loads `path` (or `text`, its content when read from standard input) as a bundle or a single policy.
 * Problems are returned: the loader's first error, or a document that is not JSON. The policies are
 * not checked here; the compiler checks them when it compiles the bundle.
 */
export function loadPlainBundle(
  path: string, options: PlainLoadOptions = {}, text?: string,
): { readonly bundle: Bundle; readonly loaded: LoadedBundle } | { readonly error: string; readonly unreadable?: true } {
  const input = text === undefined ? readInput(path, path) : parseInput(path, path, text);
  if ("error" in input) return { error: `cannot read \`${path}\`: ${input.error}`, unreadable: true };
  const loaded = loadInput(input, options);
  const error = loaded.diagnostics.find((d) => d.severity === "error");
  if (error !== undefined) return { error: `\`${path}\`: ${error.code} ${error.message}` };
  const plain = toPlainBundle(loaded);
  if ("failed" in plain) return { error: `\`${path}\`: the policy at \`${plain.failed}\` is not JSON; run \`npx kms-cedar check ${path}\`` };
  return { bundle: plain.bundle, loaded };
}

/** Loads a read input with `options`: the attachment's ARN is the default of its kind (`--key` for a key policy, `--principal` for an identity policy). */
function loadInput(input: ParsedInput, options: PlainLoadOptions): LoadedBundle {
  const attach: AttachOptions = options.kind !== undefined ? { kind: options.kind } : {};
  return loadBundleOrPolicy(input, process.cwd(), attach, {
    key: options.key ?? PLACEHOLDER_KEY_ARN, principal: options.principal ?? PLACEHOLDER_PRINCIPAL_ARN,
  });
}

/** A bundle checked as `kms-cedar check` checks it: the plain bundle, the file that cannot be read, or the policy errors. */
export type CheckedPlainBundle =
  | { readonly bundle: Bundle; readonly loaded: LoadedBundle }
  | { readonly error: string; readonly unreadable: true }
  | {
    /** Every diagnostic, rendered as `kms-cedar check` renders it (code frames with file:line:column, the summary line), or its JSON report. */
    readonly report: string;
    readonly errors: number;
    /** A policy file the bundle names could not be read (an I/O error, exit 2, rather than a policy error). */
    readonly unreadableFiles: boolean;
  };

/**
 * Loads `file` (a path, or with `text` the content of standard input, named `<stdin>` and resolving the
 * bundle's paths in the working directory) as loadPlainBundle does, then checks every policy as
 * `kms-cedar check` does. When a check reports an error, the result is the check's report, rendered by
 * the CLI's own renderer: text (colored when `stdoutIsTty` and the environment allow) or, with `json`,
 * the JSON report of `check --format json`.
 */
export function checkPlainBundle(
  file: string, options: PlainLoadOptions = {}, render: { readonly json?: boolean; readonly stdoutIsTty?: boolean } = {}, text?: string,
): CheckedPlainBundle {
  const input = text === undefined ? readInput(file, file) : parseInput(join(process.cwd(), STDIN_NAME), STDIN_NAME, text);
  if ("error" in input) return { error: `cannot read \`${input.file}\`: ${input.error}`, unreadable: true };
  const loaded = loadInput(input, options);
  const files = checkBundle(loaded).files;
  const counts = countDiagnostics(files);
  if (counts.errors > 0) {
    const report = render.json === true
      ? `${JSON.stringify(checkJson(files), null, 2)}\n`
      : renderCheckText(files, createTextStyle(shouldUseColor(render.stdoutIsTty === true, process.env)), { summary: true });
    return { report, errors: counts.errors, unreadableFiles: loaded.unreadableFiles };
  }
  const plain = toPlainBundle(loaded);
  // INVARIANT: a policy the checks accept is JSON.
  if ("failed" in plain) throw new Error(`\`${plain.failed}\` passed the checks but JSON.parse rejects it`);
  return { bundle: plain.bundle, loaded };
}
