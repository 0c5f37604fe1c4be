// Shares decision objects: the same outcome with the same reasons is one frozen Decision, found
// through a trie keyed by the (already shared) Reason objects. PERF: a repeated Allow or
// ExplicitDeny allocates nothing. Bounded: the trie is dropped when it grows past a limit.
import type { Decision, DecisionKind, Reason } from "../contracts.js";

interface TrieNode {
  next: Map<Reason, TrieNode> | undefined;
  decisions: Partial<Record<DecisionKind, Decision>>;
}

const LIMIT = 10_000;

export class DecisionCache {
  private root: TrieNode = { next: undefined, decisions: {} };
  private size = 0;

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
    return (node.decisions[kind] ??= Object.freeze({ decision: kind, reasons: Object.freeze(reasons.slice(0, count)) }));
  }

  private reset(kind: DecisionKind, reasons: readonly Reason[], count: number): Decision {
    this.root = { next: undefined, decisions: {} };
    this.size = 0;
    return this.get(kind, reasons, count);
  }
}
