// Types of the KMS catalog: what each KMS action and each condition key is, as the checks, normalize
// and lowering need it. The data is generated (kms-catalog.generated.ts); these types are hand-written.

/**
 * Where a permission for the action can take effect (spec §5.4, "Policy type" column):
 * `key-policy` = the key policy controls it (IAM policies only through the key policy's delegation);
 * `iam-only` = only IAM policies count (a key-policy statement has no effect, A33);
 * `both` = the alias half is IAM-only and the key half is a key-policy decision (CreateAlias, …);
 * `grant` = only a grant can allow it (RetireGrant, seed 004: "A policy alone cannot allow access to
 * this operation"): an Allow in any policy has no effect, a Deny in the key policy or an identity
 * policy applies. Grants are not modelled, so the action is never allowed.
 */
export type PolicyType = "key-policy" | "iam-only" | "both" | "grant";

/** What the request's resource is: a KMS key, an alias and a key, or nothing (`Resource: "*"`). */
export type ResourceKind = "key" | "alias+key" | "none";

export interface KmsActionInfo {
  /** Canonical spelling without the `kms:` prefix, e.g. `GenerateDataKey`. */
  readonly name: string;
  readonly policyType: PolicyType;
  /** Whether a principal of another account can be allowed to call it (spec §5.4 `CROSS_ACCOUNT_ACTIONS`). */
  readonly crossAccount: boolean;
  readonly resource: ResourceKind;
}

/** The Service Authorization Reference types (`ArrayOf…` = multivalued). */
export type ConditionKeyType =
  | "String" | "ArrayOfString" | "ARN" | "ArrayOfARN" | "Bool" | "ArrayOfBool"
  | "Numeric" | "ArrayOfNumeric" | "Date" | "ArrayOfDate" | "IPAddress" | "ArrayOfIPAddress" | "Binary";

export interface ConditionKeyInfo {
  /** Canonical spelling; a key family ends with its placeholder, e.g. `aws:ResourceTag/${TagKey}`. */
  readonly name: string;
  /** For a family: the lower-cased prefix a concrete key starts with (`aws:resourcetag/`). */
  readonly familyPrefix: string | undefined;
  readonly type: ConditionKeyType;
  /** Multivalued in the request context: needs `ForAllValues:`/`ForAnyValue:` (spec §3.1, A30). */
  readonly multiValued: boolean;
  /** A global key (`aws:…` and the few service keys AWS lists as global): present on any request. */
  readonly global: boolean;
  /** KMS actions whose requests can carry the key (empty for global keys: any action). */
  readonly operations: readonly string[];
  /** Where the key may be used: both policy kinds, or IAM identity policies only (spec §5.6). */
  readonly policies: "key+identity" | "identity";
  /** For a deprecated synonym, the key that replaced it (spec §6.2, §1.12 step 5). */
  readonly replacedBy: string | undefined;
}
