// Shares decision objects: the same outcome with the same reasons is one frozen Decision. PERF: a
// repeated Allow or ExplicitDeny allocates nothing. Reasons of compiled statements carry an integer
// id and are found in a fixed table hashed on the ids (one slot read, then a comparison of the
// reason pointers); other reasons (the layers' own) through a trie keyed by the (already shared)
// Reason objects. Bounded: the table has a fixed size (a collision replaces the slot), the trie is
// dropped when it grows past a limit.
import type { Decision, DecisionKind, Reason } from "../contracts.js";

interface TrieNode {
  next: Map<Reason, TrieNode> | undefined;
  decisions: Partial<Record<DecisionKind, Decision>>;
}

const LIMIT = 10_000;
/** Slots of the id table (a power of two). */
const TABLE_SIZE = 1 << 13;

export class DecisionCache {
  private root: TrieNode = { next: undefined, decisions: {} };
  private size = 0;
  private readonly table: (Decision | undefined)[] = new Array<Decision | undefined>(TABLE_SIZE).fill(undefined);

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

  /** The same, when every reason `i` has the id `ids[i]` (one id per distinct Reason object). */
  getById(kind: DecisionKind, reasons: readonly Reason[], ids: readonly number[], count: number): Decision {
    let h = kind === "Allow" ? 0x9e3779b1 : 0x85ebca6b;
    for (let i = 0; i < count; i++) h = Math.imul(h ^ ids[i]!, 0x01000193);
    const at = (h ^ (h >>> 15)) & (TABLE_SIZE - 1);
    const found = this.table[at];
    if (found !== undefined && found.decision === kind && sameReasons(found.reasons, reasons, count)) return found;
    return (this.table[at] = freeze(kind, reasons, count));
  }

  private reset(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
    this.root = { next: undefined, decisions: {} };
    this.size = 0;
    return this.get(kind, reasons, count);
  }
}

function sameReasons(kept: readonly Reason[], reasons: readonly Reason[], count: number): boolean {
  if (kept.length !== count) return false;
  for (let i = 0; i < count; i++) if (kept[i] !== reasons[i]) return false;
  return true;
}

function freeze(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
  return Object.freeze({ decision: kind, reasons: Object.freeze(reasons.slice(0, count)) });
}
