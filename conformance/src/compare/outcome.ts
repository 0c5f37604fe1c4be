// What the engines are compared on (docs/request-model.md "Reasons"): the three-valued decision,
// for ExplicitDeny the set of Deny statements (policy + statement index), and for a request no
// engine can decide, the error code. Phase: conformance harness.
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
  return `ExplicitDeny [${denySet(result).join(", ")}]`;
}

/** The Deny statements named by an ExplicitDeny, as sorted `policy#index` strings. */
export function denySet(result: DecisionResult): string[] {
  if ("error" in result) return [];
  return [...new Set(result.reasons.filter((r) => r.effect === "Deny").map((r) => `${r.policy}#${r.statement}`))].sort();
}

export interface CompareOptions {
  /** Compare the Deny statements of an ExplicitDeny too (default true). */
  readonly denyStatements?: boolean;
}

/** Whether two results are the same answer. */
export function sameOutcome(a: DecisionResult, b: DecisionResult, options: CompareOptions = {}): boolean {
  if ("error" in a || "error" in b) return "error" in a && "error" in b && a.error.code === b.error.code;
  if (a.decision !== b.decision) return false;
  if (a.decision !== "ExplicitDeny" || options.denyStatements === false) return true;
  const left = denySet(a);
  const right = denySet(b);
  return left.length === right.length && left.every((x, i) => x === right[i]);
}

/** Decides with an engine, turning a thrown exception into an error entry (code `throw`). */
export function safeDecide(decide: (r: unknown) => DecisionResult, request: unknown): DecisionResult {
  try {
    return decide(request);
  } catch (e) {
    return { error: { code: "throw", message: e instanceof Error ? e.message : String(e) } };
  }
}
