// Operations that need several authorizations (spec §5.5, docs/request-model.md): decided as the
// worst of their checks. Shared by the graph and Cedar authorizers (the reference has its own).
import type { Decision, DecisionError, DecisionKind, DecisionResult, Reason, Request } from "./contracts.js";

/** An operation that needs several authorizations (spec §5.5); decided as the worst of its checks. */
export interface Operation {
  readonly operation: string;
  readonly checks: readonly Request[];
}

const SEVERITY: Readonly<Record<DecisionKind, number>> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

/** An operation without checks: a request error (KR0007). */
const NO_CHECKS: DecisionError = Object.freeze({
  error: Object.freeze({ code: "KR0007", message: "malformed request: an operation needs a non-empty `checks` array" }),
});

/** The worst decision of a non-empty list: ExplicitDeny > ImplicitDeny > Allow (spec §5.5). */
export function worstDecision(items: readonly { readonly decision: DecisionKind }[]): DecisionKind {
  return items.reduce<DecisionKind>((w, r) => (SEVERITY[r.decision] > SEVERITY[w] ? r.decision : w), items[0]!.decision);
}

/**
 * The worst of the checks (ExplicitDeny > ImplicitDeny > Allow) with the reasons of the checks that
 * have it, each statement named once; an undecidable check makes the operation undecidable.
 */
export function decideOperation(op: Operation, decideOne: (request: Request) => DecisionResult): DecisionResult {
  const results = eachCheck<Decision>(op, decideOne);
  if (!Array.isArray(results)) return results;
  const worst = worstDecision(results);
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    if (result.decision !== worst) continue;
    for (const reason of result.reasons) {
      const id = `${reason.policy}#${reason.statement}`;
      if (!seen.has(id)) seen.add(id), reasons.push(reason);
    }
  }
  return { decision: worst, reasons };
}

/** Each check's answer in order, or the operation's error: KR0007 without checks, else the first undecidable check's. */
export function eachCheck<T extends object>(op: Operation, one: (request: Request) => T | DecisionError): T[] | DecisionError {
  if (!Array.isArray(op.checks) || op.checks.length === 0) return NO_CHECKS;
  const answers: T[] = [];
  for (const check of op.checks) {
    const answer = one(check);
    if ("error" in answer) return answer;
    answers.push(answer);
  }
  return answers;
}
