// Spec Appendix A.5 (tests 42–59): KMS authorization decisions (§5.3–§5.5). Test 53 is a compile
// error; the oracle must fail closed on it instead.

import { describe, expect, it } from "vitest";
import {
  A, APP, APP_ROLE, B, BOB, DKP, EXT, EXT_ROLE, K1, K2, OTHER, OTHER_ROLE, ROOT_A,
  allow, decide, decision, deny, doc, grant, type Ctx,
} from "./fixtures.js";

const KEYS_OF_A = `arn:aws:kms:us-west-2:${A}:key/*`;
const ALIAS = `arn:aws:kms:us-west-2:${A}:alias/test-key`;
const req = (principal: string, action: string, resource: string, context: Ctx = {}): object => ({ principal, action, resource, context });

describe("Appendix A.5 — KMS decisions", () => {
  it("42 the account principal delegates to IAM; IAM must allow", () => {
    const withIam = { keys: { [K1]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt", KEYS_OF_A))] } } };
    expect(decision(withIam, req(APP, "kms:Decrypt", K1))).toBe("Allow");
    expect(decision({ keys: { [K1]: { policy: doc(DKP) } } }, req(APP, "kms:Decrypt", K1))).toBe("ImplicitDeny");
  });

  const direct43 = { keys: { [K1]: { policy: doc(grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt")) } } };
  it("43 a direct grant needs no IAM; without the account statement IAM allows are ignored", () => {
    const bundle = { ...direct43, principals: { [OTHER_ROLE]: { policies: [doc(allow("kms:*"))] } } };
    expect(decision(bundle, req(APP, "kms:Decrypt", K1))).toBe("Allow");
    expect(decision(bundle, req(OTHER, "kms:Decrypt", K1))).toBe("ImplicitDeny");
  });

  it("44 IAM denies stay effective without the account statement", () => {
    const bundle = { ...direct43, principals: { [APP_ROLE]: { policies: [doc(deny("kms:Decrypt"))] } } };
    expect(decide(bundle, req(APP, "kms:Decrypt", K1))).toEqual({
      decision: "ExplicitDeny",
      reasons: [{ policy: `principals[${APP_ROLE}][0]`, statement: 0, effect: "Deny", path: "deny" }],
    });
  });

  it("45 a key-policy statement without Resource has no effect", () => {
    const bundle = { keys: { [K1]: { policy: doc({ Effect: "Allow", Principal: { AWS: APP_ROLE }, Action: "kms:Decrypt" }) } } };
    expect(decision(bundle, req(APP, "kms:Decrypt", K1))).toBe("ImplicitDeny");
  });

  describe("46 cross-account needs both sides; the key policy caps the actions", () => {
    const keyPolicy = doc(DKP, grant("Allow", { AWS: `arn:aws:iam::${B}:root` }, ["kms:Decrypt", "kms:DescribeKey", "kms:ScheduleKeyDeletion"]));
    const withExt = (...statements: object[]): object => ({
      keys: { [K1]: { policy: keyPolicy } },
      principals: statements.length === 0 ? {} : { [EXT_ROLE]: { policies: [doc(...statements)] } },
    });
    it.each([
      { case: "a Allow kms:Decrypt on K1; Decrypt", bundle: withExt(allow("kms:Decrypt", K1)), action: "kms:Decrypt", expected: "Allow" },
      { case: "b no IAM policy; Decrypt", bundle: withExt(), action: "kms:Decrypt", expected: "ImplicitDeny" },
      { case: "c Allow kms:* on K1; ScheduleKeyDeletion (not cross-account)", bundle: withExt(allow("kms:*", K1)), action: "kms:ScheduleKeyDeletion", expected: "ImplicitDeny" },
      { case: "d Allow kms:* on *; Encrypt (not in the key policy)", bundle: withExt(allow("kms:*")), action: "kms:Encrypt", expected: "ImplicitDeny" },
    ])("$case", ({ bundle, action, expected }) => {
      expect(decision(bundle, req(EXT, action, K1))).toBe(expected);
    });
  });

  it("47 naming the external role does not remove the need for its IAM allow", () => {
    const keys = { [K1]: { policy: doc(DKP, grant("Allow", { AWS: EXT_ROLE }, "kms:Decrypt")) } };
    expect(decision({ keys }, req(EXT, "kms:Decrypt", K1))).toBe("ImplicitDeny");
    const bundle = { keys, principals: { [EXT_ROLE]: { policies: [doc(allow("kms:Decrypt", K1))] } } };
    expect(decision(bundle, req(EXT, "kms:Decrypt", K1))).toBe("Allow");
  });

  it("48 explicit deny wins; an omitted algorithm is SYMMETRIC_DEFAULT in the context", () => {
    const denyOthers = grant("Deny", "*", "kms:Encrypt", { StringNotEquals: { "kms:EncryptionAlgorithm": "SYMMETRIC_DEFAULT" } });
    const bundle = { keys: { [K1]: { policy: doc(DKP, denyOthers) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } } };
    expect(decide(bundle, req(APP, "kms:Encrypt", K1, { "kms:EncryptionAlgorithm": "RSAES_OAEP_SHA_256" }))).toEqual({
      decision: "ExplicitDeny",
      reasons: [{ policy: `keys[${K1}]`, statement: 1, effect: "Deny", path: "deny" }],
    });
    expect(decision(bundle, req(APP, "kms:Encrypt", K1, { "kms:EncryptionAlgorithm": "SYMMETRIC_DEFAULT" }))).toBe("Allow");
  });

  describe("49 ReEncrypt needs ReEncryptFrom on the source and ReEncryptTo on the destination", () => {
    const reEncrypt = { operation: "kms:ReEncrypt", checks: [req(APP, "kms:ReEncryptFrom", K1), req(APP, "kms:ReEncryptTo", K2)] };
    const keys = { [K1]: { policy: doc(DKP) }, [K2]: { policy: doc(DKP) } };
    it("a ReEncryptFrom on K1 only → ImplicitDeny", () => {
      const bundle = { keys, principals: { [APP_ROLE]: { policies: [doc(allow("kms:ReEncryptFrom", K1))] } } };
      expect(decide(bundle, reEncrypt)).toEqual({ decision: "ImplicitDeny", reasons: [] });
    });
    it("b kms:ReEncrypt* on key/* → Allow", () => {
      const bundle = { keys, principals: { [APP_ROLE]: { policies: [doc(allow("kms:ReEncrypt*", KEYS_OF_A))] } } };
      expect(decision(bundle, reEncrypt)).toBe("Allow");
    });
  });

  describe("50 CreateAlias needs the alias and the key", () => {
    const createAlias = { operation: "kms:CreateAlias", checks: [req(APP, "kms:CreateAlias", ALIAS), req(APP, "kms:CreateAlias", K1)] };
    const withApp = (resource: string | string[]): object => ({
      keys: { [K1]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:CreateAlias", resource))] } },
    });
    it("a the alias only → ImplicitDeny", () => {
      expect(decision(withApp(ALIAS), createAlias)).toBe("ImplicitDeny");
    });
    it("b the alias and key/* → Allow", () => {
      expect(decision(withApp([ALIAS, KEYS_OF_A]), createAlias)).toBe("Allow");
    });
  });

  describe("51 CreateKey: KMS puts the default KeySpec into the context", () => {
    const bundle = { principals: { [APP_ROLE]: { policies: [doc(allow("kms:CreateKey", "*", { StringEquals: { "kms:KeySpec": "SYMMETRIC_DEFAULT" } }))] } } };
    it.each([`arn:aws:kms:us-west-2:${A}:*`, "*"])("resource %s", (resource) => {
      expect(decision(bundle, req(APP, "kms:CreateKey", resource, { "kms:KeySpec": "SYMMETRIC_DEFAULT" }))).toBe("Allow");
      expect(decision(bundle, req(APP, "kms:CreateKey", resource, { "kms:KeySpec": "RSA_2048" }))).toBe("ImplicitDeny");
    });
  });

  it("52 ListKeys: no key, no resource tags, positive condition false", () => {
    const bundle = { principals: { [APP_ROLE]: { policies: [doc(allow("kms:ListKeys", "*", { StringEquals: { "aws:ResourceTag/Project": "Alpha" } }))] } } };
    expect(decision(bundle, req(APP, "kms:ListKeys", `arn:aws:kms:us-west-2:${A}:*`))).toBe("ImplicitDeny");
  });

  describe("53 aws:ResourceTag / kms:ResourceAliases in a key policy (compile error) fail closed", () => {
    const tag = { StringEquals: { "aws:ResourceTag/Project": "Alpha" } };
    const aliases = { "ForAnyValue:StringEquals": { "kms:ResourceAliases": "alias/finance-key" } };
    const context = { "aws:ResourceTag/Project": "Alpha", "kms:ResourceAliases": ["alias/finance-key"] };
    it.each([{ name: "aws:ResourceTag", condition: tag }, { name: "kms:ResourceAliases", condition: aliases }])("$name", ({ condition }) => {
      const allowing = { keys: { [K1]: { policy: doc(grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt", condition)) } } };
      expect(decision(allowing, req(APP, "kms:Decrypt", K1, context))).toBe("ImplicitDeny");
      const denying = { keys: { [K1]: { policy: doc(grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt"), grant("Deny", "*", "kms:Decrypt", condition)) } } };
      expect(decision(denying, req(APP, "kms:Decrypt", K1, {}))).toBe("ExplicitDeny");
    });
  });

  it("54 the root user needs the key policy too", () => {
    const bundle = { keys: { [K1]: { policy: doc(DKP) }, [K2]: { policy: doc(grant("Allow", { AWS: `arn:aws:iam::${A}:role/Admin` }, "kms:*")) } } };
    expect(decision(bundle, req(ROOT_A, "kms:DescribeKey", K1))).toBe("Allow");
    expect(decision(bundle, req(ROOT_A, "kms:DescribeKey", K2))).toBe("ImplicitDeny");
  });

  it("55 `*` is a direct grant; its conditions restrict it", () => {
    const condition = { StringEquals: { "kms:CallerAccount": A, "kms:ViaService": "ec2.us-west-2.amazonaws.com" } };
    const bundle = {
      keys: { [K1]: { policy: doc(grant("Allow", { AWS: "*" }, "kms:Decrypt", condition)) } },
      principals: { [EXT_ROLE]: { policies: [doc(allow("kms:Decrypt", K1))] } },
    };
    const viaEc2 = (account: string): Ctx => ({ "kms:CallerAccount": account, "kms:ViaService": "ec2.us-west-2.amazonaws.com" });
    expect(decision(bundle, req(BOB, "kms:Decrypt", K1, viaEc2(A)))).toBe("Allow");
    expect(decision(bundle, req(BOB, "kms:Decrypt", K1, { "kms:CallerAccount": A }))).toBe("ImplicitDeny");
    expect(decision(bundle, req(EXT, "kms:Decrypt", K1, viaEc2(B)))).toBe("ImplicitDeny");
  });

  it("56 tag keys are case-insensitive; two case-variant tags are ambiguous (A18)", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt", KEYS_OF_A, { StringEquals: { "aws:ResourceTag/Project": "Alpha" } }))] } },
    };
    expect(decision(bundle, req(APP, "kms:Decrypt", K1, { "aws:ResourceTag/project": "Alpha" }))).toBe("Allow");
    expect(decision(bundle, req(APP, "kms:Decrypt", K1, { "aws:ResourceTag/project": "Alpha", "aws:ResourceTag/Project": "Beta" }))).toBe("ImplicitDeny");
  });

  it("57 RequestAlias exists only when the request names the key by alias", () => {
    const bundle = { keys: { [K1]: { policy: doc(DKP, grant("Allow", { AWS: APP_ROLE }, "kms:GenerateDataKey", { StringEquals: { "kms:RequestAlias": "alias/finance-key" } })) } } };
    expect(decision(bundle, req(APP, "kms:GenerateDataKey", K1))).toBe("ImplicitDeny");
    expect(decision(bundle, req(APP, "kms:GenerateDataKey", K1, { "kms:RequestAlias": "alias/finance-key" }))).toBe("Allow");
  });

  it("58 every tag key in the request must be allowed", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc(allow(["kms:TagResource", "kms:UntagResource"], KEYS_OF_A, { "ForAllValues:StringEquals": { "aws:TagKeys": ["Project"] } }))] } },
    };
    expect(decision(bundle, req(APP, "kms:UntagResource", K1, { "aws:TagKeys": ["Project", "Owner"] }))).toBe("ImplicitDeny");
    expect(decision(bundle, req(APP, "kms:UntagResource", K1, { "aws:TagKeys": ["Project"] }))).toBe("Allow");
  });

  it("59 a Deny naming the account applies to all its principals (A22)", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP, grant("Deny", { AWS: A }, "kms:Decrypt", { Null: { "kms:ViaService": "true" } })) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } },
    };
    expect(decision(bundle, req(APP, "kms:Decrypt", K1))).toBe("ExplicitDeny");
    expect(decision(bundle, req(APP, "kms:Decrypt", K1, { "kms:ViaService": "ec2.us-west-2.amazonaws.com" }))).toBe("Allow");
  });
});
