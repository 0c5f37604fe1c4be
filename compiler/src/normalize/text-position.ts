// Turns offsets into spans with line and column (1-based), so a graph can explain a decision
// without the policy text. Phase: normalize. Offsets are UTF-16 units into the file's text.
import type { Span } from "@kms-cedar/runtime";

/** Maps offsets of one text to line/column spans; `shift` moves offsets of a slice into the file. */
export interface TextPosition {
  span(start: number, end: number): Span;
}

/**
 * `memo` keeps each text's line starts: the policies of one file (an inline bundle holds them all) share
 * them. PERF (issue 14): without it every policy scanned the whole file, quadratic in an inline bundle
 * (a third of compiling the organisation with its layers).
 */
export function textPosition(text: string, shift = 0, memo?: Map<string, readonly number[]>): TextPosition {
  const lineStarts = memo?.get(text) ?? lineStartsOf(text);
  memo?.set(text, lineStarts);
  const locate = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  return {
    span(start, end) {
      const s = start + shift;
      return { start: s, end: end + shift, ...locate(s) };
    },
  };
}

function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return lineStarts;
}
