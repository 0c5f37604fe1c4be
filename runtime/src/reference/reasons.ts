// Reasons (docs/request-model.md "Reasons"): which statements decided, named by bundle location,
// statement index, Sid, effect and the rule that used them.

import type { PolicyView, StatementView } from "./policy.js";
import type { ReferenceReason } from "./types.js";

/** The rule a statement served: "deny", "key-direct", "key-account" or "identity". */
export type ReasonPath = "deny" | "key-direct" | "key-account" | "identity";

/** A statement together with the policy it sits in. */
export interface Found {
  readonly policy: PolicyView;
  readonly statement: StatementView;
}

/** The reason naming one statement. */
export function reasonOf(found: Found, path: ReasonPath): ReferenceReason {
  const { policy, statement } = found;
  const reason = { policy: policy.location, statement: statement.index, effect: statement.effect, path };
  return statement.sid === undefined ? reason : { ...reason, sid: statement.sid };
}

/** Concatenates reason lists, keeping the first reason of each (policy, statement) pair. */
export function uniqueReasons(...lists: ReadonlyArray<readonly ReferenceReason[]>): ReferenceReason[] {
  const seen = new Set<string>();
  const out: ReferenceReason[] = [];
  for (const reason of lists.flat()) {
    const id = `${reason.statement} ${reason.policy}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(reason);
  }
  return out;
}
