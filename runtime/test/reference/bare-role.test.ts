// The oracle's own statement of KR0012 (runtime/src/reference/bare-role.ts, docs/request-model.md "The
// caller"): a role ARN as caller is refused when the bundle names a session of the role or the role under
// another path — also where only the oracle reads (an RCP's Principal, a NotPrincipal: the compiler refuses
// both) — and when a place that may name a principal cannot be read (it could name anyone).
import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, DKP, K1, K2, allow, doc, grant, outcome } from "./fixtures.js";

const decrypt = (principal: string, resource = K1): object => ({ principal, action: "kms:Decrypt", resource, context: {} });
const keys = { [K1]: { policy: doc(DKP, grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt")) } };
const rcpNaming = (aws: string): object => ({
  root: { rcps: [doc({ Effect: "Deny", Principal: { AWS: aws }, Action: "kms:Decrypt", Resource: "*" })], children: [{ account: A }] },
});

describe("a role ARN as caller, in the reference", () => {
  it("is decided when the bundle names only its own ARN", () => {
    expect(outcome({ keys }, decrypt(APP_ROLE))).toBe("Allow");
  });

  it("is refused when an RCP or a NotPrincipal names a session of its role (places only the oracle reads)", () => {
    expect(outcome({ keys, organization: rcpNaming(APP) }, decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome({ keys, organization: rcpNaming(`arn:aws:iam::${A}:role/team/App`) }, decrypt(APP_ROLE))).toBe("KR0012");
    const notPrincipal = { Effect: "Deny", NotPrincipal: { AWS: [APP, `arn:aws:iam::${A}:root`] }, Action: "kms:Encrypt", Resource: "*" };
    expect(outcome({ keys: { [K1]: { policy: doc(DKP, grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt"), notPrincipal) } } }, decrypt(APP_ROLE))).toBe("KR0012");
  });

  it("is refused when a place that may name a principal cannot be read, even on another key", () => {
    const other = (entry: unknown): object => ({ keys: { ...keys, [K2]: entry } });
    expect(outcome(other({ policy: doc(DKP) }), decrypt(APP_ROLE))).toBe("Allow");
    expect(outcome(other({}), decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome(other({ policy: 5 }), decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome(other({ policy: doc(DKP), grnts: [] }), decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome(other({ policy: doc(DKP), grants: [{ name: "g", granteePrincipl: APP, operations: ["Decrypt"] }] }), decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome(other({ policy: doc(DKP, { ...grant("Deny", { AWS: APP }, "kms:Decrypt"), Principals: 1 }) }), decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome({ keys, endpoints: { "vpce-1": { policy: doc(grant("Allow", "*", "*")), vpcc: "vpc-1" } } }, decrypt(APP_ROLE))).toBe("KR0012");
    expect(outcome({ keys, principals: { [`arn:aws:sts::${A}:federated-user/F`]: { federatedBy: 7 } } }, decrypt(APP_ROLE))).toBe("KR0012");
    // Another caller is decided as before, the unreadable member denying what it concerns.
    expect(outcome(other({}), decrypt(APP))).toBe("Allow");
    expect(outcome(other({}), decrypt(APP, K2))).toBe("ExplicitDeny");
  });

  it("identity policies, SCPs, boundaries and session policies name no principal", () => {
    const identity = { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt"))], boundary: doc(allow("kms:*")) } };
    expect(outcome({ keys, principals: identity }, decrypt(APP_ROLE))).toBe("Allow");
  });
});
