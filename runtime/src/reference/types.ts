// The reference evaluator's own view of the public formats (DESIGN §2). Restated here, not imported,
// so the oracle shares no code with the rest of the project; structurally compatible with
// runtime/src/contracts.ts (a test checks that both directions type-check).

/** A JSON value as `JSON.parse` returns it: the only form in which the oracle reads policies. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** One authorization check (DESIGN §2). Context values are strings or arrays of strings. */
export interface ReferenceRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** Several checks that must all allow (spec §5.5, docs/request-model.md "Operations"). */
export interface ReferenceOperation {
  readonly operation: string;
  readonly checks: readonly ReferenceRequest[];
}

/** A statement that decided: bundle location, index in `Statement`, Sid, effect, and the rule. */
export interface ReferenceReason {
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  /** "deny", "key-direct", "key-account", "identity", "grant" or "no-allow" (a ceiling without an applicable Allow). */
  readonly path?: string;
  /** The layer of a reason from docs/semantics/: "scp", "rcp", "boundary", "session", "endpoint", "grant". Key-policy and identity reasons carry none. */
  readonly layer?: string;
}

export type ReferenceDecisionKind = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export interface ReferenceDecision {
  readonly decision: ReferenceDecisionKind;
  readonly reasons: readonly ReferenceReason[];
}

/** A request the oracle cannot decide; codes KR0001–KR0013 (docs/request-model.md "Errors"). */
export interface ReferenceError {
  readonly error: { readonly code: string; readonly message: string };
}

export type ReferenceResult = ReferenceDecision | ReferenceError;

/**
 * The bundle with inline policy documents (plain JSON values; paths are resolved by the CLI). The
 * layer members (docs/request-model.md "Layers") are read as plain JSON too: `keys[ARN].grants`,
 * `keys[ARN].awsManaged`, `principals[ARN].boundary` / `sessionPolicies` / `federatedBy`,
 * `organization`, `endpoints`.
 */
export interface ReferenceBundle {
  readonly keys?: Readonly<Record<string, { readonly policy: unknown; readonly grants?: readonly unknown[]; readonly awsManaged?: boolean }>>;
  readonly principals?: Readonly<Record<string, {
    readonly policies?: readonly unknown[]; readonly boundary?: unknown; readonly sessionPolicies?: readonly unknown[]; readonly federatedBy?: string;
  }>>;
  readonly organization?: unknown;
  readonly endpoints?: Readonly<Record<string, { readonly policy: unknown; readonly vpc?: string }>>;
}

/** The effect a statement is read with. Anything but exactly "Allow" is read as "Deny" (fail closed). */
export type Effect = "Allow" | "Deny";

/**
 * Which kind of policy a statement sits in: it changes Principal and Resource rules (spec §1.9).
 * "resource": an RCP or a VPC endpoint policy (docs/semantics/rcp.md §5, vpc-endpoint-policy.md §4):
 * a Principal is read, Resource patterns are matched like an identity policy's.
 */
export type PolicyKind = "key" | "identity" | "resource";

/** A test of a statement, in the order of docs/explain.md: action, principal (key policies), resource, conditions. */
export type ReferenceTest =
  | { readonly kind: "action" }
  | { readonly kind: "principal" }
  | { readonly kind: "resource" }
  | { readonly kind: "condition"; readonly operator: string; readonly key: string };

/** What a test saw in the request (docs/explain.md). */
export type ReferenceSeen =
  | { readonly kind: "values"; readonly values: readonly string[] }
  | { readonly kind: "absent" }
  | { readonly kind: "ambiguous" };

/** An Allow statement that came closest to applying (docs/explain.md). */
export interface ReferenceClosest {
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly passed: number;
  readonly tests: number;
  readonly failed?: { readonly test: ReferenceTest; readonly seen: ReferenceSeen };
}

/** The oracle's explanation of one check (docs/explain.md). */
export interface ReferenceExplanation {
  readonly decision: ReferenceDecisionKind;
  readonly reasons: readonly ReferenceReason[];
  readonly closest?: { readonly key: readonly ReferenceClosest[]; readonly identity: readonly ReferenceClosest[] };
}

export type ReferenceExplanationResult =
  | ReferenceExplanation
  | { readonly decision: ReferenceDecisionKind; readonly checks: readonly ReferenceExplanation[] }
  | ReferenceError;
