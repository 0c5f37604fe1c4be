// AWS: IAM User Guide, access_policies_boundaries.html and reference_policies_elements_notprincipal.html:
// "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
// boundary policy attached, regardless of the values specified in the NotPrincipal element."
// The oracle once exempted such a caller when the list named it (an audit found the Allow). The caller has a
// boundary when the bundle gives one for it; a role session, when the bundle gives one for its role
// (docs/semantics/permission-boundary.md §2). The compiler refuses NotPrincipal (KC2038): only the oracle
// decides these bundles. Each case has a control without the boundary, where the list still exempts.
import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, K1, ROOT_A, allow, decide, doc } from "./fixtures.js";

const ANN = `arn:aws:iam::${A}:user/Ann`;
const ROOT_ALLOW = { Effect: "Allow", Principal: { AWS: ROOT_A }, Action: "kms:*", Resource: "*" };
const everyoneBut = (...arns: string[]) => ({ Sid: "DenyAllBut", Effect: "Deny", NotPrincipal: { AWS: [...arns, ROOT_A] }, Action: "kms:*", Resource: "*" });
const principals = (boundary: boolean) => ({
  [ANN]: { policies: [doc(allow("kms:*"))], ...(boundary ? { boundary: doc(allow("kms:*")) } : {}) },
  [APP_ROLE]: { policies: [doc(allow("kms:*"))], ...(boundary ? { boundary: doc(allow("kms:*")) } : {}) },
});
const req = (principal: string, context: Record<string, string> = {}) => ({ principal, action: "kms:Decrypt", resource: K1, context });
const deniedBy = (d: { reasons: readonly { effect: string; statement: number; policy: string; layer?: string }[] }) =>
  d.reasons.filter((r) => r.effect === "Deny").map((r) => `${r.layer ?? "key"} ${r.policy} ${r.statement}`);

describe("a Deny with NotPrincipal never exempts a caller with a permissions boundary", () => {
  const keyBundle = (boundary: boolean) => ({
    keys: { [K1]: { policy: doc(ROOT_ALLOW, everyoneBut(ANN, APP_ROLE, APP)) } },
    principals: principals(boundary),
  });

  it("key policy, IAM user named in NotPrincipal, with a boundary: ExplicitDeny by that statement", () => {
    const d = decide(keyBundle(true), req(ANN));
    expect(d.decision).toBe("ExplicitDeny");
    expect(deniedBy(d)).toEqual([`key keys[${K1}] 1`]);
  });
  it("key policy, a session of a role with a boundary, session, role and account named: ExplicitDeny", () => {
    expect(decide(keyBundle(true), req(APP)).decision).toBe("ExplicitDeny");
  });
  it("control: without a boundary the same list exempts them (Allow through the root statement and IAM)", () => {
    expect(decide(keyBundle(false), req(ANN)).decision).toBe("Allow");
    expect(decide(keyBundle(false), req(APP)).decision).toBe("Allow");
  });

  const VPCE = "vpce-0a1b2c3d";
  const endpointBundle = (boundary: boolean) => ({
    keys: { [K1]: { policy: doc(ROOT_ALLOW) } },
    principals: principals(boundary),
    endpoints: { [VPCE]: { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }, everyoneBut(ANN)) } },
  });
  it("VPC endpoint policy, IAM user named in NotPrincipal, with a boundary: ExplicitDeny by the endpoint statement", () => {
    const d = decide(endpointBundle(true), req(ANN, { "aws:SourceVpce": VPCE }));
    expect(d.decision).toBe("ExplicitDeny");
    expect(deniedBy(d)).toEqual([`endpoint endpoints[${VPCE}] 1`]);
  });
  it("control: the endpoint's NotPrincipal exempts the user without a boundary", () => {
    expect(decide(endpointBundle(false), req(ANN, { "aws:SourceVpce": VPCE })).decision).toBe("Allow");
  });

  // RCPs do not support NotPrincipal (rcp.md §5; the compiler refuses it, KC2955); the oracle reads it like a key policy's.
  const rcpBundle = (boundary: boolean) => ({
    keys: { [K1]: { policy: doc(ROOT_ALLOW) } },
    principals: principals(boundary),
    organization: { managementAccount: "999999999999", root: { children: [{ account: A, rcps: [doc(everyoneBut(ANN))] }, { account: "999999999999" }] } },
  });
  it("RCP, IAM user named in NotPrincipal, with a boundary: ExplicitDeny; without: Allow", () => {
    expect(decide(rcpBundle(true), req(ANN)).decision).toBe("ExplicitDeny");
    expect(decide(rcpBundle(false), req(ANN)).decision).toBe("Allow");
  });
});
