// The fixed world generated cases live in: two accounts, three keys, the callers of every kind
// (docs/request-model.md "The caller"), and the KMS actions of spec §5.4 with their class.
// Phase: conformance generators. Written from the spec, not read from the compiler's catalog.

export const PARTITION = "aws";
export const REGION = "us-west-2";
/** The key owner (spec Appendix A fixtures). */
export const ACCOUNT_A = "111122223333";
/** The external account. */
export const ACCOUNT_B = "444455556666";

export const KEY_A1 = `arn:aws:kms:${REGION}:${ACCOUNT_A}:key/1111aaaa-1111-1111-1111-111111111111`;
export const KEY_A2 = `arn:aws:kms:${REGION}:${ACCOUNT_A}:key/2222bbbb-2222-2222-2222-222222222222`;
export const KEY_B = `arn:aws:kms:${REGION}:${ACCOUNT_B}:key/3333cccc-3333-3333-3333-333333333333`;
export const KEYS = [KEY_A1, KEY_A2, KEY_B] as const;

export const ALIAS_A = `arn:aws:kms:${REGION}:${ACCOUNT_A}:alias/red-key`;
export const ALIAS_A2 = `arn:aws:kms:${REGION}:${ACCOUNT_A}:alias/test/app`;
export const ALIAS_B = `arn:aws:kms:${REGION}:${ACCOUNT_B}:alias/ext-key`;
/** Spec §1.7: the synthetic resource of operations without a specific resource. */
export const NO_RESOURCE_A = `arn:aws:kms:${REGION}:${ACCOUNT_A}:*`;
export const NO_RESOURCE_B = `arn:aws:kms:${REGION}:${ACCOUNT_B}:*`;

/** Roles and users that hold identity policies in generated bundles (by exact ARN). */
export const ROLE_APP = `arn:aws:iam::${ACCOUNT_A}:role/team/App`;
export const ROLE_ADMIN = `arn:aws:iam::${ACCOUNT_A}:role/Admin`;
export const USER_BOB = `arn:aws:iam::${ACCOUNT_A}:user/Bob`;
export const FEDERATED_FED = `arn:aws:sts::${ACCOUNT_A}:federated-user/Fed`;
export const ROLE_EXT = `arn:aws:iam::${ACCOUNT_B}:role/Ext`;
export const USER_CAROL_B = `arn:aws:iam::${ACCOUNT_B}:user/Carol`;

/** Callers of requests: every kind of docs/request-model.md, in both accounts. */
export const SESSION_APP = `arn:aws:sts::${ACCOUNT_A}:assumed-role/App/s1`;
export const SESSION_ADMIN = `arn:aws:sts::${ACCOUNT_A}:assumed-role/Admin/ops`;
export const SESSION_EXT = `arn:aws:sts::${ACCOUNT_B}:assumed-role/Ext/s1`;
export const ROOT_A = `arn:aws:iam::${ACCOUNT_A}:root`;
export const ROOT_B = `arn:aws:iam::${ACCOUNT_B}:root`;
export const USER_NOBODY = `arn:aws:iam::${ACCOUNT_A}:user/Nobody`;
/** Sessions of roles named like App and Ext in the other account: a role name is not an identity. */
export const SESSION_APP_B = `arn:aws:sts::${ACCOUNT_B}:assumed-role/App/s1`;
export const SESSION_EXT_A = `arn:aws:sts::${ACCOUNT_A}:assumed-role/Ext/s1`;
export const ROLE_APP_B = `arn:aws:iam::${ACCOUNT_B}:role/App`;
export const SERVICE_LOGS = "logs.amazonaws.com";
export const SERVICE_EC2 = "ec2.amazonaws.com";

/** The principals of `bundle.principals` in generated bundles. */
export const POLICY_HOLDERS = [ROLE_APP, ROLE_ADMIN, USER_BOB, FEDERATED_FED, ROLE_EXT, USER_CAROL_B, ROLE_APP_B] as const;

/** Callers of generated requests (weights in request-arbitraries.ts). */
export const CALLERS = [
  SESSION_APP, ROLE_APP, SESSION_ADMIN, ROLE_ADMIN, USER_BOB, FEDERATED_FED, ROOT_A, USER_NOBODY,
  SESSION_EXT, ROLE_EXT, USER_CAROL_B, ROOT_B, SERVICE_LOGS, SERVICE_EC2, SESSION_APP_B, SESSION_EXT_A,
] as const;

/** What an action needs as its resource and how KMS decides it (spec §5.4, docs/request-model.md). */
export type ActionClass =
  | "key-cross"      // key policy decides, cross-account capable
  | "key-local"      // key policy decides, same account only
  | "retire-grant"   // identity policies only, cross-account capable
  | "alias"          // alias half (IAM only) + key half
  | "no-resource";   // IAM only, resource `*`

/** Spec §5.4: every KMS action by class. */
export const KMS_ACTIONS: Readonly<Record<ActionClass, readonly string[]>> = {
  "key-cross": [
    "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus",
    "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo", "RevokeGrant", "Sign", "Verify", "VerifyMac",
  ],
  "key-local": [
    "CancelKeyDeletion", "DeleteImportedKeyMaterial", "DisableKey", "DisableKeyRotation", "EnableKey", "EnableKeyRotation",
    "GetKeyLastUsage", "GetKeyPolicy", "GetParametersForImport", "ImportKeyMaterial", "ListKeyPolicies", "ListKeyRotations",
    "ListResourceTags", "PutKeyPolicy", "ReplicateKey", "RotateKeyOnDemand", "ScheduleKeyDeletion",
    "SynchronizeMultiRegionKey", "TagResource", "UntagResource", "UpdateKeyDescription", "UpdatePrimaryRegion",
  ],
  "retire-grant": ["RetireGrant"],
  alias: ["CreateAlias", "DeleteAlias", "UpdateAlias"],
  "no-resource": [
    "CreateKey", "ListKeys", "ListAliases", "GenerateRandom", "ListRetirableGrants", "ConnectCustomKeyStore",
    "CreateCustomKeyStore", "DeleteCustomKeyStore", "DescribeCustomKeyStores", "DisconnectCustomKeyStore",
    "UpdateCustomKeyStore",
  ],
};

const CLASS_OF = new Map<string, ActionClass>(
  Object.entries(KMS_ACTIONS).flatMap(([cls, names]) => names.map((n) => [n.toLowerCase(), cls as ActionClass])),
);

/** The class of `kms:Name` (case-insensitive), or `undefined` for anything else. */
export function actionClassOf(action: string): ActionClass | undefined {
  const m = /^kms:(.+)$/i.exec(action);
  return m === null ? undefined : CLASS_OF.get(m[1]!.toLowerCase());
}

/** Every KMS action as `kms:Name`. */
export const ALL_KMS_ACTIONS: readonly string[] = Object.values(KMS_ACTIONS).flat().map((n) => `kms:${n}`);

/** The actions requests use most, so that statements and requests meet often. */
export const HOT_ACTIONS = [
  "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant", "kms:ReEncryptFrom",
  "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:PutKeyPolicy", "kms:RetireGrant", "kms:CreateKey",
  "kms:ListKeys", "kms:CreateAlias", "kms:Sign", "kms:EnableKeyRotation", "kms:ImportKeyMaterial",
] as const;

/**
 * Spec §5.4: the cross-account capable actions, written out again from the spec's list (not derived
 * from KMS_ACTIONS), so that a test can enumerate them.
 */
export const CROSS_ACCOUNT_ACTIONS: readonly string[] = [
  "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus",
  "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo", "RetireGrant", "RevokeGrant", "Sign", "Verify", "VerifyMac",
];

/** The account of a caller or ARN (`arn:P:svc:R:ACCOUNT:…`), or `undefined` (services, `*`). */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}
