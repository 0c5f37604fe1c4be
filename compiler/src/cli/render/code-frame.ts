// Source snippets under a diagnostic: the lines a span covers, with line numbers and an underline
// (`^~~~` for the primary span, `---` for related ones). Tabs are expanded, control characters made
// visible, very long lines clipped around the span, spans over many lines elided in the middle.
import type { Span } from "@kms-cedar/grammar";
import type { LineIndex } from "./line-index.js";
import type { TextStyle } from "./text-style.js";

export type SpanMarker = "primary" | "secondary";

export interface SnippetOptions {
  /** Widest source text shown on one row, in columns (default 100). */
  readonly maxWidth?: number;
  /** Columns per tab (default 4, as rustc). */
  readonly tabWidth?: number;
  /** Rows shown for a span over many lines; the middle is elided beyond this (default 6). */
  readonly maxLines?: number;
}

/** Width of the line-number gutter needed to show `spans` of one text. */
export function gutterWidthFor(index: LineIndex, spans: readonly Span[]): number {
  let widest = 1;
  for (const span of spans) widest = Math.max(widest, String(lastLineOf(index, span)).length);
  return widest;
}

/** Rows of a snippet for `span`: `12 | text` and `   | ^~~~` pairs, without the leading `  |` row. */
export function renderSnippet(
  index: LineIndex,
  span: Span,
  marker: SpanMarker,
  gutterWidth: number,
  style: TextStyle,
  options: SnippetOptions = {},
): string[] {
  const maxWidth = Math.max(options.maxWidth ?? 100, 20);
  const tabWidth = options.tabWidth ?? 4;
  const maxLines = Math.max(options.maxLines ?? 6, 3);
  const start = clampOffset(index, span.start);
  const end = Math.max(clampOffset(index, span.end), start);
  const firstLine = index.lineOf(start);
  const lastLine = lastLineOf(index, { start, end });
  const mark = marker === "primary" ? style.error : style.gutter;
  const bar = style.gutter("|");
  const rows: string[] = [];
  const lineCount = lastLine - firstLine + 1;
  const elideFrom = lineCount > maxLines ? firstLine + maxLines - 3 : Infinity;
  const elideTo = lineCount > maxLines ? lastLine - 2 : -Infinity;
  for (let line = firstLine; line <= lastLine; line++) {
    if (line === elideFrom) rows.push(style.gutter("...".padEnd(gutterWidth + 1)));
    if (line >= elideFrom && line <= elideTo) continue;
    const lineStart = index.lineStart(line);
    const text = index.lineText(line);
    const from = line === firstLine ? start - lineStart : firstNonBlank(text);
    const to = line === lastLine ? Math.min(end - lineStart, text.length) : text.length;
    const clip = clipLine(text, from, Math.max(to, from), maxWidth);
    const layout = layoutLine(clip.text, tabWidth);
    const window = chooseWindow(layout, clip.from, clip.to, maxWidth, clip.left, clip.right);
    rows.push(`${style.gutter(String(line).padStart(gutterWidth))} ${bar} ${window.text}`.trimEnd());
    const blankLine = line !== firstLine && line !== lastLine && from >= text.length;
    if (blankLine) continue;
    const width = Math.max(window.markEnd - window.markStart, 1);
    const first = marker === "primary" ? (line === firstLine ? "^" : "~") : "-";
    const rest = marker === "primary" ? "~" : "-";
    rows.push(`${" ".repeat(gutterWidth)} ${bar} ${" ".repeat(window.markStart)}${mark(first + rest.repeat(width - 1))}`);
  }
  return rows;
}

/** A line cut to the part a window can show, with the span's offsets in it and whether text was cut off. */
interface ClippedLine {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly left: boolean;
  readonly right: boolean;
}

/**
 * The part of `text` around the span start `from` that a window of `maxWidth` columns can show (every
 * UTF-16 unit is at least half a column), so that a line of 100 MB is never laid out cell by cell (it ran
 * out of memory: a diagnostic spanning a whole one-line file). A surrogate pair is never split.
 */
function clipLine(text: string, from: number, to: number, maxWidth: number): ClippedLine {
  const reach = 4 * maxWidth;
  if (text.length <= 2 * reach) return { text, from, to, left: false, right: false };
  let start = Math.max(0, from - reach);
  let end = Math.min(text.length, from + reach);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return { text: text.slice(start, end), from: from - start, to: Math.min(to, end) - start, left: start > 0, right: end < text.length };
}

interface LineLayout {
  /** What each UTF-16 unit of the line shows as ("" for the second half of a surrogate pair). */
  readonly cells: readonly string[];
  /** Display column where unit `i` starts; `columns[length]` is the line's width. */
  readonly columns: readonly number[];
}

function layoutLine(text: string, tabWidth: number): LineLayout {
  const cells: string[] = [];
  const columns: number[] = [0];
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let cell: string;
    if (c === 9) cell = " ".repeat(tabWidth);
    else if (c < 0x20 || c === 0x7f) cell = "\ufffd";
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      cells.push(text.slice(i, i + 2));
      columns.push(column);
      cells.push("");
      column += 1;
      columns.push(column);
      i++;
      continue;
    } else cell = text[i] ?? "";
    cells.push(cell);
    column += cell.length;
    columns.push(column);
  }
  return { cells, columns };
}

interface Window {
  readonly text: string;
  readonly markStart: number;
  readonly markEnd: number;
}

/**
 * The visible part of a line: all of it when it fits, else `maxWidth` columns around the span. `left` and
 * `right`: the laid-out text was cut from a longer line there (clipLine), so an ellipsis shows it.
 */
function chooseWindow(layout: LineLayout, from: number, to: number, maxWidth: number, left = false, right = false): Window {
  const total = layout.columns[layout.cells.length] ?? 0;
  const markFrom = layout.columns[Math.min(from, layout.cells.length)] ?? total;
  const markTo = layout.columns[Math.min(to, layout.cells.length)] ?? total;
  if (total <= maxWidth && !left && !right) return { text: layout.cells.join(""), markStart: markFrom, markEnd: markTo };
  // Keep a little context left of the span, and as much of the span as fits.
  const windowStart = markTo <= maxWidth - 1 && !left ? 0 : Math.max(0, Math.min(markFrom - 16, total - (maxWidth - 1)));
  const prefix = windowStart > 0 || left ? "…" : "";
  const fitsToEnd = total - windowStart <= maxWidth - prefix.length;
  const windowEnd = fitsToEnd ? total : windowStart + maxWidth - prefix.length - 1;
  let text = prefix;
  for (let i = 0; i < layout.cells.length; i++) {
    const column = layout.columns[i] ?? 0;
    const cell = layout.cells[i] ?? "";
    if (column >= windowStart && column + cell.length <= windowEnd) text += cell;
  }
  if (windowEnd < total || right) text += "…";
  const shift = prefix.length - windowStart;
  const markStart = Math.min(Math.max(markFrom, windowStart), windowEnd) + shift;
  const markEnd = Math.min(Math.max(markTo, windowStart), windowEnd) + shift;
  return { text, markStart, markEnd };
}

/** The last line a span shows: a non-empty span ending right after a line break stops on the line before. */
function lastLineOf(index: LineIndex, span: Span): number {
  const start = clampOffset(index, span.start);
  const end = Math.max(clampOffset(index, span.end), start);
  const line = index.lineOf(end);
  if (end > start && line > index.lineOf(start) && index.lineStart(line) === end) return line - 1;
  return line;
}

function firstNonBlank(text: string): number {
  const match = /[^ \t]/.exec(text);
  return match ? match.index : text.length;
}

function clampOffset(index: LineIndex, offset: number): number {
  return Math.min(Math.max(offset, 0), index.text.length);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
