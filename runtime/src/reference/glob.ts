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
      else if (!piece.literal && char === "?") tokens.push({ kind: "one", crossesColon: rule === "anywhere" });
      else tokens.push({ kind: "char", char });
    }
  }
  if (rule === "anywhere") return tokens;
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

/** True when the whole value matches the whole pattern (anchored at both ends, case-sensitive). */
export function globMatches(tokens: readonly GlobToken[], value: string): boolean {
  const size = tokens.length + 1; // state i = "the first i tokens are matched"
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  current[0] = 1;
  closeOverEmptyRuns(tokens, current);
  for (const char of value) {
    next.fill(0);
    let anyActive = false;
    for (let i = 0; i < tokens.length; i++) {
      if (current[i] !== 1) continue;
      const token = tokens[i]!;
      if (token.kind === "char") {
        if (token.char === char) next[i + 1] = 1;
      } else if (token.crossesColon || char !== ":") {
        // "one" consumes the code point and moves on; "run" consumes it and stays.
        next[token.kind === "one" ? i + 1 : i] = 1;
      } else {
        continue;
      }
      anyActive = true;
    }
    if (!anyActive) return false;
    closeOverEmptyRuns(tokens, next);
    [current, next] = [next, current];
  }
  return current[tokens.length] === 1;
}

/** A `*` may match the empty string: state i active and token i a run ⇒ state i+1 active. */
function closeOverEmptyRuns(tokens: readonly GlobToken[], states: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) {
    if (states[i] === 1 && tokens[i]!.kind === "run") states[i + 1] = 1;
  }
}
