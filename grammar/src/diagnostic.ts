// Diagnostics as data: every phase returns them, none throws them (STYLE.md "Diagnostics").
// Spans are UTF-16 offsets into the original text; line and column are computed only when rendering.

/** A half-open range `[start, end)` of UTF-16 code-unit offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = "error" | "warning" | "info";

/** Another place that explains a diagnostic, e.g. the first occurrence of a duplicate key. */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/** One finding about a policy. `code` is stable: `KC` + four digits, thousands digit = phase. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly help?: string;
  readonly related?: readonly RelatedSpan[];
}

/** How passes hand diagnostics back: a callback, so a pass stays a pure function of its input. */
export type Report = (diagnostic: Diagnostic) => void;

/** A registry entry: what a code means, for docs and for tests that show each code firing. */
export interface DiagnosticInfo {
  readonly code: string;
  readonly slug: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly help?: string;
}
