// The per-authorizer scratch state of one decision: context values by slot, ambiguity marks and a
// memo of node results, all stamped with a generation number so nothing is cleared or allocated
// per request. INVARIANT: decide() is not re-entrant (JS is single-threaded; closures never call it).
import type { RequestValue, Tri } from "../conditions/answer.js";
import type { SeenValue } from "../explain/explanation.js";

export type { Tri } from "../conditions/answer.js";

export type ContextValue = RequestValue;

export class EvalState {
  gen = 0;
  /** `slotGen[s] === gen` when slot `s` has a value (a string or a non-empty array) in this request. */
  readonly slotGen: Int32Array;
  /** `seenGen[s] === gen` when some context entry names slot `s` (even with an empty array). */
  readonly seenGen: Int32Array;
  /** `ambiguousGen[s] === gen` when two context entries differ only in case (A18). */
  readonly ambiguousGen: Int32Array;
  readonly slotValue: (ContextValue | undefined)[];
  /** `nodeGen[n] === gen` when node `n` was evaluated in this request (hash-consed nodes run once). */
  readonly nodeGen: Int32Array;
  readonly nodeValue: Uint8Array;
  /** `principalGen[p] === gen` when principal test `p` ran for this request's caller; `principalValue[p]` its bits. */
  readonly principalGen: Int32Array;
  readonly principalValue: Uint8Array;
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
    this.nodeGen = new Int32Array(nodes);
    this.nodeValue = new Uint8Array(nodes);
    // PERF: a per-request memo, not a per-caller array: a new caller (every distinct session) would
    // otherwise allocate and fill one entry per principal node of the whole organisation.
    this.principalGen = new Int32Array(principals);
    this.principalValue = new Uint8Array(principals);
  }

  /** Starts a new request (or a new check of an operation). */
  begin(resource: string): void {
    if (this.gen === 0x7ffffffe) {
      this.gen = 0;
      this.slotGen.fill(0);
      this.seenGen.fill(0);
      this.ambiguousGen.fill(0);
      this.nodeGen.fill(0);
      this.principalGen.fill(0);
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
    if (st.nodeGen[id] === st.gen) return st.nodeValue[id] as Tri;
    const value = test(st);
    st.nodeGen[id] = st.gen;
    st.nodeValue[id] = value;
    return value;
  };
}
