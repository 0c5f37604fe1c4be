// The authored side of a golden case folder (compiler/test/golden/<case>/requests.json) and how
// engines' answers are compared with it; shared by the graph and the Cedar golden tests.
import type { DecisionResult, Request } from "@kms-cedar/runtime";

/** One authored expectation: a request (or operation) and what the spec says it decides. */
export interface Expectation {
  readonly description: string;
  readonly request: Request | { operation: string; checks: Request[] };
  /** `Allow`, `ExplicitDeny`, `ImplicitDeny`, or an error code `KR000n`. */
  readonly expect: string;
  /** For ExplicitDeny: the deny statements, as `location#index`. */
  readonly denies?: readonly string[];
}

/** The decision, or the error code of an undecidable request. */
export function outcome(result: DecisionResult): string {
  return "error" in result ? result.error.code : result.decision;
}

/** The statements a decision names, as sorted `location#index`. */
export function statements(result: DecisionResult): string[] {
  return "error" in result ? [] : result.reasons.map((r) => `${r.policy}#${r.statement}`).sort();
}
