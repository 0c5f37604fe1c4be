// Shares decision objects: the same outcome with the same reasons is one frozen Decision. PERF: a
// repeated Allow or ExplicitDeny allocates nothing. Reasons of compiled statements carry an integer
// id: up to ID_KEY_LENGTH of them are found in a fixed table hashed on the ids, which keeps the ids
// inline (one slot read, no Reason object read; the reasons are read only to build a new
// decision); other reasons (the layers' own, longer lists) through a trie keyed by the (already
// shared) Reason objects. Bounded: the table has a fixed size (a collision replaces the slot), the
// trie is dropped when it grows past a limit.
import type { Decision, DecisionKind, Reason } from "../contracts.js";

interface TrieNode {
  next: Map<Reason, TrieNode> | undefined;
  decisions: Partial<Record<DecisionKind, Decision>>;
}

const LIMIT = 10_000;
/** Slots of the id table (a power of two). */
const TABLE_SIZE = 1 << 13;
/** The longest list of reason ids the table keeps inline. */
export const ID_KEY_LENGTH = 6;
/** Int32 entries per slot in `keys`: `count * 4 + KIND_TAG[kind]` (-1: empty), then the ids. */
const KEY_STRIDE = 1 + ID_KEY_LENGTH;
const KIND_TAG: Readonly<Record<DecisionKind, number>> = { Allow: 1, ExplicitDeny: 2, ImplicitDeny: 3 };

export class DecisionCache {
  private root: TrieNode = { next: undefined, decisions: {} };
  private size = 0;
  private readonly table: (Decision | undefined)[] = new Array<Decision | undefined>(TABLE_SIZE).fill(undefined);
  private readonly keys = new Int32Array(TABLE_SIZE * KEY_STRIDE).fill(-1);

  /** The frozen decision `kind` with `reasons[0, count)`. */
  get(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
    let node = this.root;
    for (let i = 0; i < count; i++) {
      const reason = reasons[i]!;
      let child = node.next?.get(reason);
      if (child === undefined) {
        if (this.size >= LIMIT) return this.reset(kind, reasons, count);
        child = { next: undefined, decisions: {} };
        (node.next ??= new Map()).set(reason, child);
        this.size++;
      }
      node = child;
    }
    return (node.decisions[kind] ??= freeze(kind, reasons, count));
  }

  /**
   * The same, when every reason `i` is `reasonOf(ids[i])` (one id per distinct Reason object) and
   * `count <= ID_KEY_LENGTH`; the reasons are read only when the decision is new.
   */
  getById(kind: DecisionKind, ids: readonly number[], count: number, reasonOf: (id: number) => Reason): Decision {
    const tag = count * 4 + KIND_TAG[kind];
    let h = Math.imul(tag, 0x9e3779b1);
    for (let i = 0; i < count; i++) h = Math.imul(h ^ ids[i]!, 0x01000193);
    const at = (h ^ (h >>> 15)) & (TABLE_SIZE - 1);
    const keys = this.keys;
    const k = at * KEY_STRIDE;
    const found = this.table[at];
    if (found !== undefined && keys[k] === tag && sameIds(keys, k + 1, ids, count)) return found;
    const reasons: Reason[] = [];
    for (let i = 0; i < count; i++) reasons.push(reasonOf(ids[i]!));
    keys[k] = tag;
    for (let i = 0; i < count; i++) keys[k + 1 + i] = ids[i]!;
    return (this.table[at] = freeze(kind, reasons, count));
  }

  private reset(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
    this.root = { next: undefined, decisions: {} };
    this.size = 0;
    return this.get(kind, reasons, count);
  }
}

function sameIds(keys: Int32Array, from: number, ids: readonly number[], count: number): boolean {
  for (let i = 0; i < count; i++) if (keys[from + i] !== ids[i]) return false;
  return true;
}

function freeze(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
  return Object.freeze({ decision: kind, reasons: Object.freeze(reasons.slice(0, count)) });
}
