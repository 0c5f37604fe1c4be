// String tests as tiny NFAs over code points, so that the regions of the Boolean algebra they
// generate can be searched exactly (string-regions.ts). Three pattern languages, as the engines
// match them: StringEquals (literal), StringLike (spec §2.3: `*` any run, `?` one code point) and
// ArnLike/ArnEquals (spec §2.9: six components split at the first five colons, each globbed on its
// own, so wildcards of the first five never match a colon; fewer than six components never match).

/** A set of code points a wildcard may consume. */
export type CharClass = "any" | "noColon" | "digit" | "segment" | "lower";

export type Element =
  | { readonly kind: "lit"; readonly cp: number }
  | { readonly kind: "one"; readonly cls: CharClass }
  | { readonly kind: "star"; readonly cls: CharClass };

/** A pattern automaton: elements in order (positions 0..n, accepting at n), or `never` (empty language). */
export interface PatternNfa {
  readonly els: readonly Element[];
  readonly never: boolean;
}

const COLON = 0x3a;
const SLASH = 0x2f;

export function inClass(cls: CharClass, cp: number): boolean {
  switch (cls) {
    case "any": return true;
    case "noColon": return cp !== COLON;
    case "digit": return cp >= 0x30 && cp <= 0x39;
    case "segment": return cp !== COLON && cp !== SLASH;
    case "lower": return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x2d;
  }
}

const lit = (s: string): Element[] => Array.from(s, (ch) => ({ kind: "lit", cp: ch.codePointAt(0)! }) as Element);

export function literalNfa(text: string): PatternNfa {
  return { els: lit(text), never: false };
}

function globEls(text: string, cls: CharClass): Element[] {
  return Array.from(text, (ch): Element => (ch === "*" ? { kind: "star", cls } : ch === "?" ? { kind: "one", cls } : { kind: "lit", cp: ch.codePointAt(0)! }));
}

export function globNfa(text: string): PatternNfa {
  return { els: globEls(text, "any"), never: false };
}

/** An ARN (or ARN pattern) cut at its first five colons: six components when it is ARN-shaped (spec §2.9). */
export function arnComponents(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < 5) {
    const cut = rest.indexOf(":");
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  parts.push(rest);
  return parts;
}

export function arnNfa(text: string): PatternNfa {
  const parts = arnComponents(text);
  if (parts.length !== 6) return { els: [], never: true };
  const els: Element[] = [];
  parts.forEach((p, i) => {
    if (i > 0) els.push({ kind: "lit", cp: COLON });
    els.push(...globEls(p, i < 5 ? "noColon" : "any"));
  });
  return { els, never: false };
}

/** A domain automaton from pieces: literal text, or `[cls]{n}` / `[cls]+` runs. */
export type DomainPiece = string | { readonly cls: CharClass; readonly count: number | "+" };

export function domainNfa(pieces: readonly DomainPiece[]): PatternNfa {
  const els: Element[] = [];
  for (const p of pieces) {
    if (typeof p === "string") els.push(...lit(p));
    else if (p.count === "+") els.push({ kind: "one", cls: p.cls }, { kind: "star", cls: p.cls });
    else for (let i = 0; i < p.count; i++) els.push({ kind: "one", cls: p.cls });
  }
  return { els, never: false };
}

/** The ε-closure of a position set: a star may be skipped. Returns sorted positions. */
export function closure(nfa: PatternNfa, positions: Iterable<number>): number[] {
  const seen = new Set<number>();
  const stack = [...positions];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (p < nfa.els.length && nfa.els[p]!.kind === "star") stack.push(p + 1);
  }
  return [...seen].sort((a, b) => a - b);
}

/** One step on code point `cp`, then the closure. */
export function step(nfa: PatternNfa, positions: readonly number[], cp: number): number[] {
  const next: number[] = [];
  for (const p of positions) {
    if (p >= nfa.els.length) continue;
    const e = nfa.els[p]!;
    if (e.kind === "lit") {
      if (e.cp === cp) next.push(p + 1);
    } else if (inClass(e.cls, cp)) next.push(e.kind === "one" ? p + 1 : p);
  }
  return next.length === 0 ? next : closure(nfa, next);
}

export function accepts(nfa: PatternNfa, positions: readonly number[]): boolean {
  return !nfa.never && positions.includes(nfa.els.length);
}

/** Direct membership test (used by tests and to double-check witnesses). */
export function nfaMatches(nfa: PatternNfa, text: string): boolean {
  if (nfa.never) return false;
  let s = closure(nfa, [0]);
  for (const ch of text) {
    s = step(nfa, s, ch.codePointAt(0)!);
    if (s.length === 0) return false;
  }
  return accepts(nfa, s);
}
