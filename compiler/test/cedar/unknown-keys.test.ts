// Keys AWS always includes in a request's context, whose values the bundle cannot give: left out by the
// request, each is unknown (decided by the fail-closed rule: false in an Allow, true in a Deny, `…IfExists`
// and `Null` included; a variable naming it has no value), never an absent key. Deviation 49: the
// organization keys, when the bundle's `organization` holds the caller's account (aws:PrincipalOrgID,
// aws:PrincipalOrgPaths) or the resource's (aws:ResourceOrgID, aws:ResourceOrgPaths). Deviation 50:
// CreateGrant's required parameters (kms:GrantOperations, kms:GranteePrincipal). Before the rule the three
// engines read them as absent and allowed what AWS denies (an audit's repros O1, O2, M1). Each expected
// outcome is authored from AWS's rule and ours, never read from an engine.
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createCedarAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { threeEngines, ACCOUNT as A, KEY, doc, type Doc, enableIam } from "./three-engines.js";

const B = "444455556666";
const MANAGEMENT = "999999999999";
const APP = `arn:aws:iam::${A}:role/App`;
const S1 = `arn:aws:sts::${A}:assumed-role/App/s1`;
const ANN = `arn:aws:iam::${A}:user/Ann`;
const BOB = `arn:aws:iam::${B}:user/Bob`;
const WORKER = `arn:aws:iam::${A}:role/Worker`;

const allowAll: Doc = { Effect: "Allow", Action: "kms:*", Resource: "*" };
const quarantined = { managementAccount: MANAGEMENT, root: { id: "r-root", children: [{ ou: "ou-quarantine", children: [{ account: A }] }] } };
const denyQuarantined: Doc = {
  Sid: "DenyQuarantined", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
  Condition: { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "*/ou-quarantine/*" } },
};
const decrypt = (principal: string, context: Record<string, string | string[]> = {}): Doc => ({ principal, action: "kms:Decrypt", resource: KEY, context });
const createGrant = (principal: string, context: Record<string, string | string[]> = {}): Doc => ({ principal, action: "kms:CreateGrant", resource: KEY, context });
/** A key policy that lets the account's IAM decide plus `statements`, and App with `kms:*` (and `extra`). */
const appBundle = (statements: Doc[], extra: Record<string, unknown> = {}, appPolicy: Doc = allowAll): Doc => ({
  keys: { [KEY]: { policy: doc(enableIam, ...statements) } },
  principals: { [APP]: { policies: [doc(appPolicy)] } },
  ...extra,
});

describe("deviation 49: the organization keys of a caller or resource in the bundle's organization", () => {
  it("O1: a key-policy Deny on aws:PrincipalOrgPaths fires when the request leaves it out (it was Allow)", () => {
    const decide = threeEngines(appBundle([denyQuarantined], { organization: quarantined }));
    // AWS sets aws:PrincipalOrgPaths for a caller in an organization; the value is unknown: the Deny applies.
    expect(decide(decrypt(S1))).toBe("ExplicitDeny");
    // An empty list is an absent key (spec §3.2): left out too.
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": [] }))).toBe("ExplicitDeny");
    // A given value is read as given.
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": ["o-abc/r-root/ou-quarantine/"] }))).toBe("ExplicitDeny");
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": ["o-abc/r-root/ou-prod/"] }))).toBe("Allow");
  });

  it("O1 without `organization` in the bundle: the keys stay context-driven (unchanged)", () => {
    const decide = threeEngines(appBundle([denyQuarantined]));
    expect(decide(decrypt(S1))).toBe("Allow");
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": ["o-abc/r-root/ou-quarantine/"] }))).toBe("ExplicitDeny");
  });

  it("a caller and key whose account is outside the tree: the keys stay context-driven (unchanged)", () => {
    const elsewhere = { managementAccount: MANAGEMENT, root: { id: "r-root", children: [{ ou: "ou-quarantine", children: [{ account: B }] }] } };
    const decide = threeEngines(appBundle([denyQuarantined], { organization: elsewhere }));
    expect(decide(decrypt(S1))).toBe("Allow");
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": ["o-abc/r-root/ou-quarantine/"] }))).toBe("ExplicitDeny");
  });

  it("the management account is in the organization, though not a leaf of the tree", () => {
    const managed = { managementAccount: A, root: { id: "r-root", children: [{ account: B }] } };
    const decide = threeEngines(appBundle([denyQuarantined], { organization: managed }));
    expect(decide(decrypt(S1))).toBe("ExplicitDeny");
    expect(decide(decrypt(S1, { "aws:PrincipalOrgPaths": ["o-abc/r-root/"] }))).toBe("Allow");
  });

  it("O2: an SCP Deny on `Null aws:PrincipalOrgID true` with the key left out fires (it was Allow)", () => {
    const organization = {
      managementAccount: MANAGEMENT,
      root: {
        id: "r-root", children: [{ account: A }],
        scps: [doc({ Effect: "Allow", Action: "*", Resource: "*" }, {
          Effect: "Deny", Action: "kms:*", Resource: "*",
          Condition: { StringEquals: { "aws:ResourceOrgID": "o-abc" }, Null: { "aws:PrincipalOrgID": "true" } },
        })],
      },
    };
    const decide = threeEngines(appBundle([], { organization }));
    // Null on an unknown key: true in a Deny (the fail-closed rule, as deviation 44 decides it).
    expect(decide(decrypt(S1, { "aws:ResourceOrgID": "o-abc" }))).toBe("ExplicitDeny");
    // aws:ResourceOrgID left out too: unknown, so StringEquals holds in the Deny as well.
    expect(decide(decrypt(S1))).toBe("ExplicitDeny");
    // Both given: Null is false, the Deny does not apply.
    expect(decide(decrypt(S1, { "aws:ResourceOrgID": "o-abc", "aws:PrincipalOrgID": "o-abc" }))).toBe("Allow");
    // Given another organization for the resource: StringEquals fails, the Deny does not apply.
    expect(decide(decrypt(S1, { "aws:ResourceOrgID": "o-other" }))).toBe("Allow");
  });

  it("Null in an Allow: false for a left-out key, whatever the Null test asks", () => {
    const allowIf = (value: string): Doc => ({
      Sid: "AllowApp", Effect: "Allow", Principal: { AWS: APP }, Action: "kms:Decrypt", Resource: "*", Condition: { Null: { "aws:PrincipalOrgID": value } },
    });
    for (const value of ["true", "false"]) {
      const decide = threeEngines({ keys: { [KEY]: { policy: doc(allowIf(value)) } }, principals: {}, organization: quarantined });
      expect(decide(decrypt(S1)), `Null ${value}`).toBe("ImplicitDeny");
    }
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(allowIf("false")) } }, principals: {}, organization: quarantined });
    expect(decide(decrypt(S1, { "aws:PrincipalOrgID": "o-abc" }))).toBe("Allow");
  });

  it("…IfExists: does not hold in an Allow, holds in a Deny, for a left-out key (both were decided as absent)", () => {
    const allowIfOrg: Doc = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc" } } };
    const allow = threeEngines({ keys: { [KEY]: { policy: doc(enableIam) } }, principals: { [APP]: { policies: [doc(allowIfOrg)] } }, organization: quarantined });
    expect(allow(decrypt(S1))).toBe("ImplicitDeny");
    expect(allow(decrypt(S1, { "aws:PrincipalOrgID": "o-abc" }))).toBe("Allow");
    expect(allow(decrypt(S1, { "aws:PrincipalOrgID": "o-other" }))).toBe("ImplicitDeny");

    const denyOtherOrg: Doc = {
      Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:ResourceOrgID": "o-abc" } },
    };
    const deny = threeEngines(appBundle([denyOtherOrg], { organization: quarantined }));
    expect(deny(decrypt(S1))).toBe("ExplicitDeny");
    expect(deny(decrypt(S1, { "aws:ResourceOrgID": "o-abc" }))).toBe("Allow");
  });

  it("a variable naming a left-out key has no value", () => {
    const sameOrg = { "aws:ResourceOrgID": "${aws:PrincipalOrgID}" };
    const allow = threeEngines({
      keys: { [KEY]: { policy: doc(enableIam) } },
      principals: { [APP]: { policies: [doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: sameOrg } })] } },
      organization: quarantined,
    });
    expect(allow(decrypt(S1, { "aws:ResourceOrgID": "o-abc" }))).toBe("ImplicitDeny");
    expect(allow(decrypt(S1, { "aws:ResourceOrgID": "o-abc", "aws:PrincipalOrgID": "o-abc" }))).toBe("Allow");
    const deny = threeEngines(appBundle([{ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: sameOrg } }], { organization: quarantined }));
    expect(deny(decrypt(S1, { "aws:ResourceOrgID": "o-abc" }))).toBe("ExplicitDeny");
    expect(deny(decrypt(S1, { "aws:ResourceOrgID": "o-abc", "aws:PrincipalOrgID": "o-abc" }))).toBe("Allow");
  });

  it("the resource's keys: a key in the organization, a caller outside it", () => {
    const denyQuarantinedResource: Doc = {
      Sid: "DenyQuarantinedResource", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
      Condition: { "ForAnyValue:StringLike": { "aws:ResourceOrgPaths": "*/ou-quarantine/*" } },
    };
    const allowBob: Doc = { Sid: "AllowBob", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:Decrypt", Resource: "*" };
    // Bob's account is outside the organization: aws:PrincipalOrgID stays absent, so the IfExists holds.
    const bobPolicy = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc" } } });
    const decide = threeEngines({
      keys: { [KEY]: { policy: doc(enableIam, allowBob, denyQuarantinedResource) } }, principals: { [BOB]: { policies: [bobPolicy] } }, organization: quarantined,
    });
    expect(decide(decrypt(BOB))).toBe("ExplicitDeny");
    expect(decide(decrypt(BOB, { "aws:ResourceOrgPaths": ["o-abc/r-root/ou-prod/"] }))).toBe("Allow");
  });

  it("no specific resource: the resource's keys stay context-driven, the principal's are unknown", () => {
    const allowIfNull = (key: string): Doc => ({ Effect: "Allow", Action: "kms:ListKeys", Resource: "*", Condition: { Null: { [key]: "true" } } });
    const listKeys = { principal: S1, action: "kms:ListKeys", resource: "*", context: {} };
    const resource = threeEngines({ keys: { [KEY]: { policy: doc(enableIam) } }, principals: { [APP]: { policies: [doc(allowIfNull("aws:ResourceOrgID"))] } }, organization: quarantined });
    expect(resource(listKeys)).toBe("Allow");
    const principal = threeEngines({ keys: { [KEY]: { policy: doc(enableIam) } }, principals: { [APP]: { policies: [doc(allowIfNull("aws:PrincipalOrgID"))] } }, organization: quarantined });
    expect(principal(listKeys)).toBe("ImplicitDeny");
  });

  it("a check of an operation is decided the same way", () => {
    const decide = threeEngines(appBundle([denyQuarantined], { organization: quarantined }));
    const reEncrypt = (context: Record<string, string[]>): Doc => ({
      operation: "kms:ReEncrypt", checks: [
        { principal: S1, action: "kms:ReEncryptFrom", resource: KEY, context },
        { principal: S1, action: "kms:ReEncryptTo", resource: KEY, context },
      ],
    });
    expect(decide(reEncrypt({}))).toBe("ExplicitDeny");
    expect(decide(reEncrypt({ "aws:PrincipalOrgPaths": ["o-abc/r-root/ou-prod/"] }))).toBe("Allow");
  });
});

describe("deviation 50: CreateGrant's required parameters", () => {
  const onlyDecrypt: Doc = {
    Effect: "Allow", Principal: { AWS: ANN }, Action: "kms:CreateGrant", Resource: "*",
    Condition: { "ForAllValues:StringEquals": { "kms:GrantOperations": ["Decrypt"] } },
  };

  it("M1: ForAllValues on kms:GrantOperations does not hold vacuously when the request leaves it out (it was Allow)", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(onlyDecrypt) } }, principals: {} });
    expect(decide(createGrant(ANN))).toBe("ImplicitDeny");
    expect(decide(createGrant(ANN, { "kms:GrantOperations": [] }))).toBe("ImplicitDeny");
    // Given values are read as given.
    expect(decide(createGrant(ANN, { "kms:GrantOperations": ["Decrypt"] }))).toBe("Allow");
    expect(decide(createGrant(ANN, { "kms:GrantOperations": ["Decrypt", "CreateGrant"] }))).toBe("ImplicitDeny");
  });

  it("only on CreateGrant: the same condition on another action sees the key absent (unchanged)", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc({ ...onlyDecrypt, Action: "kms:Decrypt" }) } }, principals: {} });
    expect(decide(decrypt(ANN))).toBe("Allow");
  });

  it("a Deny on kms:GranteePrincipal fires when the request leaves it out", () => {
    const denyOutsiders: Doc = {
      Effect: "Deny", Principal: "*", Action: "kms:CreateGrant", Resource: "*", Condition: { StringNotLike: { "kms:GranteePrincipal": `arn:aws:iam::${A}:*` } },
    };
    const allowAnn: Doc = { Effect: "Allow", Principal: { AWS: ANN }, Action: "kms:CreateGrant", Resource: "*" };
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(allowAnn, denyOutsiders) } }, principals: {} });
    expect(decide(createGrant(ANN, { "kms:GrantOperations": ["Decrypt"] }))).toBe("ExplicitDeny");
    expect(decide(createGrant(ANN, { "kms:GrantOperations": ["Decrypt"], "kms:GranteePrincipal": WORKER }))).toBe("Allow");
    expect(decide(createGrant(ANN, { "kms:GrantOperations": ["Decrypt"], "kms:GranteePrincipal": `arn:aws:iam::${B}:role/W` }))).toBe("ExplicitDeny");
  });

  it("…IfExists and Null on a left-out key", () => {
    const allowIfWorker: Doc = {
      Effect: "Allow", Principal: { AWS: ANN }, Action: "kms:CreateGrant", Resource: "*", Condition: { StringEqualsIfExists: { "kms:GranteePrincipal": WORKER } },
    };
    const ifExists = threeEngines({ keys: { [KEY]: { policy: doc(allowIfWorker) } }, principals: {} });
    expect(ifExists(createGrant(ANN))).toBe("ImplicitDeny");
    expect(ifExists(createGrant(ANN, { "kms:GranteePrincipal": WORKER }))).toBe("Allow");

    const allowAnn: Doc = { Effect: "Allow", Principal: { AWS: ANN }, Action: "kms:CreateGrant", Resource: "*" };
    const denyNoOperations: Doc = { Effect: "Deny", Principal: "*", Action: "kms:CreateGrant", Resource: "*", Condition: { Null: { "kms:GrantOperations": "true" } } };
    const nullDeny = threeEngines({ keys: { [KEY]: { policy: doc(allowAnn, denyNoOperations) } }, principals: {} });
    // Null on an unknown key in a Deny: true (the fail-closed rule), as deviation 44 decides it.
    expect(nullDeny(createGrant(ANN))).toBe("ExplicitDeny");
    expect(nullDeny(createGrant(ANN, { "kms:GrantOperations": ["Decrypt"] }))).toBe("Allow");
  });

  it("a variable naming a left-out kms:GranteePrincipal has no value", () => {
    const retiresItself: Doc = {
      Effect: "Allow", Principal: { AWS: ANN }, Action: "kms:CreateGrant", Resource: "*", Condition: { StringEquals: { "kms:RetiringPrincipal": "${kms:GranteePrincipal}" } },
    };
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(retiresItself) } }, principals: {} });
    expect(decide(createGrant(ANN, { "kms:RetiringPrincipal": WORKER }))).toBe("ImplicitDeny");
    expect(decide(createGrant(ANN, { "kms:RetiringPrincipal": WORKER, "kms:GranteePrincipal": WORKER }))).toBe("Allow");
  });

  it("a CreateGrant check of an operation is decided the same way", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(onlyDecrypt, { ...onlyDecrypt, Action: "kms:Decrypt", Condition: {} }) } }, principals: {} });
    const operation = (context: Record<string, string[]>): Doc => ({ operation: "kms:ReEncrypt", checks: [decrypt(ANN), createGrant(ANN, context)] });
    expect(decide(operation({}))).toBe("ImplicitDeny");
    expect(decide(operation({ "kms:GrantOperations": ["Decrypt"] }))).toBe("Allow");
  });
});

describe("deviation 49 in a Cedar manifest", () => {
  // The caller's account B is outside the tree: with the management account known (999999999999), its
  // organization keys stay context-driven. A manifest written before `managementAccount` was kept cannot tell
  // whether B is the management account: it must read the left-out keys as unknown, never as absent.
  const outside = { managementAccount: MANAGEMENT, root: { id: "r-root", children: [{ account: "777788889999" }] } };
  const bundle = appBundle([{ ...denyQuarantined, Principal: "*" }, { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:Decrypt", Resource: "*" }],
    { organization: outside, principals: { [BOB]: { policies: [doc(allowAll)] } } });
  const outcome = (d: DecisionResult): string => ("error" in d ? d.error.code : d.decision);
  const cedarWith = (edit: (organization: Record<string, unknown>) => void) => {
    const files = compileBundle(bundle as never, { cedar: true }).cedar!;
    const manifest = JSON.parse(files.manifest) as { layers: { organization: Record<string, unknown> } };
    edit(manifest.layers.organization);
    return createCedarAuthorizer({ ...files, manifest: JSON.stringify(manifest) });
  };

  it("writes the management account, and decides a caller outside the tree on what its request gives", () => {
    const decide = threeEngines(bundle);
    expect(decide(decrypt(BOB))).toBe("Allow");
    expect(cedarWith((o) => expect(o["managementAccount"]).toBe(MANAGEMENT)).decide(decrypt(BOB) as never)).toMatchObject({ decision: "Allow" });
  });

  it("a manifest without `managementAccount` reads the left-out keys of any caller as unknown (fail closed)", () => {
    expect(outcome(cedarWith((o) => delete o["managementAccount"]).decide(decrypt(BOB) as never))).toBe("ExplicitDeny");
    // `null`: the bundle names no management account; the caller is outside the organization.
    expect(outcome(cedarWith((o) => (o["managementAccount"] = null)).decide(decrypt(BOB) as never))).toBe("Allow");
  });
});
