// The request resource `*` against a Resource pattern (DESIGN §2, docs/request-model.md): `*` stands
// for `arn:P:kms:R:A:*` (its last `*` a literal) of the caller's partition P and account A, in a
// Region R the request does not name (a non-empty string of [a-z0-9-]). The pattern matches it in
// every Region, in some only (undecided: the fail-closed rule decides), or in none.
import type { ResourcePattern } from "./resource-pattern.js";

export type StarReach = "every" | "some" | "none";

const STAR_ANY = -1;
const STAR_SEGMENT = -2;
const ONE = -3;
const COLON = 0x3a;
const REGION = "abcdefghijklmnopqrstuvwxyz0123456789-";

/**
 * Past this many distinct pattern-state sets the answer is "some" (undecided, fail closed): the
 * exact answer can need exponentially many (a `*a` followed by twenty `?`).
 */
export const STAR_STATE_LIMIT = 10_000;

/**
 * Exact: runs the pattern's automaton over `arn:P:kms:`, then explores every state set a non-empty
 * Region leads to (one representative per class of Region characters the pattern cannot tell apart)
 * and checks whether `:A:*` completes a match from each.
 */
export function starReach(p: ResourcePattern, partition: string, account: string): StarReach {
  if (p.everything) return "every";
  const units = p.all;
  const start = feed(units, close(units, single(units.length, 0)), `arn:${partition}:kms:`);
  if (start === undefined) return "none";
  const tail = `:${account}:*`;
  const classes: number[] = [];
  for (const u of units) if (u >= 0 && REGION.includes(String.fromCodePoint(u)) && !classes.includes(u)) classes.push(u);
  for (const ch of REGION) {
    const cp = ch.codePointAt(0)!;
    if (!classes.includes(cp)) {
      classes.push(cp); // one character the pattern never names stands for all of them
      break;
    }
  }
  const seen = new Set<string>();
  let hit = false;
  let miss = false;
  let layer: Uint8Array[] = [start];
  while (layer.length > 0) {
    const nextLayer: Uint8Array[] = [];
    for (const states of layer) {
      for (const cp of classes) {
        const after = step(units, states, cp);
        const key = after === undefined ? "" : after.join("");
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > STAR_STATE_LIMIT) return "some";
        const end = after === undefined ? undefined : feed(units, after, tail);
        if (end !== undefined && end[units.length] === 1) hit = true;
        else miss = true;
        if (hit && miss) return "some";
        if (after !== undefined) nextLayer.push(after);
      }
    }
    layer = nextLayer;
  }
  return hit ? "every" : "none";
}

function single(n: number, state: number): Uint8Array {
  const set = new Uint8Array(n + 1);
  set[state] = 1;
  return set;
}

/** Lets stars match nothing (in place). */
function close(units: Int32Array, set: Uint8Array): Uint8Array {
  for (let s = 0; s < units.length; s++) {
    if (set[s] === 1 && (units[s] === STAR_ANY || units[s] === STAR_SEGMENT)) set[s + 1] = 1;
  }
  return set;
}

/** One code point; `undefined` when no state survives. */
function step(units: Int32Array, set: Uint8Array, cp: number): Uint8Array | undefined {
  const next = new Uint8Array(units.length + 1);
  let any = false;
  for (let s = 0; s < units.length; s++) {
    if (set[s] !== 1) continue;
    const u = units[s]!;
    if (u === STAR_ANY || (u === STAR_SEGMENT && cp !== COLON)) next[s] = 1, (any = true);
    else if ((u === ONE && cp !== COLON) || u === cp) next[s + 1] = 1, (any = true);
  }
  return any ? close(units, next) : undefined;
}

function feed(units: Int32Array, set: Uint8Array, text: string): Uint8Array | undefined {
  let current: Uint8Array | undefined = set;
  for (const ch of text) {
    current = step(units, current, ch.codePointAt(0)!);
    if (current === undefined) return undefined;
  }
  return current;
}
