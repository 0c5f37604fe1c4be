// The per-authorizer scratch state of one decision: context values by slot, ambiguity marks and a
// memo of node results, all stamped with a generation number so nothing is cleared or allocated
// per request. INVARIANT: decide() is not re-entrant (JS is single-threaded; closures never call it).
import type { RequestValue, Tri } from "../conditions/answer.js";
import type { SeenValue } from "../explain/explanation.js";

export type { Tri } from "../conditions/answer.js";

export type ContextValue = RequestValue;

/**
 * The generation number wraps before this, so that a memo stamp `gen * 4 + value` (value < 4) fits
 * an Int32Array entry. PERF: one stamp per memo entry is one memory read, where a generation and a
 * value in two arrays were two (at organisation scale, two cache misses).
 */
const GEN_LIMIT = (1 << 29) - 1;

export class EvalState {
  gen = 0;
  /** `slotGen[s] === gen` when slot `s` has a value (a string or a non-empty array) in this request. */
  readonly slotGen: Int32Array;
  /** `seenGen[s] === gen` when some context entry names slot `s` (even with an empty array). */
  readonly seenGen: Int32Array;
  /** `ambiguousGen[s] === gen` when two context entries differ only in case (A18). */
  readonly ambiguousGen: Int32Array;
  readonly slotValue: (ContextValue | undefined)[];
  /** `nodeStamp[n] >>> 2 === gen` when node `n` was evaluated in this request (hash-consed nodes run once); `& 3` is its answer. */
  readonly nodeStamp: Int32Array;
  /** `principalStamp[p] >>> 2 === gen` when principal test `p` ran for this request's caller; `& 3` is its bits. */
  readonly principalStamp: Int32Array;
  /** The request resource string. */
  resource = "";
  /** The caller's partition and account (empty for a service): what the request resource `*` stands for. */
  callerPartition = "";
  callerAccount = "";

  constructor(slots: number, nodes: number, principals = 0) {
    this.slotGen = new Int32Array(slots);
    this.seenGen = new Int32Array(slots);
    this.ambiguousGen = new Int32Array(slots);
    this.slotValue = new Array<ContextValue | undefined>(slots).fill(undefined);
    this.nodeStamp = new Int32Array(nodes);
    // PERF: a per-request memo, not a per-caller array: a new caller (every distinct session) would
    // otherwise allocate and fill one entry per principal node of the whole organisation.
    this.principalStamp = new Int32Array(principals);
  }

  /** Starts a new request (or a new check of an operation). */
  begin(resource: string): void {
    if (this.gen === GEN_LIMIT) {
      this.gen = 0;
      this.slotGen.fill(0);
      this.seenGen.fill(0);
      this.ambiguousGen.fill(0);
      this.nodeStamp.fill(0);
      this.principalStamp.fill(0);
    }
    this.gen++;
    this.resource = resource;
    this.callerPartition = "";
    this.callerAccount = "";
  }

  /** Whether the slot has a value (an empty array is an absent key, spec §3.2). */
  has(slot: number): boolean {
    return this.slotGen[slot] === this.gen;
  }

  isAmbiguous(slot: number): boolean {
    return this.ambiguousGen[slot] === this.gen;
  }

  /** What a condition test saw in a slot (no slot: a key the request never gives), for explanations. */
  seen(slot: number | undefined): SeenValue {
    if (slot === undefined) return { kind: "absent" };
    if (this.isAmbiguous(slot)) return { kind: "ambiguous" };
    if (!this.has(slot)) return { kind: "absent" };
    const value = this.slotValue[slot]!;
    return { kind: "values", values: typeof value === "string" ? [value] : [...new Set(value)] };
  }
}

/**
 * Wraps node `id`'s test so it runs at most once per request: a hash-consed node shared by several
 * statements answers from the memo after its first run (DESIGN §5).
 */
export function memoizeNode(id: number, test: (st: EvalState) => Tri): (st: EvalState) => Tri {
  return (st) => {
    const stamp = st.nodeStamp[id]!;
    if (stamp >>> 2 === st.gen) return (stamp & 3) as Tri;
    const value = test(st);
    st.nodeStamp[id] = st.gen * 4 + value;
    return value;
  };
}
