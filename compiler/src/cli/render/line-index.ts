// Offsets → 1-based lines and columns, for code frames and JSON output (rendering phase only).
// Line breaks are `\n`, `\r\n` and a lone `\r`; columns count characters (code points), not UTF-16 units.

/** A 1-based position: `column` counts characters from the start of the line. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Line starts of one text, computed once; answers position queries by binary search. */
export class LineIndex {
  readonly text: string;
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  private readonly lineStarts: readonly number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** Number of lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const at = clamp(offset, 0, this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Line and column of `offset`; the offset just past the end of a line is its last column + 1. */
  position(offset: number): LineColumn {
    const at = clamp(offset, 0, this.text.length);
    const line = this.lineOf(at);
    return { line, column: countCodePoints(this.text, this.lineStart(line), at) + 1 };
  }

  /** Offset of the first character of 1-based `line`. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Characters (code points) in `text[from, to)`; a lone surrogate counts as one character. */
export function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
