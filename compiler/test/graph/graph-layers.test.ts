// The decision graph decides the layers of the authorization chain (issue 12): bundles compiled to a
// graph and decided by `createAuthorizer`. Every expected value is authored from docs/semantics/
// (README.md §1.2 formula, §1.5 reasons, §2 caller table; one file per layer), not from any engine.
import { createAuthorizer, readGraph, sealGraph, type Authorizer, type DecisionResult } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/pipeline.js";

const A = "111122223333";
const B = "444455556666";
const M = "999999999999";
const K = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const KM = `arn:aws:kms:us-west-2:${M}:key/9999aaaa-9999-9999-9999-999999999999`;
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], extra: object = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });
const deny = (Action: string | string[], extra: object = {}) => ({ Effect: "Deny", Action, Resource: "*", ...extra });
const rootOf = (account: string) => `arn:aws:iam::${account}:root`;
/** The usual key policy: the key's account delegates to IAM (KA). */
const enableIam = (account: string) => doc(allow("kms:*", { Principal: { AWS: rootOf(account) } }));
const kmsAll = doc(allow("kms:*"));

function graph(bundle: object): Authorizer {
  const compiled = compileBundle(bundle as never, { cedar: false });
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (compiled.graph === undefined) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return createAuthorizer(compiled.graph);
}

/** The decision kind (or error code) and, for a layer's reason, `layer policy path`. */
function outcome(result: DecisionResult): { decision: string; layers: string[] } {
  if ("error" in result) return { decision: result.error.code, layers: [] };
  return { decision: result.decision, layers: result.reasons.filter((r) => r.layer !== undefined).map((r) => `${r.layer} ${r.policy} ${r.path}`) };
}

const ask = (g: Authorizer, principal: string, action: string, resource = K, context: Record<string, string | string[]> = {}) =>
  outcome(g.decide({ principal, action, resource, context }));

describe("SCPs (scp.md): every level of the caller's path must allow; the management account is exempt", () => {
  const role = `arn:aws:iam::${A}:role/R`;
  const mRole = `arn:aws:iam::${M}:role/R`;
  const g = graph({
    keys: { [K]: { policy: enableIam(A) }, [KM]: { policy: enableIam(M) } },
    principals: { [role]: { policies: [kmsAll] }, [mRole]: { policies: [kmsAll] } },
    organization: {
      managementAccount: M,
      root: {
        id: "r-1", scps: [doc(allow("*"))],
        children: [{
          ou: "ou-1", scps: [doc(allow(["kms:Decrypt", "kms:Encrypt"]))],
          children: [
            { ou: "ou-2", children: [{ account: A, scps: [doc(allow("*"), deny("kms:Encrypt"))] }] },
            { account: M },
          ],
        }],
      },
    },
  });

  it("allows what every level allows", () => {
    expect(ask(g, role, "kms:Decrypt")).toEqual({ decision: "Allow", layers: [] });
  });
  it("a Deny at the account level is an explicit deny naming the SCP", () => {
    expect(ask(g, role, "kms:Encrypt")).toEqual({ decision: "ExplicitDeny", layers: [`scp organization[${A}].scps[0] deny`] });
  });
  it("an OU level without an Allow is an implicit deny naming that level (ou-2 has no `scps`: FullAWSAccess)", () => {
    expect(ask(g, role, "kms:DescribeKey")).toEqual({ decision: "ImplicitDeny", layers: ["scp organization[ou-1].scps no-allow"] });
  });
  it("the management account is not subject to SCPs, even placed under ou-1", () => {
    expect(ask(g, mRole, "kms:DescribeKey", KM)).toEqual({ decision: "Allow", layers: [] });
  });
  it("an IAM-only action is capped too (README §1.4)", () => {
    expect(ask(g, role, "kms:ListKeys", "*")).toEqual({ decision: "ImplicitDeny", layers: ["scp organization[ou-1].scps no-allow"] });
  });
});

describe("service-linked roles (scp.md §2, rcp.md §2) are exempt from SCPs and RCPs", () => {
  const slr = `arn:aws:iam::${A}:role/aws-service-role/kms.amazonaws.com/AWSServiceRoleForKeyManagement`;
  const slrSession = `arn:aws:sts::${A}:assumed-role/AWSServiceRoleForKeyManagement/s`;
  const role = `arn:aws:iam::${A}:role/R`;
  const g = graph({
    keys: { [K]: { policy: enableIam(A) } },
    principals: { [slr]: { policies: [kmsAll] }, [role]: { policies: [kmsAll] } },
    organization: {
      root: {
        scps: [doc(allow("*"), deny("kms:*"))],
        rcps: [doc({ Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*" })],
        children: [{ account: A }],
      },
    },
  });
  it("the service-linked role and its session are not denied; another role is", () => {
    expect(ask(g, slr, "kms:DescribeKey").decision).toBe("Allow");
    expect(ask(g, slrSession, "kms:Decrypt").decision).toBe("Allow");
    expect(ask(g, role, "kms:DescribeKey")).toEqual({ decision: "ExplicitDeny", layers: ["scp organization[root].scps[0] deny"] });
    expect(ask(g, role, "kms:Decrypt").layers).toContain("rcp organization[root].rcps[0] deny");
  });
});

describe("RCPs (rcp.md): Deny statements of the key's account chain, for every caller", () => {
  const partner = `arn:aws:iam::${B}:role/Partner`;
  const role = `arn:aws:iam::${A}:role/R`;
  const KA = `arn:aws:kms:us-west-2:${A}:key/2222bbbb-2222-2222-2222-222222222222`;
  const keyPolicy = doc(
    allow("kms:*", { Principal: { AWS: rootOf(A) } }),
    allow(["kms:Decrypt", "kms:RetireGrant"], { Principal: { AWS: rootOf(B) } }),
    allow("kms:Decrypt", { Principal: { Service: "logs.amazonaws.com" } }),
  );
  const perimeter = doc({ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } } });
  const g = graph({
    keys: { [K]: { policy: keyPolicy }, [KA]: { policy: keyPolicy, awsManaged: true } },
    principals: { [partner]: { policies: [kmsAll] }, [role]: { policies: [kmsAll] } },
    organization: { root: { rcps: [perimeter], children: [{ account: A }] } },
  });
  it("a caller outside the organization is denied by the perimeter, though key and identity policies allow", () => {
    expect(ask(g, partner, "kms:Decrypt")).toEqual({ decision: "ExplicitDeny", layers: ["rcp organization[root].rcps[0] deny"] });
    expect(ask(g, role, "kms:Decrypt", K, { "aws:PrincipalOrgID": "o-1" }).decision).toBe("Allow");
  });
  it("a service principal is subject to RCPs (only service-linked roles are exempt)", () => {
    expect(ask(g, "logs.amazonaws.com", "kms:Decrypt").decision).toBe("ExplicitDeny");
  });
  it("not for an AWS managed key, not for RetireGrant", () => {
    expect(ask(g, partner, "kms:Decrypt", KA).decision).toBe("Allow");
    expect(ask(g, partner, "kms:RetireGrant")).toEqual({ decision: "ImplicitDeny", layers: [] });
  });
});

describe("permission boundaries (permission-boundary.md §3): cap KDcap, KA and I, but not KDfree in the same account", () => {
  const user = `arn:aws:iam::${A}:user/u`;
  const role = `arn:aws:iam::${A}:role/R`;
  const session = `arn:aws:sts::${A}:assumed-role/R/s`;
  const onlyDecrypt = doc(allow("kms:Decrypt"));
  const g = graph({
    keys: {
      [K]: {
        policy: doc(
          allow("kms:Encrypt", { Principal: { AWS: user } }),
          allow(["kms:Encrypt", "kms:Decrypt"], { Principal: { AWS: role } }),
          allow("kms:Sign", { Principal: { AWS: user } }),
        ),
      },
    },
    principals: {
      [user]: { boundary: doc(allow("kms:Decrypt"), deny("kms:Sign")) },
      [role]: { policies: [kmsAll], boundary: onlyDecrypt },
    },
  });
  it("the user's own ARN in the key policy (KDfree) is not capped by its boundary", () => {
    expect(ask(g, user, "kms:Encrypt")).toEqual({ decision: "Allow", layers: [] });
  });
  it("the role ARN (KDcap) is capped, for the role and for its sessions", () => {
    expect(ask(g, role, "kms:Encrypt")).toEqual({ decision: "ImplicitDeny", layers: [`boundary principals[${role}].boundary no-allow`] });
    expect(ask(g, session, "kms:Encrypt")).toEqual({ decision: "ImplicitDeny", layers: [`boundary principals[${role}].boundary no-allow`] });
    expect(ask(g, session, "kms:Decrypt").decision).toBe("Allow");
  });
  it("a Deny in the boundary applies on every path, KDfree included", () => {
    expect(ask(g, user, "kms:Sign")).toEqual({ decision: "ExplicitDeny", layers: [`boundary principals[${user}].boundary deny`] });
  });
});

describe("session policies (session-policy.md): they only narrow", () => {
  const role = `arn:aws:iam::${A}:role/R`;
  const narrowed = `arn:aws:sts::${A}:assumed-role/R/narrow`;
  const denying = `arn:aws:sts::${A}:assumed-role/R/denying`;
  const plain = `arn:aws:sts::${A}:assumed-role/R/plain`;
  const g = graph({
    keys: { [K]: { policy: enableIam(A) } },
    principals: {
      [role]: { policies: [doc(allow(["kms:Decrypt", "kms:Encrypt"]))] },
      [narrowed]: { sessionPolicies: [doc(allow(["kms:Decrypt", "kms:Sign"]))] },
      [denying]: { sessionPolicies: [doc(allow("*"), deny("kms:Decrypt"))] },
    },
  });
  it("a session policy that allows is not enough alone, and one that does not allow closes the path", () => {
    expect(ask(g, narrowed, "kms:Decrypt").decision).toBe("Allow");
    expect(ask(g, narrowed, "kms:Encrypt")).toEqual({ decision: "ImplicitDeny", layers: [`session principals[${narrowed}].sessionPolicies no-allow`] });
    // Sign: the session policy allows, the role's identity policy does not — session policies add nothing.
    expect(ask(g, narrowed, "kms:Sign")).toEqual({ decision: "ImplicitDeny", layers: [] });
    expect(ask(g, plain, "kms:Encrypt").decision).toBe("Allow");
  });
  it("a Deny in a session policy is an explicit deny", () => {
    expect(ask(g, denying, "kms:Decrypt")).toEqual({ decision: "ExplicitDeny", layers: [`session principals[${denying}].sessionPolicies[0] deny`] });
  });
});

describe("federated users (session-policy.md §2): a modelled federation without a session policy is denied on capped paths", () => {
  const bob = `arn:aws:iam::${A}:user/Bob`;
  const bare = `arn:aws:sts::${A}:federated-user/Bare`;
  const scoped = `arn:aws:sts::${A}:federated-user/Scoped`;
  const g = graph({
    keys: { [K]: { policy: doc(allow("kms:*", { Principal: { AWS: rootOf(A) } }), allow("kms:DescribeKey", { Principal: { AWS: bare } })) } },
    principals: {
      [bob]: { policies: [kmsAll], boundary: doc(allow(["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"])) },
      [bare]: { federatedBy: bob },
      [scoped]: { federatedBy: bob, sessionPolicies: [doc(allow(["kms:Decrypt", "kms:Sign"]))] },
    },
  });
  it("no session policy: the federating user's identity policies do not reach it (ImplicitDeny, session)", () => {
    expect(ask(g, bare, "kms:Decrypt")).toEqual({ decision: "ImplicitDeny", layers: [`session principals[${bare}].sessionPolicies no-allow`] });
  });
  it("the key policy naming the federated user itself (KDfree) is not capped", () => {
    expect(ask(g, bare, "kms:DescribeKey").decision).toBe("Allow");
  });
  it("with a session policy: the federating user's identity policies, capped by the session policy and its boundary", () => {
    expect(ask(g, scoped, "kms:Decrypt").decision).toBe("Allow");
    expect(ask(g, scoped, "kms:Encrypt")).toEqual({ decision: "ImplicitDeny", layers: [`session principals[${scoped}].sessionPolicies no-allow`] });
    expect(ask(g, scoped, "kms:Sign")).toEqual({ decision: "ImplicitDeny", layers: [`boundary principals[${bob}].boundary no-allow`] });
  });
});

describe("VPC endpoint policies (vpc-endpoint-policy.md): a second required allow for requests through the endpoint", () => {
  const role = `arn:aws:iam::${A}:role/R`;
  const vpce = "vpce-0a1b2c3d";
  const g = graph({
    keys: { [K]: { policy: enableIam(A) } },
    principals: { [role]: { policies: [kmsAll] } },
    endpoints: {
      [vpce]: {
        vpc: "vpc-1234",
        policy: doc(
          allow(["kms:Decrypt", "kms:ReEncryptFrom"], { Principal: "*" }),
          allow("kms:GenerateDataKey", { Principal: { AWS: rootOf(A) } }),
          deny("kms:ReEncryptFrom", { Principal: { AWS: A } }),
        ),
      },
    },
  });
  const through = { "aws:SourceVpce": vpce };
  it("allows what the endpoint policy allows; no Allow is an implicit deny naming the endpoint", () => {
    expect(ask(g, role, "kms:Decrypt", K, through).decision).toBe("Allow");
    expect(ask(g, role, "kms:Encrypt", K, through)).toEqual({ decision: "ImplicitDeny", layers: [`endpoint endpoints[${vpce}] no-allow`] });
    expect(ask(g, role, "kms:Encrypt").decision).toBe("Allow");
  });
  it("a Deny naming the caller's account applies to every principal of it", () => {
    expect(ask(g, role, "kms:ReEncryptFrom", K, through)).toEqual({ decision: "ExplicitDeny", layers: [`endpoint endpoints[${vpce}] deny`] });
  });
  it("an account principal in an endpoint Allow names only its root user (Our rule)", () => {
    expect(ask(g, role, "kms:GenerateDataKey", K, through).decision).toBe("ImplicitDeny");
    expect(ask(g, rootOf(A), "kms:GenerateDataKey", K, through).decision).toBe("Allow");
  });
  it("request errors: an unknown endpoint (KR0010), inconsistent network keys (KR0011)", () => {
    expect(ask(g, role, "kms:Decrypt", K, { "aws:SourceVpce": "vpce-ffff" }).decision).toBe("KR0010");
    expect(ask(g, role, "kms:Decrypt", K, { ...through, "aws:SourceIp": "10.0.0.1" }).decision).toBe("KR0011");
    expect(ask(g, role, "kms:Decrypt", K, { ...through, "aws:SourceVpc": "vpc-9999" }).decision).toBe("KR0011");
    expect(ask(g, role, "kms:Decrypt", K, { "aws:SourceVpc": "vpc-1234" }).decision).toBe("KR0011");
  });
});

describe("grants (grants.md): an extra allow path on one key, never a deny", () => {
  const worker = `arn:aws:iam::${A}:role/Worker`;
  const workerSession = `arn:aws:sts::${A}:assumed-role/Worker/w`;
  const app = `arn:aws:iam::${A}:role/App`;
  const exact = `arn:aws:iam::${A}:user/Exact`;
  const capped = `arn:aws:iam::${A}:role/Capped`;
  const ext = `arn:aws:iam::${B}:role/Ext`;
  const extAllowed = `arn:aws:iam::${B}:role/ExtAllowed`;
  const grants = [
    { name: "subset", granteePrincipal: worker, operations: ["Decrypt", "RetireGrant"], retiringPrincipal: app, constraints: { encryptionContextSubset: { Dept: "IT" } } },
    { name: "equals", granteePrincipal: exact, operations: ["Decrypt", "DescribeKey"], constraints: { encryptionContextEquals: { Dept: "IT" } } },
    { name: "capped", granteePrincipal: capped, operations: ["Decrypt"] },
    { name: "ext", granteePrincipal: ext, operations: ["Decrypt"] },
    { name: "ext-allowed", granteePrincipal: extAllowed, operations: ["Decrypt"] },
    { name: "app", granteePrincipal: app, operations: ["Encrypt"], constraints: { encryptionContextSubset: { Dept: "HR" } } },
  ];
  const g = graph({
    keys: { [K]: { policy: doc(allow("kms:*", { Principal: { AWS: rootOf(A) } }), deny("kms:Decrypt", { Principal: { AWS: exact }, Condition: { StringEquals: { "kms:EncryptionContext:Stop": "yes" } } })), grants } },
    principals: {
      [app]: { policies: [doc(allow("kms:Encrypt"), deny("kms:RetireGrant"))] },
      [capped]: { boundary: doc(allow("kms:Encrypt")) },
      [extAllowed]: { policies: [doc(allow("kms:Decrypt", { Resource: K }))] },
    },
  });
  const ec = (pairs: Record<string, string>) => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [`kms:EncryptionContext:${k}`, v]));
  it("a grant alone allows in the key's account (its role's sessions too), naming the grant", () => {
    expect(ask(g, workerSession, "kms:Decrypt", K, ec({ Dept: "IT", Team: "x" }))).toEqual({ decision: "Allow", layers: [`grant keys[${K}].grants[subset] grant`] });
  });
  it("constraints compare keys and values exactly (grants.md §2, Our rule: the fail-closed reading of the two pages)", () => {
    expect(ask(g, worker, "kms:Decrypt", K, ec({ dept: "IT" })).decision).toBe("ImplicitDeny");
    expect(ask(g, worker, "kms:Decrypt", K, ec({ Dept: "it" })).decision).toBe("ImplicitDeny");
    expect(ask(g, worker, "kms:Decrypt", K, {}).decision).toBe("ImplicitDeny");
    // Two context keys differing only in case: the constraint does not hold (A18).
    expect(ask(g, worker, "kms:Decrypt", K, { "kms:EncryptionContext:Dept": "IT", "kms:encryptioncontext:dept": "IT" }).decision).not.toBe("Allow");
  });
  it("EncryptionContextEquals needs exactly the pairs; the constraint is ignored for DescribeKey", () => {
    expect(ask(g, exact, "kms:Decrypt", K, ec({ Dept: "IT" })).decision).toBe("Allow");
    expect(ask(g, exact, "kms:Decrypt", K, ec({ Dept: "IT", Team: "x" })).decision).toBe("ImplicitDeny");
    expect(ask(g, exact, "kms:DescribeKey").decision).toBe("Allow");
  });
  it("a grant never denies, and a Deny still beats it", () => {
    // App's Encrypt is allowed by its identity policy and the key policy (KA); the grant's constraint fails: still Allow.
    expect(ask(g, app, "kms:Encrypt", K, ec({ Dept: "IT" })).decision).toBe("Allow");
    expect(ask(g, exact, "kms:Decrypt", K, ec({ Dept: "IT", Stop: "yes" })).decision).toBe("ExplicitDeny");
  });
  it("RetireGrant stays never allowed (a request cannot name its grant yet), even for the retiring principal; a Deny applies", () => {
    expect(ask(g, worker, "kms:RetireGrant")).toEqual({ decision: "ImplicitDeny", layers: [] });
    expect(ask(g, app, "kms:RetireGrant").decision).toBe("ExplicitDeny");
  });
  it("ceilings cap a grant", () => {
    expect(ask(g, capped, "kms:Decrypt")).toEqual({ decision: "ImplicitDeny", layers: [`boundary principals[${capped}].boundary no-allow`] });
  });
  it("across accounts a grant needs the grantee's identity side too (grants.md §3, Our rule)", () => {
    expect(ask(g, ext, "kms:Decrypt")).toEqual({ decision: "ImplicitDeny", layers: [] });
    expect(ask(g, extAllowed, "kms:Decrypt").decision).toBe("Allow");
  });
});

describe("the graph format: `layers` is additive and checked", () => {
  const bundle = {
    keys: { [K]: { policy: enableIam(A), grants: [{ name: "g", granteePrincipal: `arn:aws:iam::${A}:role/R`, operations: ["Decrypt"] }] } },
    organization: { root: { scps: [doc(allow("*"))], children: [{ account: A }] } },
  };
  it("a layered graph reads back; a graph without layers has no `layers` member", () => {
    const compiled = compileBundle(bundle as never, { cedar: false }).graph!;
    expect("error" in readGraph(JSON.stringify(compiled))).toBe(false);
    expect(compileBundle({ keys: { [K]: { policy: enableIam(A) } } }, { cedar: false }).graph!.layers).toBeUndefined();
  });
  it("a layers member pointing at the wrong policy, or a layer policy no layer lists, is refused", () => {
    const compiled = compileBundle(bundle as never, { cedar: false }).graph!;
    const layers = JSON.parse(JSON.stringify(compiled.layers));
    layers.organization.accounts[A][0].scps = [0];
    expect(readGraph(sealGraph({ ...compiled, layers }))).toMatchObject({ error: expect.stringContaining("not a scp policy") });
    const { layers: _dropped, ...bare } = compiled;
    expect(readGraph(sealGraph(bare))).toMatchObject({ error: expect.stringContaining("without `layers`") });
    const badGrant = JSON.parse(JSON.stringify(compiled.layers));
    badGrant.keys[K].grants[0].operations = ["Frobnicate"];
    expect(readGraph(sealGraph({ ...compiled, layers: badGrant }))).toMatchObject({ error: expect.stringContaining("grant operations") });
  });
});
