// A Resource pattern against the request resource `*` (docs/request-model.md): it stands for the
// synthetic `arn:P:kms:R:A:*` of spec §1.7 / A20 (P, A the caller's) whose Region R is not given.
// Answers whether the pattern matches it for every Region, for none, or only for some.

import type { GlobToken } from "./glob.js";

/** "some" also covers a pattern too intricate to decide within the bound below (FCR either way). */
export type RegionMatch = "every" | "some" | "none";

/** A Region as the request reader accepts it: `[a-z0-9-]+` (never a colon). */
const REGION_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";
// PERF: the number of distinct state sets explored; real patterns need a handful.
const MAX_STATE_SETS = 4096;

/**
 * Simulates the pattern's automaton (tokens compiled with the §1.7 colon rule) over
 * `arn:P:kms:` + R + `:A:*` for all Regions R at once: a breadth-first walk over the state sets
 * reachable after one or more Region characters, each checked against the rest of the ARN.
 */
export function matchAnyRegion(tokens: readonly GlobToken[], partition: string, account: string): RegionMatch {
  const start = feed(tokens, closure(tokens, [0]), `arn:${partition}:kms:`);
  // Characters the pattern names literally behave apart; all others behave alike (one stands for them).
  const named = new Set(tokens.flatMap((t) => (t.kind === "char" ? [t.char] : [])));
  const alphabet = [...REGION_CHARS].filter((c) => named.has(c));
  const unnamed = [...REGION_CHARS].find((c) => !named.has(c));
  if (unnamed !== undefined) alphabet.push(unnamed);

  const seen = new Set<string>();
  const queue: number[][] = [];
  const visit = (states: number[]): void => {
    const id = states.join(",");
    if (!seen.has(id)) {
      seen.add(id);
      queue.push(states);
    }
  };
  for (const c of alphabet) visit(step(tokens, start, c));
  let accepted = false;
  let rejected = false;
  for (let i = 0; i < queue.length; i++) {
    if (seen.size > MAX_STATE_SETS) return "some";
    const states = queue[i]!;
    if (feed(tokens, states, `:${account}:*`).includes(tokens.length)) accepted = true;
    else rejected = true;
    for (const c of alphabet) visit(step(tokens, states, c));
  }
  return accepted && rejected ? "some" : accepted ? "every" : "none";
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
