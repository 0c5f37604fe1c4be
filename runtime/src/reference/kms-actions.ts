// The KMS facts the oracle needs, stated here from spec §5.4 (current permissions table): every
// action, the kind of resource it acts on, and whether it works across accounts.

/**
 * How an action is authorized (spec §5.4 "P" column and docs/request-model.md):
 * - "key": a KMS key resource operation, decided by the key policy and identity policies (§5.3);
 * - "iam-only": no specific resource (CreateKey, ListKeys, ...), identity policies only;
 * - "alias": CreateAlias/DeleteAlias/UpdateAlias, on an alias ARN (IAM only) or on a key (§5.5);
 * - "grant": RetireGrant, on a key: only a grant can allow it (§5.4, seed 004: "A policy alone cannot
 *   allow access to this operation"); grants are not modelled, so it is never allowed, while a Deny in
 *   the key policy or an identity policy still applies (§5.1).
 */
export type ActionClass = "key" | "iam-only" | "alias" | "grant";

export interface KmsAction {
  /** Canonical name without the `kms:` prefix, as AWS spells it. */
  readonly name: string;
  readonly class: ActionClass;
  /** AWS: §5.4 "X" column — the action works when the caller's account is not the key's. */
  readonly crossAccount: boolean;
}

const IAM_ONLY = [
  // DEVIATION: §5.4, A32 — GenerateRandom is IAM-only (permissions table), though the Nitro pages show it in a key policy.
  "CreateKey", "ListKeys", "ListAliases", "GenerateRandom", "ListRetirableGrants",
  "ConnectCustomKeyStore", "CreateCustomKeyStore", "DeleteCustomKeyStore",
  "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "UpdateCustomKeyStore",
];

const ALIAS = ["CreateAlias", "DeleteAlias", "UpdateAlias"];

// AWS: §5.4 CROSS_ACCOUNT_ACTIONS (RetireGrant is listed separately below).
const CROSS_ACCOUNT_KEY = [
  "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey",
  "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
  "GenerateMac", "GetKeyRotationStatus", "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo",
  "RevokeGrant", "Sign", "Verify", "VerifyMac",
];

const SAME_ACCOUNT_KEY = [
  "CancelKeyDeletion", "DeleteImportedKeyMaterial", "DisableKeyRotation", "EnableKey",
  "GetKeyLastUsage", "GetKeyPolicy", "ListKeyPolicies", "ListKeyRotations", "ListResourceTags",
  "RotateKeyOnDemand", "UpdateKeyDescription", "DisableKey", "ScheduleKeyDeletion",
  "EnableKeyRotation", "GetParametersForImport", "ImportKeyMaterial", "PutKeyPolicy", "ReplicateKey",
  "UpdatePrimaryRegion", "TagResource", "UntagResource", "SynchronizeMultiRegionKey",
];

const TABLE: readonly KmsAction[] = [
  ...IAM_ONLY.map((name) => ({ name, class: "iam-only" as const, crossAccount: false })),
  ...ALIAS.map((name) => ({ name, class: "alias" as const, crossAccount: false })),
  ...CROSS_ACCOUNT_KEY.map((name) => ({ name, class: "key" as const, crossAccount: true })),
  ...SAME_ACCOUNT_KEY.map((name) => ({ name, class: "key" as const, crossAccount: false })),
  // AWS: §5.4 — RetireGrant: "A policy alone cannot allow access to this operation", cross-account Yes.
  { name: "RetireGrant", class: "grant", crossAccount: true },
];

const BY_LOWER_NAME = new Map(TABLE.map((action) => [action.name.toLowerCase(), action]));

/** Every KMS action of the §5.4 table, in table order. */
export const KMS_ACTIONS: readonly KmsAction[] = TABLE;

/**
 * Looks up a request action `kms:Name`. Prefix and name are case-insensitive (spec §1.6).
 * Returns undefined for anything that is not a KMS action of the table.
 */
export function findKmsAction(action: string): KmsAction | undefined {
  const colon = action.indexOf(":");
  if (colon < 0 || action.slice(0, colon).toLowerCase() !== "kms") return undefined;
  return BY_LOWER_NAME.get(action.slice(colon + 1).toLowerCase());
}
