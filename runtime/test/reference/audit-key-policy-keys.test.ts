// Audit (H9): `aws:ResourceTag/*` and `kms:ResourceAliases` are IAM-policy-only keys (§5.6, A23): in a
// key policy the oracle already failed closed on conditions *on* them, but a policy variable naming
// them was resolved from the request context, so a key-policy Allow could be granted by a resource
// tag KMS never evaluates there. §5.6: "If the evaluator still meets one, FCR."

import { describe, expect, it } from "vitest";
import { APP, APP_ROLE, DKP, K1, allow, decision, doc, grant } from "./fixtures.js";

const TEAM = "kms:EncryptionContext:team";
const context = { "aws:ResourceTag/team": "red", [TEAM]: "red", "kms:ResourceAliases": ["red"] };
const decrypt = { principal: APP, action: "kms:Decrypt", resource: K1, context };

describe("§5.6/A23 — a variable naming an IAM-only key in a key policy fails closed", () => {
  it.each([
    { name: "${aws:ResourceTag/team}", condition: { StringEquals: { [TEAM]: "${aws:ResourceTag/team}" } } },
    { name: "${AWS:RESOURCETAG/TEAM} (any case)", condition: { StringEquals: { [TEAM]: "${AWS:RESOURCETAG/TEAM}" } } },
    { name: "${kms:ResourceAliases}", condition: { StringLike: { [TEAM]: "${kms:ResourceAliases}" } } },
    { name: "a default does not help", condition: { StringEquals: { [TEAM]: "${aws:ResourceTag/team, 'red'}" } } },
  ])("$name: a key-policy Allow does not apply", ({ condition }) => {
    const bundle = { keys: { [K1]: { policy: doc({ ...grant("Allow", "*", "kms:*"), Condition: condition }) } } };
    expect(decision(bundle, decrypt)).toBe("ImplicitDeny");
  });

  it("a key-policy Deny applies", () => {
    const denying = { ...grant("Deny", "*", "kms:*"), Condition: { StringNotEquals: { [TEAM]: "${aws:ResourceTag/team}" } } };
    const bundle = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*"), denying) } } };
    expect(decision(bundle, decrypt)).toBe("ExplicitDeny");
  });

  it("in a key-policy Resource pattern too", () => {
    const statement = { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "arn:aws:kms:*:*:key/${aws:ResourceTag/team}*" };
    const tagged = { ...decrypt, context: { "aws:ResourceTag/team": "1111" } };
    expect(decision({ keys: { [K1]: { policy: doc(statement) } } }, tagged)).toBe("ImplicitDeny");
    // Issue 10 item 6: only `*` and the key's exact ARN match in a key policy; a pattern is undecided.
    const pattern = { ...statement, Resource: "arn:aws:kms:*:*:key/1111*" };
    expect(decision({ keys: { [K1]: { policy: doc(pattern) } } }, tagged)).toBe("ImplicitDeny");
    const exact = { ...statement, Resource: K1 };
    expect(decision({ keys: { [K1]: { policy: doc(exact) } } }, tagged)).toBe("Allow");
  });

  it("the same variable in an identity policy is resolved (§4.4)", () => {
    const bundle = {
      keys: { [K1]: { policy: doc(DKP) } },
      principals: { [APP_ROLE]: { policies: [doc(allow("kms:*", "*", { StringEquals: { [TEAM]: "${aws:ResourceTag/team}" } }))] } },
    };
    expect(decision(bundle, decrypt)).toBe("Allow");
  });
});
