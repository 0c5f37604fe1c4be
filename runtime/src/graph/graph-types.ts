// The decision graph (DESIGN §5): the IR between the compiler and every engine that decides from it
// (the graph evaluator, the Cedar emitter, DOT). Plain JSON data, versioned; read it with `readGraph`.
// Nodes are flat tests that statements refer to by index; the compiler's passes hash-cons them (one
// node per distinct test) and keep only the ones some statement uses.
import type { Span } from "../span.js";

/** The value of `format` in every graph. */
export const GRAPH_FORMAT = "kms-cedar-graph";
/** The format version this runtime reads and the compiler writes. Bump on any incompatible change. */
export const GRAPH_VERSION = 2;

/** A compiled bundle: the policies, their statements indexed by action, and the tests they share. */
export interface DecisionGraph {
  readonly format: typeof GRAPH_FORMAT;
  readonly version: typeof GRAPH_VERSION;
  /**
   * `sha256:` + hex over the canonical serialization of the other members (graph-digest.ts); set by
   * the compiler's last step, required and checked by `readGraph`. Absent only while compiling.
   */
  readonly digest?: string;
  /** The KMS actions the graph was compiled against (catalog order); a request's action must be one. */
  readonly actions: readonly GraphAction[];
  readonly policies: readonly GraphPolicy[];
  /** Key ARN (exact string) → index in `policies` of its key policy. */
  readonly keys: Readonly<Record<string, number>>;
  /** Principal ARN (exact string, as in the bundle) → indices in `policies` of its identity policies. */
  readonly principals: Readonly<Record<string, readonly number[]>>;
  /** Every test, hash-consed; statements refer to them by index. */
  readonly nodes: readonly GraphNode[];
  readonly statements: readonly GraphStatement[];
  /**
   * The layers of the authorization chain (docs/semantics/, docs/graph-format.md "Layers"): absent in a
   * graph of a bundle without them, which then decides exactly as before.
   */
  readonly layers?: GraphLayers;
  /**
   * The `AWS` values of the Principal elements of statements the compiler left out because they can match
   * no KMS action (drop-actionless-statements), sorted, each once; absent when there are none. They decide
   * nothing, but a role ARN as caller is refused when the bundle names a session of the role or the role
   * under another path anywhere (KR0012, docs/request-model.md "The caller"): graphPrincipalArns reads them.
   */
  readonly droppedPrincipals?: readonly string[];
}

/** The layer kinds of docs/semantics/ whose policies are in `policies` (grants are not policies). */
export type PolicyLayer = "scp" | "rcp" | "boundary" | "session" | "endpoint";

/**
 * Where each layer's policies and grants are, indexed the way a request looks them up: SCP and RCP
 * levels by account, boundaries and session policies by principal ARN, endpoints by id, grants by key.
 * Every map is prototype-free (keys are user data).
 */
export interface GraphLayers {
  /** The bundle's `organization`; absent when it has none (SCPs and RCPs not modelled). */
  readonly organization?: GraphOrganization;
  /** Principal ARN → its layer members (only principals that have one). */
  readonly principals: Readonly<Record<string, GraphPrincipalLayers>>;
  /** The bundle's `endpoints` (endpoint id → policy); absent when it has none (endpoints not modelled). */
  readonly endpoints?: Readonly<Record<string, GraphEndpoint>>;
  /** Key ARN → its grants and `awsManaged` (only keys that have one). */
  readonly keys: Readonly<Record<string, GraphKeyLayers>>;
}

export interface GraphOrganization {
  /** Exempt from SCPs, and its resources from RCPs (scp.md §2, rcp.md §2). */
  readonly managementAccount?: string;
  /** Account id → its path, root first, account last; an account not listed is outside the organization. */
  readonly accounts: Readonly<Record<string, readonly GraphOrgLevel[]>>;
}

export interface GraphOrgLevel {
  /** `organization[<id>]`: the root's id, the OU id or the account id. */
  readonly location: string;
  /** Indices in `policies` of the SCPs attached here; absent: FullAWSAccess only (allows all, denies nothing). */
  readonly scps?: readonly number[];
  /** Indices in `policies` of the customer RCPs attached here (RCPFullAWSAccess is implicit). */
  readonly rcps: readonly number[];
}

export interface GraphPrincipalLayers {
  /** Index in `policies` of its permissions boundary (a user or role). */
  readonly boundary?: number;
  /** Indices in `policies` of its session policies (a role session or federated user); `[]` when listed empty. */
  readonly sessionPolicies?: readonly number[];
  /** A federated user's federating IAM user (`federatedBy`). */
  readonly federatedBy?: string;
}

export interface GraphEndpoint {
  /** Index in `policies` of its endpoint policy. */
  readonly policy: number;
  /** The VPC it is in, when the bundle says: a request through it must carry that `aws:SourceVpc`. */
  readonly vpc?: string;
}

export interface GraphKeyLayers {
  /** An AWS managed key: RCPs do not apply (rcp.md §2). */
  readonly awsManaged?: true;
  readonly grants?: readonly GraphGrant[];
}

/** A KMS grant on one key (docs/semantics/grants.md): only ever allows. */
export interface GraphGrant {
  /** Unique per key; reasons name it `keys[<ARN>].grants[<name>]`. */
  readonly name: string;
  /** Grant operations without `kms:` (the 17 names of grants.md §2). */
  readonly operations: readonly string[];
  /** Exactly one of the two grantees. */
  readonly granteePrincipal?: string;
  readonly granteeServicePrincipal?: string;
  readonly retiringPrincipal?: string;
  readonly retiringServicePrincipal?: string;
  readonly constraints?: GraphGrantConstraints;
}

export interface GraphGrantConstraints {
  /** Encryption-context pairs `[key, value]`, compared exactly (grants.md §2 Our rule); at most one of the two. */
  readonly encryptionContextEquals?: readonly (readonly [string, string])[];
  readonly encryptionContextSubset?: readonly (readonly [string, string])[];
  readonly sourceArn?: string;
}

/** Where a request for this action may point (docs/request-model.md, spec §5.4). */
export type ActionTarget =
  /** A KMS key ARN. */
  | "key"
  /** No specific resource: `arn:P:kms:R:A:*` or `*` (CreateKey, ListKeys, …). */
  | "none"
  /** An alias ARN (IAM only) or a key ARN (the key half): CreateAlias, DeleteAlias, UpdateAlias. */
  | "alias";

export interface GraphAction {
  /** Canonical spelling, `kms:Decrypt`. Requests match it case-insensitively. */
  readonly name: string;
  readonly target: ActionTarget;
  /** Whether a key policy is consulted for it on a key (false for the IAM-only actions). */
  readonly keyPolicy: boolean;
  /**
   * Whether an Allow statement can allow it. False for RetireGrant: only a grant can (spec §5.4,
   * seed 004) and grants are not modelled, so it is never allowed; Deny statements still apply.
   */
  readonly policyAllows: boolean;
  /** Whether a caller from another account can be allowed (spec §5.4 `CROSS_ACCOUNT_ACTIONS`). */
  readonly crossAccount: boolean;
}

export interface GraphPolicy {
  /** Bundle location, as reasons name it: `keys[ARN]` or `principals[ARN][i]`. */
  readonly location: string;
  readonly kind: "key" | "identity";
  /** The key ARN or the principal ARN it is attached to. */
  readonly owner: string;
  /** The file it was read from, when it came from a file. */
  readonly file?: string;
  /**
   * Set for a layer's policy (listed under `layers`, not under `keys` or `principals`): SCPs, boundaries
   * and session policies have kind `identity`; RCPs and endpoint policies kind `key` (they name a
   * principal) but their Resource is matched as in an identity policy (no `keyPolicy` resource nodes).
   */
  readonly layer?: PolicyLayer;
  /** Statement indices (into `statements`) by action name: Deny statements first, each list in source order. */
  readonly byAction: Readonly<Record<string, ActionStatements>>;
}

export interface ActionStatements {
  readonly deny: readonly number[];
  readonly allow: readonly number[];
}

export interface GraphStatement {
  /** Index of the policy in `policies`. */
  readonly policy: number;
  /** Index of the statement in the policy's `Statement` array (0 when written as a single object). */
  readonly statement: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly span?: Span;
  /** The action names (canonical spelling) the statement can match, catalog order. */
  readonly actions: readonly string[];
  /** The `principal` node (key policies only). */
  readonly principal?: number;
  /**
   * Tests that must all hold (resource, then conditions in source order). A test that cannot be
   * decided for a request (ambiguous key, plain operator on several values) counts as false in an
   * Allow and as true in a Deny (spec §0.2).
   */
  readonly tests: readonly number[];
}

/** Where a node came from: a span in the text of one policy. */
export interface Origin {
  readonly policy: number;
  readonly span: Span;
}

export type GraphNode = PrincipalNode | ResourceNode | ConditionNode;

/**
 * Who a key-policy statement names (spec §1.5, request-model "Key-policy principal matching").
 * Answers "direct", "account" or neither for a caller.
 */
export interface PrincipalNode {
  readonly kind: "principal";
  /** `"*"` or `{"AWS": "*"}`: every caller, directly. */
  readonly any: boolean;
  /** `AWS` values other than `*`, sorted: ARNs and bare account ids. */
  readonly aws: readonly string[];
  /** `Service` values, sorted. */
  readonly service: readonly string[];
  readonly origin: readonly Origin[];
}

/**
 * `Resource` (some pattern matches) or `NotResource` (no pattern matches), spec §1.7. With
 * `keyPolicy`, a key policy's Resource, matched against the request's key: `*` and the key's exact
 * ARN match, any other value is undecided (FCR), see docs/request-model.md.
 */
export interface ResourceNode {
  readonly kind: "resource";
  readonly negated: boolean;
  readonly patterns: readonly GraphValue[];
  readonly keyPolicy?: true;
  readonly origin: readonly Origin[];
}

/** One condition key under one operator (spec §2.2 `evalKey`). */
export interface ConditionNode {
  readonly kind: "condition";
  readonly qualifier?: "ForAllValues" | "ForAnyValue";
  /** A base operator name of spec §2.1 (`StringEquals`, …, `Null`). */
  readonly base: string;
  readonly ifExists: boolean;
  /** The condition key, lower-cased (key names are case-insensitive). */
  readonly key: string;
  readonly values: readonly GraphValue[];
  readonly origin: readonly Origin[];
}

/**
 * A policy value: a plain string (no variables; under Like/ARN/Resource matching `*` and `?` are
 * wildcards), or a template with variables and literal characters (2012-10-17 policies only, spec §4).
 */
export type GraphValue = string | { readonly template: readonly GraphTemplatePart[] };

export type GraphTemplatePart =
  /** Pattern text: wildcards keep their meaning. */
  | { readonly text: string }
  /** Characters that are never wildcards (`${*}`, `${?}`, `${$}`). */
  | { readonly literal: string }
  /** `${key}` or `${key, 'default'}`; `variable` is the lower-cased key name. */
  | { readonly variable: string; readonly default?: string };
