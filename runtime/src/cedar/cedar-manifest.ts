// The Cedar manifest (manifest.json): everything the request encoder needs besides the policies and
// the schema — the actions, keys and attached identity policies, what each policy id stands for, and
// every context attribute (native typed views and derived attributes) with how to compute it.
import type { Reason } from "../contracts.js";
import type { ActionTarget, GraphValue } from "../graph/graph-types.js";

export const MANIFEST_FORMAT = "kms-cedar-manifest";
export const MANIFEST_VERSION = 1;

export interface CedarManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  /** Every KMS action (catalog order), as the decision graph lists them. */
  readonly actions: readonly ManifestAction[];
  /** The key ARNs of the bundle (exact strings); a request on another key is undecidable (KR0004). */
  readonly keys: readonly string[];
  /** Identity policies by the principal ARN they are attached to (bundle order). */
  readonly identity: readonly ManifestIdentity[];
  /** What each policy id of policies.cedar stands for, in policy-set order. */
  readonly policies: readonly ManifestPolicy[];
  /** Every attribute the policies read from `context`, entity tags included, in schema order. */
  readonly attributes: readonly ManifestAttribute[];
  /** The marker sets the policies read (`context["#unsure"]` …), see `MarkerName`. */
  readonly markers: readonly MarkerName[];
  /** Whether resources carry `name`: the sixth ARN component after its first `/` (key id, alias name). */
  readonly resourceName?: boolean;
  /** Whether resources carry `partition`: the ARN's, or for the request resource `*` the caller's. */
  readonly resourcePartition?: boolean;
  /** The layers of the authorization chain (docs/cedar-mapping.md "Layers"); absent when the bundle has none. */
  readonly layers?: ManifestLayers;
  /**
   * The role and role-session ARNs the bundle names anywhere (`namedRoleArns` of `graphPrincipalArns`): a
   * role ARN as caller is checked against them (KR0012, docs/request-model.md "The caller"). The policies
   * do not carry them all (a key-policy Principal that names a session is not a role's). Absent (a manifest
   * written before it): what the bundle names is unknown, so every role ARN as caller is refused.
   */
  readonly namedRoles?: readonly string[];
}

/**
 * What the encoder needs to place a request in the layers: the scopes (`Iam::Policy` ids, see
 * `layerScopeId`) it adds as parents of the principal, the endpoint checks, and the grant constraints.
 */
export interface ManifestLayers {
  /** Absent when the bundle has no `organization`. */
  readonly organization?: {
    /** The member accounts (never the management account), each with the scopes of its path, root first. */
    readonly accounts: readonly ManifestAccount[];
    /**
     * The bundle's `managementAccount` (`null` when it names none): in the organization (its requests carry
     * the organization keys, deviation 49) though exempt from SCPs and RCPs. Absent in a manifest written
     * before it was kept: every account is then taken to be in the organization (encode-request.ts).
     */
    readonly managementAccount?: string | null;
  };
  /** Principal ARN (bundle spelling) → the scope of its permissions boundary. */
  readonly boundaries: readonly { readonly principal: string; readonly scope: string }[];
  /** Session or federated-user ARN → the scope of its session policies. */
  readonly sessions: readonly { readonly principal: string; readonly scope: string }[];
  /** Absent when the bundle has no `endpoints` (requests through an endpoint are not modelled). */
  readonly endpoints?: readonly { readonly id: string; readonly vpc?: string; readonly scope: string }[];
  /** Keys marked `awsManaged` (RCPs do not apply to them). */
  readonly awsManaged: readonly string[];
  /** Grants with constraints: the Boolean context attribute that says whether they hold. */
  readonly grants: readonly ManifestGrant[];
}

export interface ManifestAccount {
  readonly account: string;
  /** Scopes of the levels whose `scps` are given (a level without `scps` has FullAWSAccess only). */
  readonly scp: readonly string[];
  /** Scopes of the levels with customer RCPs. */
  readonly rcp: readonly string[];
}

export interface ManifestGrant {
  /**
   * The context attribute (Bool) the grant's permit reads. Grants of different keys may share one (the
   * compiler numbers them per key, `grant#<n>`); two grants of one key, or a grant without a key and any
   * other, may not (the encoder refuses such a manifest).
   */
  readonly attribute: string;
  /**
   * The key the grant is on. Every policy that reads the attribute holds only on this key (its head or a
   * conjunct before it says `resource == <key>`), so the encoder computes it for requests on this key
   * alone. Absent (an older manifest): computed for every request.
   */
  readonly key?: string;
  /** The grant's `constraints` member as written (docs/semantics/grants.md §2); absent when it has none. */
  readonly constraints?: unknown;
  /**
   * The grant's operations, when it lists CreateGrant: a CreateGrant request holds only when the operations
   * of the grant it creates (`kms:GrantOperations`) are among them (grants.md §2, `childGrantWithin`).
   */
  readonly createGrantWithin?: readonly string[];
}

export interface ManifestAction {
  readonly name: string;
  readonly target: ActionTarget;
  readonly keyPolicy: boolean;
  readonly crossAccount: boolean;
}

export interface ManifestIdentity {
  /** The principal ARN as written in the bundle. */
  readonly principal: string;
  /** `Iam::Policy` entity ids (bundle locations) in bundle order. */
  readonly policies: readonly string[];
}

/** Why a policy is in the set: decides ExplicitDeny versus ImplicitDeny, and the reasons. */
export type PolicyRole =
  /** A Deny statement: satisfied means ExplicitDeny. */
  | "deny"
  /** An Allow statement (identity, or the same-account direct path of a key-policy statement). */
  | "allow"
  /** The per-key gate `unless { KD ∨ KA }`: satisfied means ImplicitDeny. */
  | "gate"
  /** Another account calling an action that cannot cross accounts: ImplicitDeny. */
  | "cross-account"
  /** An action no policy can allow (RetireGrant: only a grant can): ImplicitDeny unless a Deny applies. */
  | "grant-only"
  /** The root user's implicitly allowed identity side. */
  | "root"
  /** A grant on a key (docs/semantics/grants.md): an Allow, capped by the boundary and session policies. */
  | "grant"
  /** An SCP level or an endpoint policy without an applicable Allow: ImplicitDeny naming the layer. */
  | "layer-gate"
  /**
   * A permissions boundary or session policies without an applicable Allow: decided in a second policy
   * set, only when every satisfied permit is capped (docs/cedar-mapping.md "Layers"). ImplicitDeny.
   */
  | "ceiling";

export interface ManifestPolicy {
  readonly id: string;
  readonly role: PolicyRole;
  /** The statement it was emitted from (deny and allow policies); a gap reason for layer gates and ceilings. */
  readonly reason?: Reason;
  /** An Allow path that permissions boundaries and session policies cap (`KDcap`, identity, grant). */
  readonly capped?: boolean;
}

/**
 * Per-request marker sets of attribute names (DESIGN §4: nothing may make a policy error, and the
 * fail-closed rule depends on the statement's effect, so the policies test the markers):
 * - `#unsure`: the key is ambiguous (A18), or a single-value view met two or more values (§3.6);
 * - `#several`: a single-value view met two or more values (the key is present, for `Null`);
 * - `#invalid`: a typed view met a value that does not parse (every pair fails, §2.2).
 */
export type MarkerName = "#unsure" | "#several" | "#invalid";

/** How an attribute is computed from the request. */
export type AttributeKind =
  /** The key's single value (String). */
  | "string"
  /** The key's values (Set<String>); an empty set is absent. */
  | "set"
  /** The single value lower-cased (derived, StringEqualsIgnoreCase). */
  | "lower"
  /** `true` / `false` in any letter case (Boolean). */
  | "bool"
  /** An IPv4 or IPv6 address (ipaddr), written in a form Cedar's `ip()` accepts. */
  | "ip"
  /** A number (Long), exact between and beyond the policy constants. */
  | "long"
  /** A number (decimal, four fraction digits), exact between and beyond the policy constants. */
  | "decimal"
  /** An instant (datetime, milliseconds), exact between and beyond the policy constants. */
  | "datetime"
  /** A tag of the resource entity (`aws:ResourceTag/<tag>`), not a context attribute. */
  | "resource-tag"
  /** A tag of the principal entity (`aws:PrincipalTag/<tag>`), not a context attribute. */
  | "principal-tag"
  /** A derived Boolean: the value of one condition test; absent when it cannot be decided. */
  | "condition-test"
  /** A derived Boolean: the value of a Resource / NotResource element; absent when undecidable. */
  | "resource-test";

export interface ManifestAttribute {
  /** Attribute name in `context` (or tag name for the tag kinds). */
  readonly name: string;
  readonly kind: AttributeKind;
  /** The condition key (lower-cased) it reads; absent for resource tests. */
  readonly key?: string;
  /** Whether a plain Cedar encoder could not produce it from the request value alone (DESIGN §4). */
  readonly derived: boolean;
  /** For derived attributes: why Cedar cannot say it natively. */
  readonly why?: string;
  /**
   * long / decimal: the policy constants (canonical decimal text, ascending); datetime: the policy
   * instants in milliseconds since the epoch (ascending). A request value is replaced by one that
   * compares the same with every constant when Cedar cannot carry it exactly.
   */
  readonly constants?: readonly string[];
  /** condition-test: the test to evaluate (spec §2.2 evalKey). */
  readonly condition?: ManifestCondition;
  /** resource-test: the element to evaluate (spec §1.7). */
  readonly resource?: { readonly negated: boolean; readonly patterns: readonly GraphValue[] };
}

export interface ManifestCondition {
  readonly qualifier?: "ForAllValues" | "ForAnyValue";
  readonly base: string;
  readonly ifExists: boolean;
  readonly key: string;
  readonly values: readonly GraphValue[];
}
