// The shared decisions of the graph evaluator (runtime/src/evaluate/decision-cache.ts): whatever the
// table keeps, a decision always has the asked kind and exactly the asked reasons, in order; a
// repeated one is the same frozen object; and the table stays a fixed size (collisions replace).
import { describe, expect, it } from "vitest";
import type { DecisionKind, Reason } from "@kms-cedar/runtime";
import { DecisionCache, ID_KEY_LENGTH } from "../../src/evaluate/decision-cache.js";

const reasonOf = (id: number): Reason => REASONS[id]!;
const REASONS: Reason[] = Array.from({ length: 5000 }, (_, id) => Object.freeze({ policy: `keys[k${id >> 2}]`, statement: id & 3, effect: "Allow", path: "key-direct" }) as Reason);
const KINDS: DecisionKind[] = ["Allow", "ExplicitDeny", "ImplicitDeny"];

describe("DecisionCache by ids", () => {
  it("shares a repeated decision and tells kinds and orders apart", () => {
    const cache = new DecisionCache();
    const a = cache.getById("Allow", [4, 9], 2, reasonOf);
    expect(cache.getById("Allow", [4, 9], 2, reasonOf)).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.reasons)).toBe(true);
    const deny = cache.getById("ExplicitDeny", [4, 9], 2, reasonOf);
    expect(deny.decision).toBe("ExplicitDeny");
    expect(cache.getById("Allow", [9, 4], 2, reasonOf).reasons).toEqual([REASONS[9], REASONS[4]]);
    // Only the first `count` ids count.
    expect(cache.getById("Allow", [4, 9, 17], 2, reasonOf)).toBe(cache.getById("Allow", [4, 9], 2, reasonOf));
    expect(cache.getById("Allow", [4], 1, reasonOf).reasons).toEqual([REASONS[4]]);
  });

  it("answers exactly for many more distinct decisions than the table has slots", () => {
    const cache = new DecisionCache();
    let state = 14;
    const next = (n: number): number => ((state = Math.imul(state ^ (state >>> 13), 0x5bd1e995) >>> 0), state % n);
    for (let round = 0; round < 40_000; round++) {
      const count = next(ID_KEY_LENGTH + 1);
      const ids = Array.from({ length: count }, () => next(REASONS.length));
      const kind = KINDS[next(3)]!;
      const d = cache.getById(kind, ids, count, reasonOf);
      expect(d.decision).toBe(kind);
      expect(d.reasons.length).toBe(count);
      for (let i = 0; i < count; i++) if (d.reasons[i] !== REASONS[ids[i]!]) expect.fail(`round ${round}: reason ${i}`);
    }
  });

  it("tells apart lists that differ in one id only, whichever position (slots collide by the thousand)", () => {
    // 5,000 lists into 8,192 slots: about a thousand land on a slot held by a list equal but for one
    // id, so a table comparing fewer ids than it keeps would answer with the other list's reasons.
    for (let position = 0; position < ID_KEY_LENGTH; position++) {
      const cache = new DecisionCache();
      const listOf = (id: number): number[] => Array.from({ length: ID_KEY_LENGTH }, (_, i) => (i === position ? id : 4999 - i));
      let wrong = 0;
      for (let pass = 0; pass < 2; pass++) {
        for (let id = 0; id < REASONS.length; id++) {
          const d = cache.getById("Allow", listOf(id), ID_KEY_LENGTH, reasonOf);
          if (d.reasons[position] !== REASONS[id]) wrong++;
        }
      }
      expect(`position ${position}: ${wrong} wrong`).toBe(`position ${position}: 0 wrong`);
    }
  });

  it("the trie keyed by Reason objects answers the same way", () => {
    const cache = new DecisionCache();
    const reasons = [REASONS[1]!, REASONS[2]!, REASONS[3]!];
    const d = cache.get("Allow", reasons, 3);
    expect(cache.get("Allow", [...reasons], 3)).toBe(d);
    expect(d.reasons).toEqual(reasons);
    expect(cache.get("ExplicitDeny", reasons, 2).reasons).toEqual(reasons.slice(0, 2));
  });
});
