// The request resource `*` (DESIGN §2, docs/request-model.md): it stands for the synthetic resource
// `arn:P:kms:R:A:*` (last `*` a literal character) of the caller's partition P and account A in a
// Region R the request does not name. A Resource pattern is asked whether it matches that string
// for every Region, for some Regions only, or for none. Regions are non-empty strings of [a-z0-9-].

import { type GlobToken } from "./glob.js";

export type RegionReach = "every" | "some" | "none";

/** What the request resource `*` stands for: the caller's partition and account. */
export interface StarOwner {
  readonly partition: string;
  readonly account: string;
}

/**
 * Past this many distinct automaton states the answer is "some" (undecided, so the fail-closed
 * rule decides): a pattern like `*a` followed by twenty `?` needs 2^20 states to answer exactly.
 */
export const REGION_STATE_LIMIT = 10_000;

const REGION_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";

/**
 * Decides for which Regions R the compiled pattern matches `arn:P:kms:R:A:*`. Exact: explores
 * every set of pattern positions a non-empty Region can lead to (the subset construction over the
 * Region alphabet), and asks of each whether the rest `:A:*` then completes a match.
 */
export function regionReach(tokens: readonly GlobToken[], owner: StarOwner): RegionReach {
  const start = advanceText(tokens, closure(tokens, [0]), `arn:${owner.partition}:kms:`);
  if (start.length === 0) return "none";
  const rest = `:${owner.account}:*`;
  // Characters of the Region alphabet behave alike unless the pattern names them literally.
  const named = new Set<string>();
  for (const token of tokens) if (token.kind === "char" && REGION_CHARS.includes(token.char)) named.add(token.char);
  const other = [...REGION_CHARS].find((c) => !named.has(c));
  const alphabet = [...named, ...(other === undefined ? [] : [other])];

  let matches = false;
  let misses = false;
  const seen = new Set<string>();
  let queue: number[][] = [start];
  while (queue.length > 0) {
    const next: number[][] = [];
    for (const states of queue) {
      for (const char of alphabet) {
        const after = advanceText(tokens, states, char);
        const key = after.join(",");
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > REGION_STATE_LIMIT) return "some";
        if (accepts(tokens, advanceText(tokens, after, rest))) matches = true;
        else misses = true;
        if (matches && misses) return "some";
        if (after.length > 0) next.push(after);
      }
    }
    queue = next;
  }
  return matches ? "every" : "none";
}

/** The positions reachable from `states` when wildcards `*` match nothing, sorted. */
function closure(tokens: readonly GlobToken[], states: readonly number[]): number[] {
  const out = new Set<number>(states);
  for (const s of [...out].sort((a, b) => a - b)) {
    for (let i = s; i < tokens.length && tokens[i]!.kind === "run"; i++) out.add(i + 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** Feeds `text` to the pattern automaton, one code point at a time. */
function advanceText(tokens: readonly GlobToken[], states: readonly number[], text: string): number[] {
  let current = [...states];
  for (const char of text) {
    const next = new Set<number>();
    for (const s of current) {
      const token = tokens[s];
      if (token === undefined) continue;
      if (token.kind === "char") {
        if (token.char === char) next.add(s + 1);
      } else if (token.crossesColon || char !== ":") {
        next.add(token.kind === "one" ? s + 1 : s);
      }
    }
    current = closure(tokens, [...next]);
    if (current.length === 0) return current;
  }
  return current;
}

function accepts(tokens: readonly GlobToken[], states: readonly number[]): boolean {
  return states.includes(tokens.length);
}
