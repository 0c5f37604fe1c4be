// The public request and decision formats (DESIGN.md §2). Every engine — reference, graph,
// Cedar — reads the same Request and answers with the same Decision shape.
import type { Span } from "./span.js";

/** One authorization check. Context values are strings or arrays of strings, as IAM sees them. */
export interface Request {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export type DecisionKind = "Allow" | "ExplicitDeny" | "ImplicitDeny";

/** A statement that decided: where it is (bundle location), its Sid, effect and source span. */
export interface Reason {
  readonly policy: string;
  /** Index of the statement in the policy's `Statement` array (0 when it is a single object). */
  readonly statement: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly span?: Span;
  /** Which rule produced it, for explanations: "deny", "key-direct", "key-account", "identity", "gate", "grant", "no-allow". */
  readonly path?: string;
  /** The layer of docs/semantics/ that produced it ("scp", "rcp", "boundary", "session", "endpoint", "grant"); absent for key and identity policies. */
  readonly layer?: string;
}

export interface Decision {
  readonly decision: DecisionKind;
  readonly reasons: readonly Reason[];
}

/** A request the engine cannot decide: never a decision, never an Allow. */
export interface DecisionError {
  readonly error: { readonly code: string; readonly message: string };
}

export type DecisionResult = Decision | DecisionError;

export function isDecisionError(result: DecisionResult): result is DecisionError {
  return "error" in result;
}

/**
 * A bundle: key policies by key ARN, identity policies by principal ARN (DESIGN §2), and optionally the
 * layers of the authorization chain (docs/request-model.md "Layers"; only the reference evaluator decides
 * them so far: the compiler refuses a bundle that uses one, KC2960).
 */
export interface Bundle<Policy = unknown> {
  readonly keys?: Readonly<Record<string, { readonly policy: Policy; readonly grants?: readonly unknown[]; readonly awsManaged?: boolean }>>;
  readonly principals?: Readonly<Record<string, {
    readonly policies: readonly Policy[]; readonly boundary?: Policy; readonly sessionPolicies?: readonly Policy[]; readonly federatedBy?: string;
  }>>;
  readonly organization?: unknown;
  readonly endpoints?: Readonly<Record<string, { readonly policy: Policy; readonly vpc?: string }>>;
}
