// The oracle on a bundle with a member it may not have (reference/bundle.ts strayMemberOf; the
// compiler refuses such a bundle, KC2902/KC2906): our rule, fail closed — the member could say
// anything (a misspelled `organization` could hold SCPs), so it denies every request it could
// concern, and no other. It once was ignored, and the request below was allowed.
import { describe, expect, it } from "vitest";
import { evaluateReference } from "@kms-cedar/runtime/reference";

const A = "111122223333";
const ALICE = `arn:aws:iam::${A}:user/Alice`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const K1 = `arn:aws:kms:us-west-2:${A}:key/k1`;
const K2 = `arn:aws:kms:us-west-2:${A}:key/k2`;
const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: [ALICE, BOB] }, Action: "kms:*", Resource: "*" }] };
const scpDenyAll = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "kms:*", Resource: "*" }] };
const base = { keys: { [K1]: { policy: allowAll }, [K2]: { policy: allowAll } }, principals: { [ALICE]: { policies: [] }, [BOB]: { policies: [] } } };
const decide = (bundle: object, principal: string, resource: string): string => {
  const r = evaluateReference(bundle as never, { principal, action: "kms:Decrypt", resource } as never);
  return "error" in r ? r.error.code : `${r.decision}${r.decision === "ExplicitDeny" ? ` ${r.reasons[0]?.policy}` : ""}`;
};

describe("the oracle on a bundle member it may not have", () => {
  it("allows without the member (the baseline)", () => {
    expect(decide(base, ALICE, K1)).toBe("Allow");
  });
  it("a member of the bundle itself denies every request", () => {
    const typo = { ...base, orgnization: { root: { scps: [scpDenyAll] } } };
    expect([decide(typo, ALICE, K1), decide(typo, BOB, K2)]).toEqual(["ExplicitDeny orgnization", "ExplicitDeny orgnization"]);
  });
  it("a member of a key entry denies the requests on that key only", () => {
    const typo = { ...base, keys: { ...base.keys, [K1]: { policy: allowAll, grnts: [] } } };
    expect([decide(typo, ALICE, K1), decide(typo, ALICE, K2)]).toEqual([`ExplicitDeny keys[${K1}].grnts`, "Allow"]);
  });
  it("a member of a principal entry denies that principal's requests only", () => {
    const typo = { ...base, principals: { ...base.principals, [BOB]: { policies: [], boundry: scpDenyAll } } };
    expect([decide(typo, BOB, K1), decide(typo, ALICE, K1)]).toEqual([`ExplicitDeny principals[${BOB}].boundry`, "Allow"]);
  });
  it("a member an organization node may not have makes the organization unreadable: a Deny of everything", () => {
    const org = (account: Record<string, unknown>) => ({ ...base, organization: { root: { children: [{ account: A, ...account }] } } });
    const scpAllowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    expect(decide(org({ scps: [scpAllowAll] }), ALICE, K1)).toBe("Allow");
    expect(decide(org({ scps: [scpDenyAll] }), ALICE, K1)).toMatch(/^ExplicitDeny organization/);
    // `scp` for `scps`: once ignored (FullAWSAccess), and the request was allowed.
    expect(decide(org({ scp: [scpDenyAll] }), ALICE, K1)).toMatch(/^ExplicitDeny organization/);
    expect(decide({ ...base, organization: { root: {}, mgmt: A } }, ALICE, K1)).toMatch(/^ExplicitDeny organization/);
  });
  it("a grant with a member it may not have allows nothing", () => {
    // The key policy allows Alice nothing; a grant lets her Decrypt with app=a only.
    const grant = (extra: Record<string, unknown>) => ({ ...base, keys: { ...base.keys, [K1]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: BOB }, Action: "kms:*", Resource: "*" }] }, grants: [{ name: "g", granteePrincipal: ALICE, operations: ["Decrypt"], ...extra }] } } });
    const withContext = (bundle: object, app: string): string => {
      const r = evaluateReference(bundle as never, { principal: ALICE, action: "kms:Decrypt", resource: K1, context: { "kms:EncryptionContext:app": app } } as never);
      return "error" in r ? r.error.code : r.decision;
    };
    expect([withContext(grant({ constraints: { encryptionContextEquals: { app: "a" } } }), "a"), withContext(grant({ constraints: { encryptionContextEquals: { app: "a" } } }), "b")]).toEqual(["Allow", "ImplicitDeny"]);
    // `constraint` for `constraints`: once read as a grant without constraints, and app=b allowed.
    expect(withContext(grant({ constraint: { encryptionContextEquals: { app: "a" } } }), "b")).toBe("ImplicitDeny");
  });
  it("an endpoint entry with a member it may not have denies what goes through it", () => {
    const endpointAllowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    const through = (entry: Record<string, unknown>): string => {
      const r = evaluateReference({ ...base, endpoints: { "vpce-0a1b": entry } } as never, { principal: ALICE, action: "kms:Decrypt", resource: K1, context: { "aws:SourceVpce": "vpce-0a1b" } } as never);
      return "error" in r ? r.error.code : r.decision;
    };
    expect(through({ policy: endpointAllowAll })).toBe("Allow");
    expect(through({ policy: endpointAllowAll, vpcc: "vpc-1" })).toBe("ExplicitDeny");
  });
  it("the members a bundle may have are no stray", () => {
    const full = { $schema: "x", ...base, keys: { ...base.keys, [K1]: { policy: allowAll, grants: [], awsManaged: false } } };
    expect(decide(full, ALICE, K1)).toBe("Allow");
  });
  it("a request error still comes first", () => {
    expect(decide({ ...base, orgnization: {} }, "alice", K1)).toBe("KR0001");
  });
});
