// Timing and allocation measurement shared by the benchmarks.
//
// Latency: the requests are decided in batches of BATCH distinct requests; each batch is timed with
// performance.now() and its time divided by BATCH gives one per-decision sample (a single decision is
// too short for the clock). Median and p99 are over those samples; decisions/s is all decisions over
// all the time measured. Passes over the whole request list repeat until the time budget is spent.
// Fresh requests (FreshRequests): before each batch is timed, its requests are parsed again from
// their JSON text, untimed, so that every decision reads new objects and new strings, as a service
// deciding the requests it has just parsed does. Reusing the same objects pass after pass measured
// something no service sees: V8 keeps a string's hash in the string, so every lookup keyed by a
// request's principal or resource found its hash already computed (0.46 µs against 0.78 µs a seed
// decision before string-cache.ts, on the same requests).
//
// Allocations: bytes of JS heap allocated per decision = growth of v8's used_heap_size over N
// decisions, divided by N, with no garbage collection inside the window. Run node with
// --expose-gc (a full collection first) and a large young generation (--max-semi-space-size=64) so
// a window of N decisions fits; a PerformanceObserver watches for GC events, and a window in which
// one happened is retried with N halved. This counts JS heap allocations only: cedar-wasm's own
// allocations happen inside its WebAssembly memory and are not seen (its JS-side glue, the JSON of
// each call, is).
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

export const BATCH = 64;

export interface Latency {
  /** Median time per decision, microseconds. */
  readonly medianUs: number;
  /** 99th percentile time per decision (over batches), microseconds. */
  readonly p99Us: number;
  readonly perSecond: number;
  readonly decisions: number;
}

/** Requests parsed again from their JSON text batch by batch: `live[i]` is request i's newest copy. */
export class FreshRequests<T> {
  readonly live: T[];
  private readonly texts: readonly string[];
  constructor(requests: readonly T[]) {
    this.texts = requests.map((r) => JSON.stringify(r));
    this.live = this.texts.map((t) => JSON.parse(t) as T);
  }
  /** Replaces requests start..end-1 by new copies (new objects, new strings). */
  readonly refresh = (start: number, end: number): void => {
    for (let i = start; i < end; i++) this.live[i] = JSON.parse(this.texts[i]!) as T;
  };
}

/** A batch to time: `decide(start, end)` decides requests start..end-1; `refresh`, if any, runs untimed before it. */
export type Timed = ((start: number, end: number) => void) | { readonly decide: (start: number, end: number) => void; readonly refresh: (start: number, end: number) => void };

/** Times `decideBatch(start, end)` (decides requests start..end-1) over passes of `count` requests. */
export function measureLatency(decideBatch: Timed, count: number, budgetMs: number, warmupPasses = 1): Latency {
  return measureInterleaved([decideBatch], count, budgetMs, 1, warmupPasses)[0]!;
}

/**
 * Times several engines on the same `count` requests in `rounds` alternating turns (each turn a
 * `budgetMs / rounds` share), so a ratio between them compares the same moments of the machine
 * (load, heap, frequency) rather than two stretches seconds apart. One Latency per engine, in order.
 */
export function measureInterleaved(timed: readonly Timed[], count: number, budgetMs: number, rounds: number, warmupPasses = 1): Latency[] {
  const refreshes = timed.map((t) => (typeof t === "function" ? undefined : t.refresh));
  const decideBatches = timed.map((t) => (typeof t === "function" ? t : t.decide));
  decideBatches.forEach((decideBatch, e) => {
    for (let w = 0; w < warmupPasses; w++) {
      for (let s = 0; s < count; s += BATCH) {
        refreshes[e]?.(s, Math.min(count, s + BATCH));
        decideBatch(s, Math.min(count, s + BATCH));
      }
    }
  });
  const acc = decideBatches.map(() => ({ samples: [] as number[], total: 0, decisions: 0 }));
  for (let round = 0; round < rounds; round++) {
    decideBatches.forEach((decideBatch, e) => {
      const refresh = refreshes[e];
      const a = acc[e]!;
      const turnStarted = performance.now();
      const turnDecisions = a.decisions;
      do {
        for (let s = 0; s < count; s += BATCH) {
          const end = Math.min(count, s + BATCH);
          refresh?.(s, end);
          const t = performance.now();
          decideBatch(s, end);
          const dt = performance.now() - t;
          a.samples.push((dt * 1000) / (end - s));
          a.total += dt;
          a.decisions += end - s;
          if (performance.now() - turnStarted > budgetMs / rounds && a.decisions - turnDecisions >= BATCH * 4) break;
        }
      } while (performance.now() - turnStarted < budgetMs / rounds);
    });
  }
  return acc.map(({ samples, total, decisions }) => {
    samples.sort((x, y) => x - y);
    const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    return { medianUs: at(0.5), p99Us: at(0.99), perSecond: (decisions * 1000) / total, decisions };
  });
}

let gcEvents = 0;
/** Where results go so that no call can be optimized away. */
export let sink: unknown;
const observer = new PerformanceObserver((list) => (gcEvents += list.getEntries().length));
observer.observe({ entryTypes: ["gc"] });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** JS heap bytes allocated per decision of `decideOne(i)` over up to `count` requests (see above); undefined if not measurable. */
export async function measureAllocations(decideOne: (i: number) => unknown, count: number): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let n = count;
  while (n >= 16) {
    gc?.();
    await settle();
    const before = gcEvents;
    const heapBefore = getHeapStatistics().used_heap_size;
    for (let i = 0; i < n; i++) sink = decideOne(i);
    const heapAfter = getHeapStatistics().used_heap_size;
    await settle();
    if (gcEvents === before) return Math.max(0, heapAfter - heapBefore) / n;
    n = Math.floor(n / 2);
  }
  return undefined;
}

export function observerDone(): void {
  observer.disconnect();
}
