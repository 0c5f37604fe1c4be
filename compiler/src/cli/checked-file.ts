// Runs the checks on everything a loaded bundle holds and groups the diagnostics by the file their
// spans point into: the bundle file itself, then each policy (a file named by several bundle
// entries with the same kind is checked once).
import type { Diagnostic } from "@kms-cedar/grammar";
import type { LoadedBundle } from "../bundle/load-bundle.js";
import { checkPolicySource } from "../bundle/check-policy-source.js";
import type { CheckPolicyOptions } from "../checks/check-policy.js";
import { sessionPolicySizeDiagnostics } from "../checks/check-layer-policy.js";

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

/** Checks every policy of `loaded`; the bundle's own diagnostics come first (when it is a bundle). */
export function checkLoadedBundle(loaded: LoadedBundle, options: CheckPolicyOptions): CheckedFile[] {
  const out: CheckedFile[] = [];
  if (loaded.single === undefined) {
    out.push({ file: loaded.file, kind: "bundle", text: loaded.text, diagnostics: sortBySpan(loaded.diagnostics) });
  }
  const byFile = new Map<string, { entry: CheckedFile; locations: string[] }>();
  for (const source of loaded.policies) {
    const key = source.inline ? undefined : `${source.kind}\u0000${source.layer ?? ""}\u0000${source.file}`;
    const seen = key === undefined ? undefined : byFile.get(key);
    if (seen) {
      seen.locations.push(source.location);
      continue;
    }
    const diagnostics = sortBySpan(checkPolicySource(source, options).diagnostics);
    const locations = [source.location];
    const inferredBecause = loaded.single?.inferredBecause;
    const entry: CheckedFile = {
      file: source.file, kind: source.kind, text: source.text, diagnostics,
      ...(inferredBecause !== undefined ? { inferredBecause } : {}),
      ...(loaded.single === undefined ? { locations } : {}),
    };
    if (key !== undefined) byFile.set(key, { entry, locations });
    out.push(entry);
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
