// Reasons (docs/request-model.md "Reasons"): which statements decided, named by bundle location,
// statement index, Sid, effect and the rule that used them.

import type { PolicyView, StatementView } from "./policy.js";
import type { ReferenceReason } from "./types.js";

/** The rule a statement served: "deny", "key-direct", "key-account", "identity", or "ceiling" (a ceiling's Allow). */
export type ReasonPath = "deny" | "key-direct" | "key-account" | "identity" | "ceiling";

/** The layers of docs/semantics/ (key-policy and identity reasons carry no layer). */
export type Layer = "scp" | "rcp" | "boundary" | "session" | "endpoint" | "grant";

/** A statement together with the policy it sits in. */
export interface Found {
  readonly policy: PolicyView;
  readonly statement: StatementView;
}

/** The reason naming one statement. */
export function reasonOf(found: Found, path: ReasonPath, layer?: Layer): ReferenceReason {
  const { policy, statement } = found;
  const base = { policy: policy.location, statement: statement.index, effect: statement.effect, path };
  const reason = layer === undefined ? base : { ...base, layer };
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
