// A source range, as the compiler reports it (offsets into the policy text), plus line and column
// so a service can explain a decision without the source text.

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line?: number;
  readonly column?: number;
}
