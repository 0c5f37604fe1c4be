// The closing line of `check` and friends: `2 errors, 1 warning in 3 files`.

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
}

/** `n thing` / `n things`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `2 errors, 1 warning in 3 files`. */
export function formatSummary(counts: DiagnosticCounts, files: number): string {
  return `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")} in ${plural(files, "file")}`;
}
