// The front door's first step: check every policy of a loaded bundle once (all checks, all errors at
// once), with the options in force (`--max-bytes`). The result feeds both the reports of
// `kms-cedar check` (diagnostics grouped by file) and the compiler (`compileChecked`), so the CLI's
// commands agree on every flag and parse each policy once. Phase: checks.
import type { Diagnostic } from "@kms-cedar/grammar";
import { checkPolicySource } from "../bundle/check-policy-source.js";
import type { LoadedBundle, PolicySource } from "../bundle/load-bundle.js";
import type { CheckPolicyOptions, CheckPolicyResult } from "../checks/check-policy.js";
import { checkSources } from "../normalize/check-sources.js";
import { sessionPolicySizeDiagnostics } from "../checks/check-layer-policy.js";
import type { CheckedBundle } from "../normalize/check-sources.js";

/** The diagnostics of one checked text. */
export interface CheckedFile {
  /** Display path of the file the spans point into. */
  readonly file: string;
  readonly kind: "identity" | "key" | "bundle";
  readonly text: string;
  /** In source order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Why the kind was assumed, when it was inferred rather than given. */
  readonly inferredBecause?: string;
  /** Bundle locations checked in this entry (`keys[ARN]`, `principals[ARN][i]`). */
  readonly locations?: readonly string[];
}

/** A checked bundle, and its diagnostics grouped by the file their spans point into. */
export interface CheckedInput extends CheckedBundle {
  /** The bundle file first (when it is a bundle), then each policy file once. */
  readonly files: readonly CheckedFile[];
}

/** Checks every policy of `loaded` once; a file named by several entries with the same kind is checked once. */
export function checkBundle(loaded: LoadedBundle, options: CheckPolicyOptions = {}): CheckedInput {
  const memo = new Map<string, CheckPolicyResult>();
  const keyOf = (source: PolicySource): string | undefined => (source.inline ? undefined : `${source.kind}\u0000${source.layer ?? ""}\u0000${source.file}`);
  const check = (source: PolicySource): CheckPolicyResult => {
    const key = keyOf(source);
    let result = key === undefined ? undefined : memo.get(key);
    if (result === undefined) {
      result = checkPolicySource(source, options);
      if (key !== undefined) memo.set(key, result);
    }
    return result;
  };
  const checked = checkSources(loaded, check);
  return { ...checked, files: groupByFile(loaded, check, keyOf) };
}

function groupByFile(
  loaded: LoadedBundle, check: (source: PolicySource) => CheckPolicyResult, keyOf: (source: PolicySource) => string | undefined,
): CheckedFile[] {
  const out: CheckedFile[] = [];
  if (loaded.single === undefined) {
    out.push({ file: loaded.file, kind: "bundle", text: loaded.text, diagnostics: sortBySpan(loaded.diagnostics) });
  }
  const byFile = new Map<string, string[]>();
  for (const source of loaded.policies) {
    const key = keyOf(source);
    const seen = key === undefined ? undefined : byFile.get(key);
    if (seen) {
      seen.push(source.location);
      continue;
    }
    const diagnostics = sortBySpan(check(source).diagnostics);
    const locations = [source.location];
    const inferredBecause = loaded.single?.inferredBecause;
    out.push({
      file: source.file, kind: source.kind, text: source.text, diagnostics,
      ...(inferredBecause !== undefined ? { inferredBecause } : {}),
      ...(loaded.single === undefined ? { locations } : {}),
    });
    if (key !== undefined) byFile.set(key, locations);
  }
  // session-policy.md §5: a session's policies together; reported in the file of its first one.
  for (const found of sessionPolicySizeDiagnostics(loaded.policies)) {
    const index = out.findIndex((entry) => entry.file === found.file);
    if (index >= 0) out[index] = { ...out[index]!, diagnostics: sortBySpan([...out[index]!.diagnostics, found.diagnostic]) };
  }
  return out;
}

/** Counts of errors and warnings over checked files. */
export function countDiagnostics(files: readonly CheckedFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
    }
  }
  return { errors, warnings };
}

function sortBySpan(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
