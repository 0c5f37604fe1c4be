// A small seeded pseudo-random generator (mulberry32) so every generated scenario is deterministic:
// the same seed gives the same bundle and the same requests on every machine.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items (k ≤ items.length), in drawing order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)]!,
    sample: (items, k) => {
      const pool = [...items];
      const out: typeof pool = [];
      for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(int(pool.length), 1)[0]!);
      return out;
    },
  };
}
