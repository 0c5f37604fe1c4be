// The graph evaluator's request-string cache (runtime/src/evaluate/string-cache.ts): what is kept is
// found again, a key is never answered with another key's value, and a lookup compares a bounded
// number of entries whatever the keys (keys built to share the sampled characters included).
import { describe, expect, it } from "vitest";
import { StringCache } from "../../src/evaluate/string-cache.js";

/** Keys that agree on every character the hash samples (length, last six, the 21st and 24th): they differ in the middle only. */
function colliding(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `arn:aws:sts::111122223333:assumed-role/${String(i).padStart(6, "0")}/session-1`);
}

describe("StringCache", () => {
  it("finds what it keeps, by content (a new string with the same characters finds it)", () => {
    const c = new StringCache<number>(8);
    const key = ["arn:aws:kms:us-east-1:111122223333:key/", "0000aaaa-0000-0000-0000-000000000000"].join("");
    c.set(key, 7);
    expect(c.get(JSON.parse(JSON.stringify(key)) as string)).toBe(7);
    expect(c.get(`${key}x`)).toBeUndefined();
    c.set(key, 8);
    expect(c.get(key)).toBe(8);
  });

  it("keeps null values apart from absent ones", () => {
    const c = new StringCache<number | null>(4);
    c.set("not-an-arn", null);
    expect(c.get("not-an-arn")).toBeNull();
    expect(c.get("other")).toBeUndefined();
  });

  it("never answers a key with another key's value, under heavy collision and eviction", () => {
    const c = new StringCache<string>(6);
    const keys = [...colliding(300), ...Array.from({ length: 300 }, (_, i) => `key-${i}-${"x".repeat(i % 40)}`)];
    for (let round = 0; round < 3; round++) {
      for (const k of keys) {
        const got = c.get(k);
        if (got !== undefined) expect(got).toBe(k);
        else c.set(k, k);
      }
    }
    // Prototype names are plain keys.
    c.set("__proto__", "__proto__");
    expect(c.get("__proto__")).toBe("__proto__");
    expect(c.get("constructor")).toBeUndefined();
  });

  it("keeps the recent keys of a neighbourhood that overflows (a lost entry is only computed again)", () => {
    const c = new StringCache<number>(10);
    const keys = colliding(64);
    keys.forEach((k, i) => c.set(k, i));
    const last = keys[keys.length - 1]!;
    expect(c.get(last)).toBe(keys.length - 1);
    const kept = keys.filter((k) => c.get(k) !== undefined).length;
    // All 64 share one neighbourhood of PROBES (4) slots: at most 4 are kept.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(4);
  });

  it("starts small and grows with use, up to its bound", () => {
    const c = new StringCache<number>(10);
    expect(c.capacity).toBe(64);
    const keys = Array.from({ length: 5000 }, (_, i) => `arn:aws:kms:us-east-1:111122223333:key/${i}`);
    keys.slice(0, 8).forEach((k, i) => c.set(k, i));
    expect(c.capacity).toBe(64);
    expect(keys.slice(0, 8).every((k, i) => c.get(k) === i)).toBe(true);
    keys.forEach((k, i) => c.set(k, i));
    expect(c.capacity).toBe(1024);
    expect(c.get(keys[keys.length - 1]!)).toBe(keys.length - 1);
  });

  it("keeps 4,096 distinct sessions in 2^14 slots with few losses", () => {
    const c = new StringCache<number>(14);
    const keys = Array.from({ length: 4096 }, (_, i) => `arn:aws:sts::111122223333:assumed-role/App/session-${i}`);
    keys.forEach((k, i) => c.set(k, i));
    const lost = keys.filter((k, i) => c.get(k) !== i).length;
    expect(lost).toBeLessThan(41); // under 1%
  });
});
