// Diagnostics as JSON for `--format json`: the Diagnostic shape plus line and column of both ends
// of every span (computed here, at rendering time, from the offsets).
import type { Diagnostic, Span } from "@kms-cedar/grammar";
import type { LineIndex } from "./line-index.js";

/** A span with 1-based positions; `endLine`/`endColumn` are those of the exclusive end offset. */
export interface JsonSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic["severity"];
  readonly message: string;
  readonly help?: string;
  readonly span: JsonSpan;
  readonly related?: readonly { readonly message: string; readonly span: JsonSpan }[];
}

/** `span` with line and column of its start and end in `index`'s text. */
export function toJsonSpan(index: LineIndex, span: Span): JsonSpan {
  const start = index.position(span.start);
  const end = index.position(span.end);
  return {
    start: span.start, end: span.end,
    line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
  };
}

/** The JSON form of one diagnostic (members in a fixed order, optional ones only when present). */
export function toJsonDiagnostic(index: LineIndex, diagnostic: Diagnostic): JsonDiagnostic {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...(diagnostic.help !== undefined ? { help: diagnostic.help } : {}),
    span: toJsonSpan(index, diagnostic.span),
    ...(diagnostic.related !== undefined && diagnostic.related.length > 0
      ? { related: diagnostic.related.map((r) => ({ message: r.message, span: toJsonSpan(index, r.span) })) }
      : {}),
  };
}
