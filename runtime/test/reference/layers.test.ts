// The worked cases of docs/semantics/ (one describe per layer file, cases numbered as in its §
// "Worked cases"), decided by the reference evaluator. Expectations are the tables' "decision" and
// "decided by" columns, written from the docs, not from the code.

import { describe, expect, it } from "vitest";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { A, APP, APP_ROLE, B, BOB, DKP, EXT, EXT_ROLE, K1, KB, ROOT_A, allow, decide, deny, doc, grant } from "./fixtures.js";

const M_ACCOUNT = "999999999999";
/** A key-policy statement that names nobody of these tests (a policy needs one statement). */
const UNRELATED = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:user/Nobody` }, Action: "kms:DescribeKey", Resource: "*" };
const KM = `arn:aws:kms:us-west-2:${M_ACCOUNT}:key/9999eeee-9999-9999-9999-999999999999`;
const ROOT_M = `arn:aws:iam::${M_ACCOUNT}:root`;
const ANN = `arn:aws:iam::${A}:user/Ann`;
const req = (principal: string, action: string, resource = K1, context: Record<string, string | string[]> = {}) =>
  ({ principal, action, resource, context });
const layers = (d: { reasons: readonly { layer?: string; policy: string; statement: number }[] }) =>
  d.reasons.filter((r) => r.layer !== undefined).map((r) => `${r.layer} ${r.policy} ${r.statement}`);

describe("scp.md §6", () => {
  const region = { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } };
  const org = (ouScps?: unknown[], accountScps?: unknown[], rootScps?: unknown[]) => ({
    managementAccount: M_ACCOUNT,
    root: {
      id: "r-root", ...(rootScps === undefined ? {} : { scps: rootScps }),
      children: [
        { ou: "ou-prod", ...(ouScps === undefined ? {} : { scps: ouScps }),
          children: [{ account: A, ...(accountScps === undefined ? {} : { scps: accountScps }) }] },
        { account: M_ACCOUNT },
      ],
    },
  });
  const base = (organization: unknown, extra: object = {}) => ({
    keys: { [K1]: { policy: doc(DKP) }, [KM]: { policy: doc({ ...DKP, Principal: { AWS: ROOT_M } }) } },
    principals: { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt"))] } },
    organization, ...extra,
  });
  const denyRegion = doc({ Effect: "Allow", Action: "*", Resource: "*" }, deny("kms:Decrypt", "*", region));
  const west = { "aws:RequestedRegion": "us-west-2" };

  it("1: no SCP listed (FullAWSAccess everywhere): Allow", () => {
    expect(decide(base(org()), req(APP, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("2: an OU SCP denies outside eu-west-1: ExplicitDeny naming the SCP statement", () => {
    const d = decide(base(org([denyRegion])), req(APP, "kms:Decrypt", K1, west));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["scp organization[ou-prod].scps[0] 1"]);
  });
  it("3: FullAWSAccess detached at the OU: ImplicitDeny by the scp layer at ou-prod", () => {
    const d = decide(base(org([doc(allow("s3:*"))])), req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual(["scp organization[ou-prod].scps 0"]);
  });
  it("4: every level must allow: the account level lacks Decrypt", () => {
    const d = decide(base(org([doc(allow("kms:*"))], [doc(allow("kms:Encrypt"))])), req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`scp organization[${A}].scps 0`]);
  });
  it("5: SCPs apply to the member account's root user", () => {
    expect(decide(base(org([denyRegion])), req(ROOT_A, "kms:Decrypt", K1, west)).decision).toBe("ExplicitDeny");
  });
  it("6: the management account is exempt", () => {
    expect(decide(base(org([denyRegion], undefined, [denyRegion])), req(ROOT_M, "kms:Decrypt", KM, west)).decision).toBe("Allow");
  });
  it("7: a service principal is not subject to SCPs", () => {
    const bundle = { ...base(org([doc(allow("s3:*"))])), keys: { [K1]: { policy: doc(grant("Allow", { Service: "logs.amazonaws.com" }, "kms:Encrypt")) } } };
    expect(decide(bundle, req("logs.amazonaws.com", "kms:Encrypt")).decision).toBe("Allow");
  });
  it("8: a session of a service-linked role is exempt", () => {
    const slr = `arn:aws:iam::${A}:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX`;
    const bundle = { ...base(org([denyRegion])), keys: { [K1]: { policy: doc(grant("Allow", { AWS: slr }, "kms:Decrypt")) } }, principals: { [slr]: { policies: [] } } };
    expect(decide(bundle, req(`arn:aws:sts::${A}:assumed-role/AWSServiceRoleForX/s`, "kms:Decrypt", K1, west)).decision).toBe("Allow");
  });
  it("9: a caller outside the organization has no SCP", () => {
    const bundle = {
      ...base(org([denyRegion], undefined, [denyRegion])),
      keys: { [K1]: { policy: doc(DKP, grant("Allow", { AWS: `arn:aws:iam::${B}:root` }, "kms:Decrypt")) } },
      principals: { [EXT_ROLE]: { policies: [doc(allow("kms:Decrypt"))] } },
    };
    expect(decide(bundle, req(EXT, "kms:Decrypt", K1, west)).decision).toBe("Allow");
  });
  it("10: an SCP caps a key policy naming the session directly", () => {
    const bundle = { ...base(org(undefined, undefined, [doc({ Effect: "Allow", Action: "*", Resource: "*" }, deny("kms:*"))])), keys: { [K1]: { policy: doc(grant("Allow", { AWS: APP }, "kms:Decrypt")) } }, principals: {} };
    const d = decide(bundle, req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["scp organization[r-root].scps[0] 1"]);
  });
});

describe("rcp.md §6", () => {
  const perimeter = doc({
    Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
    Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
  });
  const confusedDeputy = doc({
    Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
    Condition: { StringNotEqualsIfExists: { "aws:SourceOrgID": "o-abc" }, Bool: { "aws:PrincipalIsAWSService": "true" }, Null: { "aws:SourceAccount": "false" } },
  });
  const bundle = (rcps: unknown[] = [perimeter], key: object = {}) => ({
    keys: {
      [K1]: { policy: doc(DKP, grant("Allow", { AWS: `arn:aws:iam::${B}:root` }, "kms:*"), grant("Allow", { Service: "logs.amazonaws.com" }, "kms:Encrypt")), ...key },
      [KM]: { policy: doc(grant("Allow", { AWS: `arn:aws:iam::${B}:root` }, "kms:*")) },
    },
    principals: { [EXT_ROLE]: { policies: [doc(allow("kms:*"))] }, [APP_ROLE]: { policies: [doc(allow("kms:*"))] } },
    organization: {
      managementAccount: M_ACCOUNT,
      root: { children: [{ ou: "ou-data", rcps, children: [{ account: A }] }, { account: M_ACCOUNT }] },
    },
  });

  it("1: a caller outside the organization: ExplicitDeny by the perimeter RCP", () => {
    const d = decide(bundle(), req(EXT, "kms:Decrypt"));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["rcp organization[ou-data].rcps[0] 0"]);
  });
  it("2: a caller of the organization: Allow (RCP present, does not match)", () => {
    expect(decide(bundle(), req(APP, "kms:Decrypt", K1, { "aws:PrincipalOrgID": "o-abc" })).decision).toBe("Allow");
  });
  it("3: RCPs do not control RetireGrant (the RCP's Deny does not apply)", () => {
    // RetireGrant stays never-allowed (grants.md §4 needs a request that names the grant): no ExplicitDeny, though.
    expect(decide(bundle(), req(EXT, "kms:RetireGrant")).decision).toBe("ImplicitDeny");
  });
  it("4: RCPs do not apply to AWS managed keys", () => {
    expect(decide(bundle([perimeter], { awsManaged: true }), req(EXT, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("5: resources of the management account are exempt", () => {
    expect(decide(bundle(), req(EXT, "kms:Decrypt", KM)).decision).toBe("Allow");
  });
  it("6: an RCP never causes an ImplicitDeny: no allow path is the key/identity's", () => {
    const b = { ...bundle(), principals: {} };
    const d = decide(b, req(APP, "kms:Decrypt", K1, { "aws:PrincipalOrgID": "o-abc" }));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([]);
  });
  it("7: an RCP restricts a service principal", () => {
    const d = decide(bundle([perimeter, confusedDeputy]), req("logs.amazonaws.com", "kms:Encrypt", K1, { "aws:SourceAccount": "777777777777", "aws:SourceOrgID": "o-zzz" }));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["rcp organization[ou-data].rcps[1] 0"]);
  });
  it("8: a service-linked role is exempt", () => {
    const slr = `arn:aws:iam::${B}:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX`;
    const b = { ...bundle(), principals: { [slr]: { policies: [doc(allow("kms:*"))] } } };
    expect(decide(b, req(`arn:aws:sts::${B}:assumed-role/AWSServiceRoleForX/s`, "kms:Decrypt")).decision).toBe("Allow");
  });
});

describe("permission-boundary.md §6", () => {
  const bApp = (...extra: object[]) => doc(allow(["kms:Encrypt", "kms:DescribeKey"]), ...extra);
  const bundle = (keyStatements: object[], boundary = bApp(), key = K1) => ({
    keys: { [key]: { policy: doc(...keyStatements) } },
    principals: {
      [APP_ROLE]: { policies: [doc(allow("kms:*"))], boundary },
      [ANN]: { policies: [doc(allow("kms:*"))], boundary: doc(allow("s3:*")) },
    },
  });
  it("1: the boundary allows: Allow", () => {
    expect(decide(bundle([DKP]), req(APP, "kms:Encrypt")).decision).toBe("Allow");
  });
  it("2: the boundary has no Allow: ImplicitDeny by the boundary", () => {
    const d = decide(bundle([DKP]), req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${APP_ROLE}].boundary 0`]);
  });
  it("3: a Deny in the boundary: ExplicitDeny naming it", () => {
    const b = bundle([DKP], bApp(deny("kms:Encrypt", "*", { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } })));
    const d = decide(b, req(APP, "kms:Encrypt", K1, { "aws:SourceIp": "203.0.113.9" }));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${APP_ROLE}].boundary 1`]);
  });
  it("4: a key policy naming the session ARN is not capped", () => {
    expect(decide(bundle([grant("Allow", { AWS: APP }, "kms:Decrypt")]), req(APP, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("5: a key policy naming the role ARN is capped", () => {
    const d = decide(bundle([grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt")]), req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${APP_ROLE}].boundary 0`]);
  });
  it("6: a key policy naming the user ARN is not capped", () => {
    expect(decide(bundle([grant("Allow", { AWS: ANN }, "kms:Decrypt")]), req(ANN, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("7: Principal \"*\" is capped (Our rule)", () => {
    const d = decide(bundle([grant("Allow", "*", "kms:Decrypt")]), req(ANN, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${ANN}].boundary 0`]);
  });
  it("8: across accounts the boundary caps every path", () => {
    const d = decide(bundle([grant("Allow", { AWS: APP }, "kms:Decrypt")], bApp(), KB), req(APP, "kms:Decrypt", KB));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${APP_ROLE}].boundary 0`]);
  });
  it("9: the root user has no boundary", () => {
    expect(decide(bundle([DKP]), req(ROOT_A, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("an IAM-only action is capped too (README §1.4)", () => {
    const resource = `arn:aws:kms:us-west-2:${A}:*`;
    expect(decide(bundle([DKP]), req(APP, "kms:CreateKey", resource)).decision).toBe("ImplicitDeny");
    expect(decide(bundle([DKP], doc(allow("kms:CreateKey"))), req(APP, "kms:CreateKey", resource)).decision).toBe("Allow");
  });
});

describe("session-policy.md §6", () => {
  const S1 = APP;
  const S2 = `arn:aws:sts::${A}:assumed-role/App/s2`;
  const FED = `arn:aws:sts::${A}:federated-user/Fed`;
  const sp = (...extra: object[]) => doc(allow("kms:Encrypt"), ...extra);
  const bundle = (keyStatements: object[] = [DKP], s1Policies: object[] = [sp()], fed: object = { federatedBy: BOB }) => ({
    keys: { [K1]: { policy: doc(...keyStatements) } },
    principals: {
      [APP_ROLE]: { policies: [doc(allow("kms:*"))] },
      [S1]: { sessionPolicies: s1Policies },
      [BOB]: { policies: [doc(allow("kms:*"))] },
      [FED]: fed,
    },
  });
  it("1: the session policy allows: Allow", () => {
    expect(decide(bundle(), req(S1, "kms:Encrypt")).decision).toBe("Allow");
  });
  it("2: no session policy allows: ImplicitDeny by the session layer", () => {
    const d = decide(bundle(), req(S1, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`session principals[${S1}].sessionPolicies 0`]);
  });
  it("3: a Deny in a session policy: ExplicitDeny naming it", () => {
    const b = bundle([DKP], [sp(deny("kms:*", "*", { StringEquals: { "aws:RequestedRegion": "eu-west-1" } }))]);
    const d = decide(b, req(S1, "kms:Encrypt", K1, { "aws:RequestedRegion": "eu-west-1" }));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual([`session principals[${S1}].sessionPolicies[0] 1`]);
  });
  it("4: a role session without session policy is not capped", () => {
    expect(decide(bundle(), req(S2, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("5: a key policy naming the session ARN is not capped by the session policy", () => {
    expect(decide(bundle([DKP, grant("Allow", { AWS: S1 }, "kms:Decrypt")]), req(S1, "kms:Decrypt")).decision).toBe("Allow");
  });
  it("6: a key policy naming the role ARN is capped", () => {
    const d = decide(bundle([grant("Allow", { AWS: APP_ROLE }, "kms:Decrypt")]), req(S1, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`session principals[${S1}].sessionPolicies 0`]);
  });
  it("7: a federated user needs a session policy", () => {
    const d = decide(bundle(), req(FED, "kms:Encrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`session principals[${FED}].sessionPolicies 0`]);
  });
  it("8: a key policy naming the federated-user ARN is not capped", () => {
    expect(decide(bundle([grant("Allow", { AWS: FED }, "kms:Encrypt")]), req(FED, "kms:Encrypt")).decision).toBe("Allow");
  });
  it("a federated user with an allowing session policy uses its federating user's identity policies", () => {
    expect(decide(bundle([DKP], [sp()], { federatedBy: BOB, sessionPolicies: [sp()] }), req(FED, "kms:Encrypt")).decision).toBe("Allow");
  });
  it("a federated user the bundle does not model (no federatedBy, no sessionPolicies) keeps today's meaning", () => {
    const b = { keys: { [K1]: { policy: doc(DKP) } }, principals: { [FED]: { policies: [doc(allow("kms:*"))] } } };
    expect(decide(b, req(FED, "kms:Encrypt")).decision).toBe("Allow");
  });
});

describe("vpc-endpoint-policy.md §5", () => {
  const endpoint = doc(
    { Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: K1 },
    { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": A } } },
  );
  const bundle = (keyStatements: object[] = [DKP]) => ({
    keys: { [K1]: { policy: doc(...keyStatements) } },
    principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] }, [EXT_ROLE]: { policies: [doc(allow("kms:*"))] } },
    endpoints: { "vpce-0a1b": { policy: endpoint } },
  });
  const via = { "aws:SourceVpce": "vpce-0a1b" };
  it("1: the endpoint allows: Allow", () => {
    expect(decide(bundle(), req(APP, "kms:Decrypt", K1, via)).decision).toBe("Allow");
  });
  it("2: the endpoint has no Allow: ImplicitDeny by the endpoint layer", () => {
    const d = decide(bundle(), req(APP, "kms:Encrypt", K1, via));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual(["endpoint endpoints[vpce-0a1b] 0"]);
  });
  it("3: not through the endpoint: the endpoint policy does not matter", () => {
    expect(decide(bundle(), req(APP, "kms:Encrypt", K1, { "aws:SourceIp": "203.0.113.9" })).decision).toBe("Allow");
  });
  it("4: the endpoint's Deny: ExplicitDeny naming its statement", () => {
    const b = bundle([DKP, grant("Allow", { AWS: `arn:aws:iam::${B}:root` }, "kms:Decrypt")]);
    const d = decide(b, req(EXT, "kms:Decrypt", K1, via));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["endpoint endpoints[vpce-0a1b] 1"]);
  });
  it("5: an endpoint not in the bundle: KR0010", () => {
    expect(evaluateReference(bundle(), req(APP, "kms:Decrypt", K1, { "aws:SourceVpce": "vpce-ffff" }))).toMatchObject({ error: { code: "KR0010" } });
  });
  it("6: aws:SourceIp on the endpoint path: KR0011", () => {
    expect(evaluateReference(bundle(), req(APP, "kms:Decrypt", K1, { ...via, "aws:SourceIp": "10.0.0.1" }))).toMatchObject({ error: { code: "KR0011" } });
  });
  it("7: a key policy requiring the endpoint, request without it: ExplicitDeny by the key policy", () => {
    const b = bundle([DKP, { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0a1b" } } }]);
    const d = decide(b, req(APP, "kms:Decrypt"));
    expect(d.decision).toBe("ExplicitDeny");
    expect(d.reasons.map((r) => `${r.policy} ${r.statement}`)).toEqual([`keys[${K1}] 1`]);
  });
  it("8: the endpoint grants nothing", () => {
    const d = decide(bundle([UNRELATED]), req(ANN, "kms:Decrypt", K1, via));
    expect(d.decision).toBe("ImplicitDeny");
  });
  it("a bundle without endpoints keeps today's meaning of aws:SourceVpce", () => {
    const b = { keys: { [K1]: { policy: doc(DKP) } }, principals: { [APP_ROLE]: { policies: [doc(allow("kms:*"))] } } };
    expect(decide(b, req(APP, "kms:Decrypt", K1, { "aws:SourceVpce": "vpce-ffff", "aws:SourceIp": "10.0.0.1" })).decision).toBe("Allow");
  });
});

describe("grants.md §7", () => {
  const WORKER_ROLE = `arn:aws:iam::${A}:role/Worker`;
  const WORKER = `arn:aws:sts::${A}:assumed-role/Worker/w1`;
  const ADMIN_ROLE = `arn:aws:iam::${A}:role/Admin`;
  const ADMIN = `arn:aws:sts::${A}:assumed-role/Admin/a1`;
  const g1 = {
    name: "g1", granteePrincipal: WORKER_ROLE, operations: ["Decrypt", "RetireGrant"],
    retiringPrincipal: ADMIN_ROLE, constraints: { encryptionContextSubset: { Dept: "IT" } },
  };
  const bundle = (keyStatements: object[] = [DKP], grants: object[] = [g1], extra: object = {}) => ({
    keys: { [K1]: { policy: doc(...keyStatements), grants } },
    principals: {},
    ...extra,
  });
  const ec = (pairs: Record<string, string>) => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [`kms:EncryptionContext:${k}`, v]));

  it("1: the grantee with a matching context: Allow naming the grant", () => {
    const d = decide(bundle(), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "IT", Job: "7" })));
    expect(d.decision).toBe("Allow");
    expect(layers(d)).toEqual([`grant keys[${K1}].grants[g1] 0`]);
  });
  it("2: a context key in another letter case does not meet the constraint (Our rule)", () => {
    expect(decide(bundle(), req(WORKER, "kms:Decrypt", K1, ec({ dept: "IT" }))).decision).toBe("ImplicitDeny");
  });
  it("3: values are case-sensitive", () => {
    expect(decide(bundle(), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "it" }))).decision).toBe("ImplicitDeny");
  });
  it("4: an operation the grant does not list", () => {
    expect(decide(bundle(), req(WORKER, "kms:Encrypt", K1, ec({ Dept: "IT" }))).decision).toBe("ImplicitDeny");
  });
  it("5: a key-policy Deny beats the grant", () => {
    const d = decide(bundle([DKP, grant("Deny", { AWS: WORKER_ROLE }, "kms:Decrypt")]), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "IT", Job: "7" })));
    expect(d.decision).toBe("ExplicitDeny");
  });
  it("6, 7: RetireGrant stays never-allowed until a request can name the grant (grants.md §4)", () => {
    expect(decide(bundle(), req(WORKER, "kms:RetireGrant")).decision).toBe("ImplicitDeny");
    expect(decide(bundle(), req(ADMIN, "kms:RetireGrant")).decision).toBe("ImplicitDeny");
  });
  it("10: a key-policy path, the grant present but not needed", () => {
    expect(decide(bundle([DKP, grant("Allow", { AWS: ADMIN_ROLE }, "kms:DescribeKey")]), req(ADMIN, "kms:DescribeKey")).decision).toBe("Allow");
  });
  it("11: a cross-account grantee needs its identity policy (Our rule)", () => {
    const g2 = { name: "g2", granteePrincipal: EXT_ROLE, operations: ["Decrypt"] };
    expect(decide(bundle([DKP], [g2]), req(EXT, "kms:Decrypt")).decision).toBe("ImplicitDeny");
    const withIdentity = bundle([DKP], [g2], { principals: { [EXT_ROLE]: { policies: [doc(allow("kms:Decrypt"))] } } });
    const d = decide(withIdentity, req(EXT, "kms:Decrypt"));
    expect(d.decision).toBe("Allow");
    expect(layers(d)).toEqual([`grant keys[${K1}].grants[g2] 0`]);
  });
  it("12: an SCP caps a grant", () => {
    const organization = { root: { scps: [doc({ Effect: "Allow", Action: "*", Resource: "*" }, deny("kms:Decrypt"))], children: [{ account: A }] } };
    const d = decide(bundle([DKP], [g1], { organization }), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "IT" })));
    expect(d.decision).toBe("ExplicitDeny");
    expect(layers(d)).toEqual(["scp organization[root].scps[0] 1"]);
  });
  it("EncryptionContextEquals needs exactly the grant's pairs", () => {
    const g = { name: "eq", granteePrincipal: WORKER_ROLE, operations: ["Decrypt"], constraints: { encryptionContextEquals: { Dept: "IT" } } };
    expect(decide(bundle([UNRELATED], [g]), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "IT" }))).decision).toBe("Allow");
    expect(decide(bundle([UNRELATED], [g]), req(WORKER, "kms:Decrypt", K1, ec({ Dept: "IT", Job: "7" }))).decision).toBe("ImplicitDeny");
    expect(decide(bundle([UNRELATED], [g]), req(WORKER, "kms:Decrypt")).decision).toBe("ImplicitDeny");
  });
  it("the constraint is ignored for DescribeKey; a constrained grant never allows CreateGrant (Our rule)", () => {
    const g = { ...g1, name: "g", operations: ["DescribeKey", "CreateGrant"] };
    expect(decide(bundle([UNRELATED], [g]), req(WORKER, "kms:DescribeKey")).decision).toBe("Allow");
    expect(decide(bundle([UNRELATED], [g]), req(WORKER, "kms:CreateGrant", K1, ec({ Dept: "IT" }))).decision).toBe("ImplicitDeny");
  });
  it("a service grantee needs the SourceArn constraint to hold", () => {
    const g = { name: "logs", granteeServicePrincipal: "logs.amazonaws.com", retiringServicePrincipal: "logs.amazonaws.com", operations: ["Encrypt"], constraints: { sourceArn: `arn:aws:logs:us-west-2:${A}:log-group:app` } };
    expect(decide(bundle([UNRELATED], [g]), req("logs.amazonaws.com", "kms:Encrypt", K1, { "aws:SourceArn": `arn:aws:logs:us-west-2:${A}:log-group:app` })).decision).toBe("Allow");
    expect(decide(bundle([UNRELATED], [g]), req("logs.amazonaws.com", "kms:Encrypt", K1, { "aws:SourceArn": `arn:aws:logs:us-west-2:${A}:log-group:other` })).decision).toBe("ImplicitDeny");
  });
  it("a grant to the account root ARN allows only the root user (Our rule)", () => {
    const g = { name: "acct", granteePrincipal: ROOT_A, operations: ["Decrypt"] };
    expect(decide(bundle([UNRELATED], [g]), req(ROOT_A, "kms:Decrypt")).decision).toBe("Allow");
    expect(decide(bundle([UNRELATED], [g], { principals: { [BOB]: { policies: [doc(allow("kms:*"))] } } }), req(BOB, "kms:Decrypt")).decision).toBe("ImplicitDeny");
  });
  it("a boundary caps a grant (Our rule)", () => {
    const g = { name: "g", granteePrincipal: WORKER_ROLE, operations: ["Decrypt"] };
    const b = bundle([UNRELATED], [g], { principals: { [WORKER_ROLE]: { boundary: doc(allow("kms:Encrypt")) } } });
    const d = decide(b, req(WORKER, "kms:Decrypt"));
    expect(d.decision).toBe("ImplicitDeny");
    expect(layers(d)).toEqual([`boundary principals[${WORKER_ROLE}].boundary 0`]);
  });
});
