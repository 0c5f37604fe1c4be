// KMS decision paths (spec §5.3–§5.5, DESIGN §3, docs/request-model.md): cross-account capable
// actions, IAM-only operations, alias halves, RetireGrant, service and root callers, operations
// and the reasons each path reports.

import { describe, expect, it } from "vitest";
import {
  A, APP, APP_ROLE, B, DKP, EXT, EXT_ROLE, K1, K2, ROOT_A, ROOT_B,
  allow, decide, decision, deny, doc, grant, outcome, type Ctx,
} from "./fixtures.js";

const req = (principal: string, action: string, resource: string, context: Ctx = {}): object => ({ principal, action, resource, context });
const SYNTHETIC = `arn:aws:kms:us-west-2:${A}:*`;

// AWS: §5.4 — written again here from the spec table (not imported from the evaluator).
const CROSS_ACCOUNT = [
  "CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus",
  "GetPublicKey", "ListGrants", "ReEncryptFrom", "ReEncryptTo", "RevokeGrant", "Sign", "Verify", "VerifyMac",
];
const SAME_ACCOUNT_ONLY = [
  "CancelKeyDeletion", "DeleteImportedKeyMaterial", "DisableKeyRotation", "EnableKey", "GetKeyLastUsage", "GetKeyPolicy",
  "ListKeyPolicies", "ListKeyRotations", "ListResourceTags", "RotateKeyOnDemand", "UpdateKeyDescription", "DisableKey",
  "ScheduleKeyDeletion", "EnableKeyRotation", "GetParametersForImport", "ImportKeyMaterial", "PutKeyPolicy", "ReplicateKey",
  "UpdatePrimaryRegion", "TagResource", "UntagResource", "CreateAlias", "DeleteAlias", "UpdateAlias",
];
const IAM_ONLY = [
  "CreateKey", "ListKeys", "ListAliases", "GenerateRandom", "ListRetirableGrants", "ConnectCustomKeyStore",
  "CreateCustomKeyStore", "DeleteCustomKeyStore", "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "UpdateCustomKeyStore",
];

describe("cross-account capability (§5.4)", () => {
  // K1 delegates account B; Ext's identity policy allows everything.
  const bundle = {
    keys: { [K1]: { policy: doc(DKP, grant("Allow", { AWS: B }, "kms:*")) } },
    principals: { [EXT_ROLE]: { policies: [doc(allow("kms:*"))] } },
  };
  it.each(CROSS_ACCOUNT)("kms:%s works across accounts", (action) => {
    expect(decision(bundle, req(EXT, `kms:${action}`, K1))).toBe("Allow");
  });
  it.each(SAME_ACCOUNT_ONLY)("kms:%s does not work across accounts", (action) => {
    expect(decision(bundle, req(EXT, `kms:${action}`, K1))).toBe("ImplicitDeny");
  });
  it("the root user of B: identity side implicit, key policy still needed (A28)", () => {
    expect(decision(bundle, req(ROOT_B, "kms:Decrypt", K1))).toBe("Allow");
    expect(decision(bundle, req(ROOT_B, "kms:EnableKey", K1))).toBe("ImplicitDeny");
    expect(decision({ keys: { [K1]: { policy: doc(DKP) } } }, req(ROOT_B, "kms:Decrypt", K1))).toBe("ImplicitDeny");
  });
});

describe("IAM-only operations (§5.3 iamOnlyDecision, §5.4)", () => {
  const withIdentity = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*")) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } } };
  const keyPolicyOnly = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*")) } } };
  it.each(IAM_ONLY)("kms:%s is decided by identity policies alone", (action) => {
    expect(decision(withIdentity, req(APP, `kms:${action}`, SYNTHETIC))).toBe("Allow");
    // A key policy that allows everything has no effect for it (§5.3, A33).
    expect(decision(keyPolicyOnly, req(APP, `kms:${action}`, SYNTHETIC))).toBe("ImplicitDeny");
  });
  it("the target must be in the caller's account", () => {
    expect(decision(withIdentity, req(APP, "kms:CreateKey", `arn:aws:kms:us-west-2:${B}:*`))).toBe("ImplicitDeny");
    expect(decision(withIdentity, req(APP, "kms:CreateAlias", `arn:aws:kms:us-west-2:${B}:alias/x`))).toBe("ImplicitDeny");
  });
  it("the root user is allowed by IAM in its own account", () => {
    expect(decide({}, req(ROOT_A, "kms:CreateKey", "*"))).toEqual({ decision: "Allow", reasons: [] });
  });
  it("the synthetic resource: account/Region pattern matches it, key/* does not (§1.7)", () => {
    const withPattern = (pattern: string): object => ({ principals: { [APP_ROLE]: { policies: [doc(allow("kms:ListKeys", pattern))] } } });
    expect(decision(withPattern(SYNTHETIC), req(APP, "kms:ListKeys", SYNTHETIC))).toBe("Allow");
    expect(decision(withPattern(`arn:aws:kms:*:${A}:key/*`), req(APP, "kms:ListKeys", SYNTHETIC))).toBe("ImplicitDeny");
    expect(decision(withPattern(SYNTHETIC), req(APP, "kms:ListKeys", "*"))).toBe("ImplicitDeny");
    expect(decision(withPattern("*"), req(APP, "kms:ListKeys", "*"))).toBe("Allow");
  });
  it("an identity Deny wins", () => {
    const bundle = { principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"), deny("kms:Create*"))] } } };
    expect(decide(bundle, req(APP, "kms:CreateKey", "*"))).toEqual({
      decision: "ExplicitDeny", reasons: [{ policy: `principals[${APP_ROLE}][0]`, statement: 1, effect: "Deny", path: "deny" }],
    });
  });
});

describe("RetireGrant: no policy can allow it, every applicable Deny applies (§5.4, seed 004, §5.1)", () => {
  const allowing = doc(DKP, grant("Allow", { AWS: [APP_ROLE, EXT_ROLE, B] }, "kms:*"));
  const denying = doc(DKP, grant("Allow", { AWS: [APP_ROLE, EXT_ROLE, B] }, "kms:*"), grant("Deny", "*", "kms:RetireGrant", { StringNotEquals: { "aws:SourceVpce": "vpce-1" } }));
  const identity = { [APP_ROLE]: { policies: [doc(allow("kms:*"))] }, [EXT_ROLE]: { policies: [doc(allow("kms:*"))] } };
  it("key policy and identity policies allowing it (direct, delegated, root) still give ImplicitDeny", () => {
    expect(decide({ keys: { [K1]: { policy: allowing } }, principals: identity }, req(APP, "kms:RetireGrant", K1))).toEqual({ decision: "ImplicitDeny", reasons: [] });
    expect(decision({ keys: { [K1]: { policy: allowing } }, principals: identity }, req(EXT, "kms:RetireGrant", K1))).toBe("ImplicitDeny");
    expect(decision({ keys: { [K1]: { policy: allowing } } }, req(ROOT_A, "kms:RetireGrant", K1))).toBe("ImplicitDeny");
  });
  it("a key-policy Deny applies to callers of the key's account and of other accounts", () => {
    const bundle = { keys: { [K1]: { policy: denying } }, principals: identity };
    expect(decide(bundle, req(APP, "kms:RetireGrant", K1))).toEqual({
      decision: "ExplicitDeny", reasons: [{ policy: `keys[${K1}]`, statement: 2, effect: "Deny", path: "deny" }],
    });
    expect(decision(bundle, req(EXT, "kms:RetireGrant", K1))).toBe("ExplicitDeny");
    expect(decision(bundle, { ...req(EXT, "kms:RetireGrant", K1), context: { "aws:SourceVpce": "vpce-1" } })).toBe("ImplicitDeny");
  });
  it("an identity Deny applies", () => {
    const bundle = { keys: { [K1]: { policy: allowing } }, principals: { [EXT_ROLE]: { policies: [doc(allow("kms:*"), deny("kms:RetireGrant"))] } } };
    expect(decision(bundle, req(EXT, "kms:RetireGrant", K1))).toBe("ExplicitDeny");
  });
});

describe("service callers (docs/request-model.md)", () => {
  const SERVICE = "cloudtrail.amazonaws.com";
  it("decided by the key policy alone: Allow iff ¬D ∧ KD", () => {
    const allowing = { keys: { [K1]: { policy: doc(DKP, grant("Allow", { Service: SERVICE }, "kms:GenerateDataKey*")) } } };
    expect(decision(allowing, req(SERVICE, "kms:GenerateDataKey", K1))).toBe("Allow");
    expect(decision(allowing, req(SERVICE, "kms:Decrypt", K1))).toBe("ImplicitDeny");
    expect(decision({ keys: { [K1]: { policy: doc(DKP) } } }, req(SERVICE, "kms:GenerateDataKey", K1))).toBe("ImplicitDeny");
    const denying = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*"), grant("Deny", { Service: SERVICE }, "kms:*")) } } };
    expect(decision(denying, req(SERVICE, "kms:GenerateDataKey", K1))).toBe("ExplicitDeny");
  });
  it("a service has no identity side for IAM-only operations", () => {
    expect(decision({}, req(SERVICE, "kms:ListKeys", "*"))).toBe("ImplicitDeny");
  });
});

describe("identity policies of the caller (docs/request-model.md)", () => {
  const keys = { [K1]: { policy: doc(DKP) } };
  it("a session gets the role's policies (any path) and the session's own", () => {
    const bundle = {
      keys,
      principals: {
        [`arn:aws:iam::${A}:role/team/App`]: { policies: [doc(allow("kms:Encrypt"))] },
        [APP]: { policies: [doc(allow("kms:Decrypt"))] },
      },
    };
    expect(decision(bundle, req(APP, "kms:Encrypt", K1))).toBe("Allow");
    expect(decision(bundle, req(APP, "kms:Decrypt", K1))).toBe("Allow");
    expect(decision(bundle, req(`arn:aws:sts::${A}:assumed-role/App/s2`, "kms:Decrypt", K1))).toBe("ImplicitDeny");
    expect(decision(bundle, req(`arn:aws:sts::${B}:assumed-role/App/s1`, "kms:Encrypt", K1))).toBe("ImplicitDeny");
  });
  it("a role caller gets the policies under its exact ARN; the role listed under another path makes it ambiguous (KR0012)", () => {
    const bundle = { keys, principals: { [`arn:aws:iam::${A}:role/team/App`]: { policies: [doc(allow("kms:Encrypt"))] } } };
    expect(outcome(bundle, req(APP_ROLE, "kms:Encrypt", K1))).toBe("KR0012");
    expect(decision(bundle, req(`arn:aws:iam::${A}:role/team/App`, "kms:Encrypt", K1))).toBe("Allow");
  });
});

describe("reasons (docs/request-model.md)", () => {
  const K1_AT = `keys[${K1}]`;
  const APP_AT = `principals[${APP_ROLE}][0]`;
  it("direct path in the same account: the direct statements", () => {
    const bundle = { keys: { [K1]: { policy: doc(DKP, { Sid: "App", ...grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt") }) } } };
    expect(decide(bundle, req(APP, "kms:Decrypt", K1))).toEqual({
      decision: "Allow", reasons: [{ policy: K1_AT, statement: 1, sid: "App", effect: "Allow", path: "key-direct" }],
    });
  });
  it("delegated path: the account statement and the identity statements", () => {
    const bundle = { keys: { [K1]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: [doc(deny("kms:Encrypt"), allow("kms:Decrypt"))] } } };
    expect(decide(bundle, req(APP, "kms:Decrypt", K1))).toEqual({
      decision: "Allow",
      reasons: [
        { policy: K1_AT, statement: 0, sid: "EnableIAM", effect: "Allow", path: "key-account" },
        { policy: APP_AT, statement: 1, effect: "Allow", path: "identity" },
      ],
    });
  });
  it("explicit deny: every applicable Deny of both sides", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP, grant("Deny", "*", "kms:Decrypt")) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:*")), doc({ Sid: "NoDecrypt", ...deny("kms:Decrypt") })] } },
    };
    expect(decide(bundle, req(APP, "kms:Decrypt", K1))).toEqual({
      decision: "ExplicitDeny",
      reasons: [
        { policy: K1_AT, statement: 1, effect: "Deny", path: "deny" },
        { policy: `principals[${APP_ROLE}][1]`, statement: 0, sid: "NoDecrypt", effect: "Deny", path: "deny" },
      ],
    });
  });
  it("a single statement object has index 0", () => {
    const bundle = { keys: { [K1]: { policy: { Version: "2012-10-17", Statement: grant("Allow", "*", "kms:*") } } } };
    expect(decide(bundle, req(APP, "kms:Decrypt", K1)).reasons).toEqual([{ policy: K1_AT, statement: 0, effect: "Allow", path: "key-direct" }]);
  });
});

describe("operations (§5.5)", () => {
  const ALIAS = `arn:aws:kms:us-west-2:${A}:alias/app`;
  const updateAlias = { operation: "kms:UpdateAlias", checks: [req(APP, "kms:UpdateAlias", ALIAS), req(APP, "kms:UpdateAlias", K1), req(APP, "kms:UpdateAlias", K2)] };
  it("UpdateAlias: the new key's Deny decides, with its reasons only", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP) }, [K2]: { policy: doc(DKP, grant("Deny", { AWS: APP_ROLE }, "kms:UpdateAlias")) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } },
    };
    expect(decide(bundle, updateAlias)).toEqual({
      decision: "ExplicitDeny", reasons: [{ policy: `keys[${K2}]`, statement: 1, effect: "Deny", path: "deny" }],
    });
  });
  it("UpdateAlias: all three allowed → Allow with the reasons of every check, once each", () => {
    const bundle = { keys: { [K1]: { policy: doc(DKP) }, [K2]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } } };
    const result = decide(bundle, updateAlias);
    expect(result.decision).toBe("Allow");
    expect(result.reasons.map((r) => `${r.policy}#${r.statement}`)).toEqual([
      `principals[${APP_ROLE}][0]#0`, `keys[${K1}]#0`, `keys[${K2}]#0`,
    ]);
  });
  it("an undecidable check makes the operation an error", () => {
    const operation = { operation: "kms:ReEncrypt", checks: [req(APP, "kms:ReEncryptFrom", K1), req(APP, "kms:ReEncryptTo", K2)] };
    expect(decide.bind(null, { keys: { [K1]: { policy: doc(DKP) } } }, operation)).toThrow(/KR0004/);
  });
});

describe("key-policy elements (§5.2, A21)", () => {
  const run = (statement: object, action = "kms:Decrypt"): string => decision({ keys: { [K1]: { policy: doc(statement) } } }, req(APP, action, K1));
  it.each([
    { name: "Resource = the key's own ARN matches", statement: { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: K1 }, expected: "Allow" },
    { name: "Resource = another key's ARN does not", statement: { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: K2 }, expected: "ImplicitDeny" },
    { name: "NotAction is supported", statement: { Effect: "Allow", Principal: "*", NotAction: "kms:Encrypt", Resource: "*" }, expected: "Allow" },
    { name: "NotAction excludes", statement: { Effect: "Allow", Principal: "*", NotAction: "kms:Decrypt", Resource: "*" }, expected: "ImplicitDeny" },
    { name: "missing Action: no effect", statement: { Effect: "Allow", Principal: "*", Resource: "*" }, expected: "ImplicitDeny" },
    { name: "NotResource is rejected → FCR (no Allow)", statement: { Effect: "Allow", Principal: "*", Action: "kms:*", NotResource: K2 }, expected: "ImplicitDeny" },
  ])("$name", ({ statement, expected }) => {
    expect(run(statement)).toBe(expected);
  });
  it("a key-policy Deny without Resource has no effect (§1.3)", () => {
    const bundle = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*"), { Effect: "Deny", Principal: "*", Action: "kms:*" }) } } };
    expect(decision(bundle, req(APP, "kms:Decrypt", K1))).toBe("Allow");
  });
});
