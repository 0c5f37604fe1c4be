// The output of `check` (and of the check step of `eval`/`compile`): code frames and a summary
// line for people, or `{ files, summary }` for machines.
import type { CheckedFile } from "../../api/check-bundle.js";
import { countDiagnostics } from "../../api/check-bundle.js";
import { toJsonDiagnostic, type JsonDiagnostic } from "./diagnostic-json.js";
import { LineIndex } from "./line-index.js";
import { renderDiagnostic } from "./render-diagnostic.js";
import { formatSummary } from "./summary-line.js";
import { printableLine } from "./printable-line.js";
import type { TextStyle } from "./text-style.js";

/** A file named on the command line that could not be read. */
export interface UnreadableFile {
  readonly file: string;
  readonly error: string;
}

/** One entry of the JSON report's `files`. */
export interface JsonCheckedFile {
  readonly file: string;
  readonly kind?: CheckedFile["kind"];
  readonly inferred?: true;
  readonly locations?: readonly string[];
  readonly error?: string;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** Renders the text report: per file a kind note if inferred, every diagnostic, then the summary. */
export function renderCheckText(files: readonly CheckedFile[], style: TextStyle, options: { summary: boolean }): string {
  const indexes = new Map<string, LineIndex>();
  const blocks: string[] = [];
  for (const file of files) {
    if (file.inferredBecause !== undefined) {
      blocks.push(`${style.note("note")}: checked \`${printableLine(file.file)}\` as ${article(file.kind)} policy (${file.inferredBecause}; use --kind to choose)\n`);
    }
    if (file.diagnostics.length === 0) continue;
    let index = indexes.get(file.file);
    if (index === undefined || index.text !== file.text) {
      index = new LineIndex(file.text);
      indexes.set(file.file, index);
    }
    for (const diagnostic of file.diagnostics) blocks.push(renderDiagnostic(diagnostic, { file: file.file, index }, style));
  }
  if (options.summary) {
    const distinct = new Set(files.map((f) => f.file)).size;
    const counts = countDiagnostics(files);
    const line = formatSummary(counts, distinct);
    blocks.push((counts.errors > 0 ? style.error(line) : counts.warnings > 0 ? style.warning(line) : style.good(line)) + "\n");
  }
  return blocks.join("\n");
}

/** The JSON report: `{ files: [...], summary: { errors, warnings } }`, entries in the order given. */
export function checkJson(items: readonly (CheckedFile | UnreadableFile)[]): object {
  const checked: CheckedFile[] = [];
  const entries: JsonCheckedFile[] = items.map((item) => {
    if ("error" in item) return { file: item.file, error: item.error, diagnostics: [] };
    checked.push(item);
    const index = new LineIndex(item.text);
    return {
      file: item.file,
      kind: item.kind,
      ...(item.inferredBecause !== undefined ? { inferred: true as const } : {}),
      ...(item.locations !== undefined ? { locations: item.locations } : {}),
      diagnostics: item.diagnostics.map((d) => toJsonDiagnostic(index, d)),
    };
  });
  return { files: entries, summary: countDiagnostics(checked) };
}

function article(kind: CheckedFile["kind"]): string {
  return kind === "identity" ? "an identity" : kind === "key" ? "a key" : "a bundle";
}
