// What the engines are compared on (docs/request-model.md "Reasons"): the three-valued decision,
// for ExplicitDeny the set of Deny statements (policy + statement index), and for a request no
// engine can decide, the error code. The judge itself is the compiler front door's decisionsAgree.
// Phase: conformance harness.
import { decisionsAgree, denyStatements } from "@kms-cedar/compiler/api";
import type { DecisionResult } from "@kms-cedar/runtime";

export type OutcomeKind = "Allow" | "ExplicitDeny" | "ImplicitDeny" | "error";

/** The kind of a result: a decision or `error`. */
export function outcomeKind(result: DecisionResult): OutcomeKind {
  return "error" in result ? "error" : result.decision;
}

/** A short, comparable text: `Allow`, `ImplicitDeny`, `ExplicitDeny [p#i, …]`, `error KR0004`. */
export function outcomeText(result: DecisionResult): string {
  if ("error" in result) return `error ${result.error.code}`;
  if (result.decision !== "ExplicitDeny") return result.decision;
  return `ExplicitDeny [${denyStatements(result).join(", ")}]`;
}

/** Whether two results are the same answer: the one judge, shared with `kms-cedar eval --engine all`. */
export const sameOutcome = decisionsAgree;

/** Decides with an engine, turning a thrown exception into an error entry (code `throw`). */
export function safeDecide(decide: (r: unknown) => DecisionResult, request: unknown): DecisionResult {
  try {
    return decide(request);
  } catch (e) {
    return { error: { code: "throw", message: e instanceof Error ? e.message : String(e) } };
  }
}
