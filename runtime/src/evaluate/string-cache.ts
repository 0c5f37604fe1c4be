// A bounded cache keyed by strings a request brings (its principal and resource), for the graph
// evaluator's per-request lookups.
//
// PERF (issue 14): a `Map` hashes the whole key string the first time that string is used as a key,
// and keeps the hash in the string. A service decides requests it has just parsed, so every
// principal and resource is a new string: each lookup read all ~60-80 characters to hash them, then
// again to compare them with the entry found — about 40% of a seed decision on freshly parsed
// requests (measured: 0.78 µs against 0.46 µs on the same requests built once and reused). This table
// hashes a fixed handful of characters (`sampleHash`) and compares whole strings only with the
// entries at that hash.
//
// Bounded work on hostile input: a lookup compares at most PROBES entries, whatever the keys; a key
// that finds no free slot among them replaces one (it is a cache: a lost entry is computed again).
// Bounded memory: the table starts small and doubles once an eighth of it is used, up to 2^maxBits
// slots (an eighth: few neighbourhoods fill, so few entries are lost, and few strings of one length
// are compared on the way to a key; a quarter measured 8% slower on the organisation).
// The slots are plain arrays (no prototype, no user data as property names).

/** Entries a lookup compares at most (consecutive slots from the key's hash). */
const PROBES = 4;
/** Slots a table starts with: 2^6 (an authorizer that sees a few callers stays small). */
const INITIAL_BITS = 6;

export class StringCache<V> {
  /** Slot `i` is `slots[2i]` (its key, or undefined when free) and `slots[2i + 1]` (its value): one cache line for both. */
  private slots: (string | V | undefined)[];
  private mask: number;
  private bits: number;
  /** Slots in use. */
  private used = 0;
  /** Which of the PROBES slots a full neighbourhood gives up next (round robin). */
  private evict = 0;

  /** A cache of at most 2^`maxBits` slots. */
  constructor(private readonly maxBits: number) {
    this.bits = Math.min(INITIAL_BITS, maxBits);
    this.slots = new Array<string | V | undefined>(2 << this.bits).fill(undefined);
    this.mask = (1 << this.bits) - 1;
  }

  /** Slots the table has now (it grows with use). */
  get capacity(): number {
    return this.mask + 1;
  }

  /** The value kept for `key`, or undefined. */
  get(key: string): V | undefined {
    const slots = this.slots;
    let at = sampleHash(key) & this.mask;
    for (let p = 0; p < PROBES; p++) {
      const k = slots[2 * at];
      if (k === key) return slots[2 * at + 1] as V;
      if (k === undefined) return undefined;
      at = (at + 1) & this.mask;
    }
    return undefined;
  }

  /** Keeps `value` for `key` (replacing an entry of the key's neighbourhood when it is full). */
  set(key: string, value: V): void {
    if (this.place(key, value) && 8 * this.used > this.mask + 1 && this.bits < this.maxBits) this.grow();
  }

  /** Writes the entry; true when it took a free slot. */
  private place(key: string, value: V): boolean {
    const slots = this.slots;
    const start = sampleHash(key) & this.mask;
    let at = start;
    let free = false;
    for (let p = 0; p < PROBES; p++) {
      const k = slots[2 * at];
      if (k === undefined || k === key) {
        free = k === undefined;
        break;
      }
      at = (at + 1) & this.mask;
      if (p === PROBES - 1) {
        this.evict = (this.evict + 1) % PROBES;
        at = (start + this.evict) & this.mask;
      }
    }
    slots[2 * at] = key;
    slots[2 * at + 1] = value;
    if (free) this.used++;
    return free;
  }

  /** Doubles the table and places every entry again (an entry whose neighbourhood fills is dropped). */
  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.slots = new Array<string | V | undefined>(2 << this.bits).fill(undefined);
    this.mask = (1 << this.bits) - 1;
    this.used = 0;
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i];
      if (k !== undefined) this.place(k as string, old[i + 1] as V);
    }
  }
}

/**
 * A hash of a few characters of `s`: its length, its last six characters (a key ARN's id, a
 * session's name) and two from the 21st on (an IAM or STS ARN's account), mixed by murmur3's
 * finalizer so that every bit of the index depends on all of them. Two strings that differ
 * elsewhere only share a neighbourhood; they are told apart by comparing them whole.
 */
function sampleHash(s: string): number {
  const n = s.length;
  let h = n;
  if (n < 24) {
    for (let i = 0; i < n; i++) h = Math.imul(h, 31) + s.charCodeAt(i);
  } else {
    h ^= s.charCodeAt(n - 1) ^ (s.charCodeAt(n - 2) << 8) ^ (s.charCodeAt(n - 3) << 16) ^ (s.charCodeAt(n - 4) << 24);
    h = Math.imul(h, 0xcc9e2d51) ^ s.charCodeAt(n - 5) ^ (s.charCodeAt(n - 6) << 8) ^ (s.charCodeAt(20) << 16) ^ (s.charCodeAt(23) << 24);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
