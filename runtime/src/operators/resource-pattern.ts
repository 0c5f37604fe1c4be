// Resource / NotResource pattern matching (spec §1.7, A19): a `*` that ends a colon-separated
// segment (followed by `:` or at the end) may cross colons, any other `*` stays inside its segment,
// `?` is one code point other than `:`; case-sensitive. Simulated as an NFA: O(text × pattern), no regex.
import type { GlobChunk } from "./glob.js";

const STAR_ANY = -1;
const STAR_SEGMENT = -2;
const ONE = -3;
const COLON = 0x3a;

/** A compiled resource pattern. Not re-entrant: the state buffers are reused between calls. */
export interface ResourcePattern {
  /** The whole pattern: code points (≥ 0) and wildcards (< 0). */
  readonly all: Int32Array;
  /** Code points (≥ 0) and wildcards (< 0) between the literal prefix and suffix. */
  readonly units: Int32Array;
  readonly everything: boolean;
  /** PERF: literal text the resource must start and end with, checked before the automaton runs. */
  readonly prefix: string;
  readonly suffix: string;
  readonly current: Uint8Array;
  readonly next: Uint8Array;
}

/** Compiles a pattern; chunks with `wild: false` (from `${*}` or variable values) are literal text. */
export function compileResourcePattern(pattern: string | readonly GlobChunk[]): ResourcePattern {
  const chunks: readonly GlobChunk[] = typeof pattern === "string" ? [{ text: pattern, wild: true }] : pattern;
  const raw: number[] = [];
  for (const chunk of chunks) {
    for (const ch of chunk.text) {
      const cp = ch.codePointAt(0)!;
      raw.push(chunk.wild && ch === "*" ? STAR_SEGMENT : chunk.wild && ch === "?" ? ONE : cp);
    }
  }
  // DEVIATION: §1.7, A19 — a `*` ending a segment may cross colons, other `*` and every `?` stay in one; case-sensitive.
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === STAR_SEGMENT && (i + 1 === raw.length || raw[i + 1] === COLON)) raw[i] = STAR_ANY;
  }
  const everything = typeof pattern === "string" && pattern === "*";
  let head = 0;
  while (head < raw.length && raw[head]! >= 0) head++;
  let tail = raw.length;
  while (tail > head && raw[tail - 1]! >= 0) tail--;
  const text = (units: number[]): string => String.fromCodePoint(...units);
  const middle = raw.slice(head, tail);
  return {
    all: Int32Array.from(raw),
    units: Int32Array.from(middle),
    everything,
    prefix: text(raw.slice(0, head)),
    suffix: head === raw.length ? "" : text(raw.slice(tail)),
    current: new Uint8Array(middle.length + 1),
    next: new Uint8Array(middle.length + 1),
  };
}

/**
 * Whether the request resource matches. The request resource `*` stands for a resource in an
 * unnamed Region: it is decided by `starReach` (resource-star.ts), here it matches only the pattern `*`.
 */
export function matchResourcePattern(p: ResourcePattern, resource: string): boolean {
  if (p.everything) return true;
  if (resource === "*") return false;
  const { prefix, suffix } = p;
  if (resource.length < prefix.length + suffix.length || !resource.startsWith(prefix) || !resource.endsWith(suffix)) return false;
  const units = p.units;
  const n = units.length;
  const start = prefix.length;
  const end = resource.length - suffix.length;
  if (n === 0) return start === end;
  if (n === 1 && units[0] === STAR_ANY) return true;
  if (n === 1 && units[0] === STAR_SEGMENT) return resource.indexOf(":", start) < 0 || resource.indexOf(":", start) >= end;
  let cur = p.current;
  let nxt = p.next;
  cur.fill(0);
  cur[0] = 1;
  close(units, cur);
  for (let i = start; i < end; ) {
    const cp = resource.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    nxt.fill(0);
    let any = false;
    for (let s = 0; s < n; s++) {
      if (cur[s] === 0) continue;
      const u = units[s]!;
      if (u === STAR_ANY || (u === STAR_SEGMENT && cp !== COLON)) nxt[s] = 1, (any = true);
      else if ((u === ONE && cp !== COLON) || u === cp) nxt[s + 1] = 1, (any = true);
    }
    if (!any) return false;
    close(units, nxt);
    const t = cur;
    cur = nxt;
    nxt = t;
  }
  return cur[n] === 1;
}

/** Adds the states reachable by letting stars match nothing. */
function close(units: Int32Array, set: Uint8Array): void {
  for (let s = 0; s < units.length; s++) {
    if (set[s] === 1 && (units[s] === STAR_ANY || units[s] === STAR_SEGMENT)) set[s + 1] = 1;
  }
}
