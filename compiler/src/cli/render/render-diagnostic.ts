// One diagnostic as text, rustc-style: `error[KC2001]: message`, ` --> file:line:col`, the source
// with the span underlined, `= help: …`, then each related span as a `note:` with its own snippet.
import type { Diagnostic, Severity, Span } from "@kms-cedar/grammar";
import { gutterWidthFor, renderSnippet, type SnippetOptions } from "./code-frame.js";
import type { LineIndex } from "./line-index.js";
import { printableLine } from "./printable-line.js";
import type { TextStyle } from "./text-style.js";

/** A text a diagnostic points into: its display name and its line index. */
export interface SourceText {
  readonly file: string;
  readonly index: LineIndex;
}

/** The full text block of `diagnostic` (ends with a newline). */
export function renderDiagnostic(
  diagnostic: Diagnostic,
  source: SourceText,
  style: TextStyle,
  options: SnippetOptions = {},
): string {
  const related = diagnostic.related ?? [];
  const gutter = gutterWidthFor(source.index, [diagnostic.span, ...related.map((r) => r.span)]);
  const pad = " ".repeat(gutter);
  const bar = `${pad} ${style.gutter("|")}`;
  const lines: string[] = [];
  const label = severityLabel(diagnostic.severity, style);
  lines.push(`${label}${style.bold(`[${diagnostic.code}]`)}${style.bold(`: ${printableLine(diagnostic.message)}`)}`);
  lines.push(`${pad}${style.gutter("-->")} ${location(source, diagnostic.span)}`);
  lines.push(bar);
  lines.push(...renderSnippet(source.index, diagnostic.span, "primary", gutter, style, options));
  if (diagnostic.help !== undefined) {
    lines.push(bar);
    lines.push(...indentedNote(`${pad} ${style.gutter("=")} ${style.bold("help")}: `, diagnostic.help));
  }
  for (const item of related) {
    lines.push(`${style.note("note")}: ${printableLine(item.message)}`);
    lines.push(`${pad}${style.gutter("-->")} ${location(source, item.span)}`);
    lines.push(bar);
    lines.push(...renderSnippet(source.index, item.span, "secondary", gutter, style, options));
  }
  return lines.join("\n") + "\n";
}

/** `file:line:col` of the start of `span` (1-based, columns in characters). */
export function location(source: SourceText, span: Span): string {
  const { line, column } = source.index.position(span.start);
  return `${printableLine(source.file)}:${line}:${column}`;
}

function severityLabel(severity: Severity, style: TextStyle): string {
  if (severity === "error") return style.error("error");
  if (severity === "warning") return style.warning("warning");
  return style.note("info");
}

/** `prefix` + text, continuation lines of a multi-line help aligned under the first. */
function indentedNote(prefix: string, text: string): string[] {
  const visibleWidth = prefix.replace(/\u001b\[[0-9;]*m/g, "").length;
  // A help may span lines on purpose; each line is made printable on its own.
  return text.split(/\r?\n/).map((line, i) => (i === 0 ? prefix : " ".repeat(visibleWidth)) + printableLine(line));
}
