// Maps offsets in a decoded JSON string value back to the source text, so a diagnostic can underline
// exactly the bad part of a value even when the string contains escapes. Phase: checks.
import type { JsonString, Span } from "@kms-cedar/grammar";

/** The source span of `value.slice(offset, offset + length)` of a string node. */
export function spanInString(node: JsonString, offset: number, length: number): Span {
  const base = node.span.start + 1;
  if (node.raw.length === node.value.length + 2) {
    return { start: base + offset, end: base + offset + length };
  }
  const starts = decodedOffsets(node.raw);
  const start = starts[offset] ?? node.span.end - 1;
  const end = starts[offset + length] ?? node.span.end - 1;
  return { start: base + start, end: base + end };
}

/** For each decoded UTF-16 unit, its offset in the raw text after the opening quote (plus one past the end). */
function decodedOffsets(raw: string): number[] {
  const out: number[] = [];
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    out.push(i - 1);
    if (raw[i] === "\\") i += raw[i + 1] === "u" ? 6 : 2;
    else i += 1;
  }
  out.push(end - 1);
  return out;
}
