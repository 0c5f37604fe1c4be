// A Resource pattern against the request resource `*` (docs/request-model.md): it stands for the
// synthetic `arn:P:kms:R:A:*` of spec §1.7 / A20 (P, A the caller's) whose Region R is not given.
// Answers whether the pattern matches it for at least one Region.

import type { GlobToken } from "./glob.js";

/** A Region as the request reader accepts it: `[a-z0-9-]+` (never a colon). */
const REGION_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";

/**
 * Simulates the pattern's automaton (tokens compiled with the §1.7 colon rule) over
 * `arn:P:kms:` + R + `:A:*` for all Regions R at once: the states reachable after one or more
 * Region characters are the union over all R, then the rest of the ARN is fed to them.
 */
export function matchesSomeRegion(tokens: readonly GlobToken[], partition: string, account: string): boolean {
  const start = feed(tokens, closure(tokens, [0]), `arn:${partition}:kms:`);
  const reached = new Set<number>();
  let frontier = start;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const c of REGION_CHARS) {
      for (const state of step(tokens, frontier, c)) {
        if (!reached.has(state)) {
          reached.add(state);
          next.push(state);
        }
      }
    }
    frontier = next;
  }
  return feed(tokens, [...reached].sort((a, b) => a - b), `:${account}:*`).includes(tokens.length);
}

/** Feeds literal text (the `*` of the synthetic resource is a plain character). */
function feed(tokens: readonly GlobToken[], states: number[], text: string): number[] {
  let current = states;
  for (const char of text) current = step(tokens, current, char);
  return current;
}

/** The states after one character, closed over empty runs; sorted, without duplicates. */
function step(tokens: readonly GlobToken[], states: readonly number[], char: string): number[] {
  const next: number[] = [];
  for (const i of states) {
    const token = tokens[i];
    if (token === undefined) continue; // the final state consumes nothing
    if (token.kind === "char") {
      if (token.char === char) next.push(i + 1);
    } else if (token.crossesColon || char !== ":") {
      next.push(token.kind === "one" ? i + 1 : i);
    }
  }
  return closure(tokens, next);
}

/** A run may match the empty string: state i live and token i a run ⇒ state i+1 live. */
function closure(tokens: readonly GlobToken[], states: readonly number[]): number[] {
  const live = new Set(states);
  for (let i = 0; i < tokens.length; i++) if (live.has(i) && tokens[i]!.kind === "run") live.add(i + 1);
  return [...live].sort((a, b) => a - b);
}
