// Spec Appendix A.4 (tests 39–41): Action / NotAction and Resource matching, read from decisions:
// an identity Allow with the element under test, behind the default key policy.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, DKP, K1, KB, decision, doc } from "./fixtures.js";

/** App's only identity statement is `statement`; K1 has DKP; KB (account B) delegates account A. */
function bundleWith(statement: object): object {
  return {
    keys: {
      [K1]: { policy: doc(DKP) },
      [KB]: { policy: doc({ Effect: "Allow", Principal: { AWS: A }, Action: "kms:*", Resource: "*" }) },
    },
    principals: { [APP_ROLE]: { policies: [doc(statement)] } },
  };
}

const onAction = (pattern: object, action: string, resource = K1): string =>
  decision(bundleWith({ Effect: "Allow", ...pattern, Resource: "*" }), { principal: APP, action, resource, context: {} });

const onResource = (pattern: string, action: string, resource: string): string =>
  decision(bundleWith({ Effect: "Allow", Action: "kms:*", Resource: pattern }), { principal: APP, action, resource, context: {} });

describe("Appendix A.4 — element matching", () => {
  it.each([
    { test: "39a KMS:decrypt matches kms:Decrypt", pattern: { Action: "KMS:decrypt" }, action: "kms:Decrypt", expected: "Allow" },
    { test: "39b kms:ReEncrypt* matches kms:ReEncryptTo", pattern: { Action: "kms:ReEncrypt*" }, action: "kms:ReEncryptTo", expected: "Allow" },
    { test: "39c kms:Generate* matches kms:GenerateRandom", pattern: { Action: "kms:Generate*" }, action: "kms:GenerateRandom", expected: "Allow" },
    { test: "39d kms:Describe?ey matches kms:DescribeKey", pattern: { Action: "kms:Describe?ey" }, action: "kms:DescribeKey", expected: "Allow" },
    { test: "39e NotAction matches kms:Decrypt", pattern: { NotAction: ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"] }, action: "kms:Decrypt", expected: "Allow" },
    { test: "39f NotAction does not match kms:putkeypolicy", pattern: { NotAction: ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"] }, action: "kms:putkeypolicy", expected: "ImplicitDeny" },
  ])("$test", ({ pattern, action, expected }) => {
    const resource = action === "kms:GenerateRandom" ? `arn:aws:kms:us-west-2:${A}:*` : K1;
    expect(onAction(pattern, action, resource)).toBe(expected);
  });

  const accountKeys = `arn:aws:kms:*:${A}:key/*`;
  it("40a key/* of account A matches K1", () => {
    expect(onResource(accountKeys, "kms:Decrypt", K1)).toBe("Allow");
  });
  it("40b it does not match an alias ARN (alias half of CreateAlias)", () => {
    expect(onResource(accountKeys, "kms:CreateAlias", `arn:aws:kms:us-west-2:${A}:alias/finance-key`)).toBe("ImplicitDeny");
  });
  it("40c the account segment is literal (a key of account B)", () => {
    expect(onResource(accountKeys, "kms:Decrypt", KB)).toBe("ImplicitDeny");
    expect(onResource(`arn:aws:kms:*:${B}:key/*`, "kms:Decrypt", KB)).toBe("Allow");
  });
  it("41a arn:aws:kms:* matches K1 (a trailing * crosses colons, A19)", () => {
    expect(onResource("arn:aws:kms:*", "kms:Decrypt", K1)).toBe("Allow");
  });
  it("41b resource matching is case-sensitive", () => {
    expect(onResource(`arn:aws:kms:us-west-2:${A}:key/1111AAAA*`, "kms:Decrypt", K1)).toBe("ImplicitDeny");
    expect(onResource(`arn:aws:kms:us-west-2:${A}:key/1111aaaa*`, "kms:Decrypt", K1)).toBe("Allow");
  });
});
