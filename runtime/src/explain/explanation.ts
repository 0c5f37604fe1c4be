// The explanation of a decision (docs/explain.md): engine-independent data that every engine —
// reference, graph, Cedar — computes on its own, so that the law `explanations_agree` can compare
// them. Spans are presentation only (the reference reads plain JSON and has none): the law ignores them.
import type { DecisionKind, Reason } from "../contracts.js";
import type { Span } from "../span.js";

/**
 * A test of a statement, in the fixed order every engine uses: `action`, `principal` (key policies
 * only), `resource`, then one `condition` per condition key under each operator, in source order.
 */
export type ExplainedTest =
  | { readonly kind: "action" }
  | { readonly kind: "principal" }
  | { readonly kind: "resource" }
  /** `operator` as written (`ForAnyValue:StringLike`), `key` lower-cased. */
  | { readonly kind: "condition"; readonly operator: string; readonly key: string };

/**
 * The request value a test saw: the request's action, principal or resource, or the condition key's
 * distinct values in the order given (keys AWS derives from the caller included); `absent` for a key
 * the request does not carry (or an empty list); `ambiguous` when two context entries differ only
 * in letter case, or a session's role path is unknown.
 */
export type SeenValue =
  | { readonly kind: "values"; readonly values: readonly string[] }
  | { readonly kind: "absent" }
  | { readonly kind: "ambiguous" };

/** The first test a statement failed, and what the request gave it. */
export interface FailedTest {
  readonly test: ExplainedTest;
  readonly seen: SeenValue;
  /** Where the test is in the policy text (graph and Cedar engines, from the compiled output). */
  readonly span?: Span;
}

/** An Allow statement that came closest to applying on one side of the KMS decision. */
export interface ClosestStatement {
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  /** How many of its tests passed before the first failure (all of them when `failed` is absent). */
  readonly passed: number;
  /** How many tests it has (`action`, `principal` in key policies, `resource`, its conditions). */
  readonly tests: number;
  /** Absent when every test passed (the statement applies; the deny came from elsewhere). */
  readonly failed?: FailedTest;
  readonly span?: Span;
}

/** The closest of one side's candidates: the applying statements if any, else those that passed the most leading tests (every engine). */
export function closestOf(candidates: readonly ClosestStatement[]): ClosestStatement[] {
  const applying = candidates.filter((c) => c.failed === undefined);
  if (applying.length > 0) return applying;
  const best = candidates.reduce((m, c) => Math.max(m, c.passed), -1);
  return candidates.filter((c) => c.passed === best);
}

/** An explained decision of one request (a check). */
export interface Explanation {
  readonly decision: DecisionKind;
  /**
   * Allow: every statement that contributed, with its `path` (`key-direct`, `key-account`,
   * `identity`); ExplicitDeny: every Deny statement that applied. Empty for ImplicitDeny.
   */
  readonly reasons: readonly Reason[];
  /**
   * ImplicitDeny only: for each side, the Allow statements that came closest. Candidates are the
   * Allow statements whose Action matches the request (of the key policy, when it is consulted for
   * the action, and of the caller's identity policies); closest are those that passed the most
   * leading tests, ties all listed, in policy then statement order.
   */
  readonly closest?: { readonly key: readonly ClosestStatement[]; readonly identity: readonly ClosestStatement[] };
  /** What this engine could not say (never filled in from another engine). */
  readonly notes?: readonly string[];
}

/** An operation's explanation: the worst decision, and each check's explanation in order. */
export interface OperationExplanation {
  readonly decision: DecisionKind;
  readonly checks: readonly Explanation[];
}

export type ExplanationResult = Explanation | OperationExplanation | { readonly error: { readonly code: string; readonly message: string } };
