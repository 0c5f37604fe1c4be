// What `compileBundle` accepts, made into a loaded bundle: a bundle or single-policy file path
// (read through the bundle loader, spans point into the files), or a bundle object whose policies
// are inline documents (given their JSON text, pretty-printed) or paths relative to `baseDir`.
import type { Bundle } from "@kms-cedar/runtime";
import { resolve } from "node:path";
import { PLACEHOLDER_KEY_ARN, PLACEHOLDER_PRINCIPAL_ARN } from "./bundle/arn-shapes.js";
import { BundleCode } from "./bundle/bundle-diagnostic-codes.js";
import { loadBundleOrPolicy, readInput } from "./bundle/load-bundle.js";
import type { LoadedBundle, PolicySource } from "./bundle/load-bundle.js";
import { readTextFile } from "./bundle/read-text-file.js";

export interface LoadOptions {
  /** Directory that relative paths are resolved against (default: the current directory). */
  readonly baseDir?: string;
}

/** Loads a path or a bundle object; unreadable files become diagnostics, never exceptions. */
export function loadInput(input: string | Bundle, options: LoadOptions = {}): LoadedBundle {
  const cwd = options.baseDir ?? process.cwd();
  if (typeof input === "string") {
    const parsed = readInput(resolve(cwd, input), input);
    if ("error" in parsed) return failed(input, `cannot read \`${input}\`: ${parsed.error}`);
    return loadBundleOrPolicy(parsed, cwd, {}, { key: PLACEHOLDER_KEY_ARN, principal: PLACEHOLDER_PRINCIPAL_ARN });
  }
  const policies: PolicySource[] = [];
  const problems: string[] = [];
  const add = (location: string, kind: "key" | "identity", owner: string, value: unknown): void => {
    if (typeof value === "string") {
      const read = readTextFile(resolve(cwd, value));
      if ("error" in read) problems.push(`cannot read \`${value}\` (${location}): ${read.error}`);
      else policies.push({ location, kind, owner, file: value, text: read.text, start: 0, end: read.text.length, inline: false });
      return;
    }
    const text = JSON.stringify(value, null, 2) ?? "null";
    policies.push({ location, kind, owner, file: `<inline ${location}>`, text, start: 0, end: text.length, inline: true });
  };
  for (const [arn, entry] of Object.entries(input.keys ?? {})) add(`keys[${arn}]`, "key", arn, entry.policy);
  for (const [arn, entry] of Object.entries(input.principals ?? {})) {
    entry.policies.forEach((policy, i) => add(`principals[${arn}][${i}]`, "identity", arn, policy));
  }
  const loaded: LoadedBundle = {
    file: "<bundle>", text: "", diagnostics: [], unreadableFiles: problems.length > 0, policies,
    keys: Object.keys(input.keys ?? {}), principals: Object.keys(input.principals ?? {}),
  };
  return problems.length === 0 ? loaded : { ...loaded, diagnostics: problems.map((message) => ioError(message)) };
}

function ioError(message: string): LoadedBundle["diagnostics"][number] {
  return { code: BundleCode.unreadablePolicyFile, severity: "error", message, span: { start: 0, end: 0 } };
}

function failed(file: string, message: string): LoadedBundle {
  return { file, text: "", diagnostics: [ioError(message)], unreadableFiles: true, policies: [], keys: [], principals: [] };
}
