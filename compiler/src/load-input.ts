// What `compileBundle` accepts, made into a loaded bundle: a bundle or single-policy file path
// (read through the bundle loader, spans point into the files), or a bundle object, read as the
// bundle file it stands for (its JSON text, pretty-printed; policy paths relative to `baseDir`).
import type { Bundle } from "@kms-cedar/runtime";
import { resolve } from "node:path";
import { JsonCode } from "@kms-cedar/grammar";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "./bundle/arn-shapes.js";
import { BundleCode } from "./bundle/bundle-diagnostic-codes.js";
import { bundleObjectText } from "./bundle/bundle-object-text.js";
import { loadBundle, loadBundleOrPolicy, parseInput, readInput } from "./bundle/load-bundle.js";
import type { LoadedBundle } from "./bundle/load-bundle.js";

export interface LoadOptions {
  /** Directory that relative paths are resolved against (default: the current directory). */
  readonly baseDir?: string;
}

/** Loads a path or a bundle object; unreadable files become diagnostics, never exceptions. */
export function loadInput(input: string | Bundle, options: LoadOptions = {}): LoadedBundle {
  const cwd = options.baseDir ?? process.cwd();
  if (typeof input === "string") {
    const parsed = readInput(resolve(cwd, input), input);
    if ("error" in parsed) return failed(input, `cannot read \`${input}\`: ${parsed.error}`, parsed.code);
    return loadBundleOrPolicy(parsed, cwd, {}, { key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN });
  }
  // A bundle object is the bundle file it stands for (bundle-object-text.ts says why), read once;
  // policy paths in it are relative to `baseDir`, as those of a bundle file there.
  const read = bundleObjectText(input);
  if ("refused" in read) {
    const code = read.refused === "too-deep" ? JsonCode.nestingTooDeep : read.refused === "too-large" ? JsonCode.documentTooLarge : BundleCode.unreadableObject;
    return refused(OBJECT_FILE, code, read.message, false);
  }
  return loadBundle(parseInput(resolve(cwd, "bundle.json"), OBJECT_FILE, read.text), cwd);
}

/** The file name diagnostics give a bundle object (its spans point into the JSON text it stands for). */
const OBJECT_FILE = "<bundle>";

/** A file that cannot be read. */
function failed(file: string, message: string, code: string = BundleCode.unreadablePolicyFile): LoadedBundle {
  return refused(file, code, message, true);
}

/** An input refused whole: one error, nothing loaded. */
function refused(file: string, code: string, message: string, unreadableFiles: boolean): LoadedBundle {
  return { file, text: "", diagnostics: [{ code, severity: "error", message, span: { start: 0, end: 0 } }], unreadableFiles, policies: [], keys: [], principals: [] };
}
