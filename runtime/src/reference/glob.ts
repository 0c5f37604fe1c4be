// Wildcard matching for StringLike (§2.3), ArnLike (§2.9), Action (§1.6) and Resource (§1.7).
// Simulates the pattern's automaton over the value, one code point at a time: no backtracking,
// time O(|value| × |pattern|), i.e. linear in the value for a given pattern.

/** One piece of a pattern: `literal` text (from a policy variable or `${*}`) has no wildcard meaning. */
export interface PatternPiece {
  readonly text: string;
  readonly literal: boolean;
}

/** One step of a compiled pattern. `crossesColon: false` = the wildcard never matches a ":". */
export type GlobToken =
  | { readonly kind: "char"; readonly char: string }
  | { readonly kind: "one"; readonly crossesColon: boolean }
  | { readonly kind: "run"; readonly crossesColon: boolean };

/**
 * How wildcards treat ":".
 * - "anywhere": `*` and `?` match any code point (StringLike §2.3, Action §1.6, an ARN component §2.9);
 * - "resource": the §1.7 algorithm — a `*` followed by ":" or at the end of the pattern may cross
 *   colons, every other `*` and every `?` stays inside one segment.
 */
export type ColonRule = "anywhere" | "resource";

/** Compiles pattern pieces into tokens. `?` is one Unicode code point (spec §2.3, A26). */
export function compileGlob(pieces: readonly PatternPiece[], rule: ColonRule): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (const piece of pieces) {
    for (const char of piece.text) {
      if (!piece.literal && char === "*") tokens.push({ kind: "run", crossesColon: true });
      // DEVIATION: §1.7, §2.3, A26 — `?` is one code point; in a Resource it never matches `:` (our reading of §1.7).
      else if (!piece.literal && char === "?") tokens.push({ kind: "one", crossesColon: rule === "anywhere" });
      else tokens.push({ kind: "char", char });
    }
  }
  if (rule === "anywhere") return tokens;
  // DEVIATION: §1.7, A19 — a `*` ending a segment may cross colons (the current page), others stay in their segment.
  // AWS: §1.7 — '*' followed by ':' or at end of pattern -> '.*', any other '*' -> '[^:]*'.
  return tokens.map((token, i) => {
    if (token.kind !== "run") return token;
    const next = tokens[i + 1];
    const crossesColon = next === undefined || (next.kind === "char" && next.char === ":");
    return { kind: "run", crossesColon };
  });
}

/** A plain pattern string (no variables): every `*` and `?` is a wildcard. */
export function compilePlainGlob(pattern: string, rule: ColonRule): GlobToken[] {
  return compileGlob([{ text: pattern, literal: false }], rule);
}

/**
 * True when the whole value matches the whole pattern (anchored at both ends, case-sensitive).
 * State i means "the first i tokens are matched"; the set of live states advances one code point
 * at a time over a window [lo, hi] of the pattern, so no input is ever read twice.
 */
export function globMatches(tokens: readonly GlobToken[], value: string): boolean {
  const final = tokens.length;
  let live = new Uint8Array(final + 1);
  let next = new Uint8Array(final + 1);
  live[0] = 1;
  let lo = 0;
  let hi = closeOverEmptyRuns(tokens, live, 0, 0);
  for (const char of value) {
    let nextLo = final + 1;
    let nextHi = -1;
    for (let i = lo; i <= hi && i < final; i++) {
      if (live[i] !== 1) continue;
      const token = tokens[i]!;
      let target = -1;
      if (token.kind === "char") {
        if (token.char === char) target = i + 1;
      } else if (token.crossesColon || char !== ":") {
        target = token.kind === "one" ? i + 1 : i; // "one" moves on; "run" consumes and stays
      }
      if (target < 0) continue;
      next[target] = 1;
      nextLo = Math.min(nextLo, target);
      nextHi = Math.max(nextHi, target);
    }
    live.fill(0, lo, hi + 1);
    if (nextHi < 0) return false;
    nextHi = closeOverEmptyRuns(tokens, next, nextLo, nextHi);
    nextLo = dropStatesBeforeLastRun(tokens, next, nextLo, nextHi);
    [live, next] = [next, live];
    [lo, hi] = [nextLo, nextHi];
  }
  return live[final] === 1;
}

/** A `*` may match the empty string: state i live and token i a run ⇒ state i+1 live. Returns the new hi. */
function closeOverEmptyRuns(tokens: readonly GlobToken[], states: Uint8Array, lo: number, hi: number): number {
  let last = hi;
  for (let i = lo; i <= last && i < tokens.length; i++) {
    if (states[i] === 1 && tokens[i]!.kind === "run") {
      states[i + 1] = 1;
      last = Math.max(last, i + 1);
    }
  }
  return last;
}

/**
 * PERF: a live run r stays live on every later code point it accepts, and every path from an
 * earlier state s passes through r. So s adds nothing when r crosses colons, or when no token
 * between s and r can consume a ":" (then r is still live whenever s's path reaches it).
 * Dropping those states keeps the window to one literal stretch (`*a*a…` stays linear).
 */
function dropStatesBeforeLastRun(tokens: readonly GlobToken[], states: Uint8Array, lo: number, hi: number): number {
  for (let r = Math.min(hi, tokens.length - 1); r > lo; r--) {
    const run = tokens[r]!;
    if (states[r] !== 1 || run.kind !== "run") continue;
    let s = r - 1;
    while (s >= lo && (run.crossesColon || !consumesColon(tokens[s]!))) states[s--] = 0;
    let first = lo;
    while (states[first] !== 1) first++;
    return first;
  }
  return lo;
}

/** Whether a token can consume a ":" of the value. */
function consumesColon(token: GlobToken): boolean {
  return token.kind === "char" ? token.char === ":" : token.crossesColon;
}
