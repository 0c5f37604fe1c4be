// A role ARN as principal (`arn:P:iam::A:role/PATH/NAME`) stands for a session of that role whose name the
// request does not give (docs/request-model.md "The caller"). When the bundle names a session of the role,
// or the role under another path, the caller may be exactly what a Deny, a boundary or a session policy
// names: the request is refused (KR0012, deviation 48), never decided as if it were not. Before the rule the
// three engines allowed such callers past those Denies. Each expected outcome is authored from the rule.
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { outcome, threeEngines, ACCOUNT as A, KEY, doc, type Doc, enableIam } from "./three-engines.js";

const B = "444455556666";
const ROLE = `arn:aws:iam::${A}:role/team/App`;
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
const OTHER_SESSION = `arn:aws:sts::${A}:assumed-role/App/s2`;
const ROLE_OTHER_PATH = `arn:aws:iam::${A}:role/other/App`;
const VPCE = "vpce-0a1b2c3d";

const allowRole: Doc = { Sid: "AllowRole", Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: "*" };
const denyTo = (aws: string): Doc => ({ Sid: "Deny", Effect: "Deny", Principal: { AWS: aws }, Action: "kms:Decrypt", Resource: "*" });
const identityAllow = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" });
const encryptOnly = doc({ Effect: "Allow", Action: "kms:Encrypt", Resource: "*" });

const decrypt = (principal: string, context: Record<string, string> = {}): Doc => ({ principal, action: "kms:Decrypt", resource: KEY, context });

describe("a role ARN as caller, when the bundle names a session of the role or the role under another path", () => {
  it("1: a key-policy Deny naming a session of the role: refused (it was Allow)", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole, denyTo(SESSION)) } } });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    // Sessions are decided as before: the one the Deny names is denied, another is allowed through its role.
    expect(decide(decrypt(SESSION))).toBe("ExplicitDeny");
    expect(decide(decrypt(OTHER_SESSION))).toBe("Allow");
  });

  it("2: a key-policy Deny naming the role under another path: refused (it was Allow)", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole, denyTo(ROLE_OTHER_PATH)) } } });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    // Role names are unique in an account: a session of App is what the Deny names, whatever the path.
    expect(decide(decrypt(SESSION))).toBe("ExplicitDeny");
    // The bundle writes the role under two paths: neither is the one ARN of the role.
    expect(decide(decrypt(ROLE_OTHER_PATH))).toBe("KR0012");
    // A bundle that writes the role one way only decides the caller written that way.
    const one = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, { ...allowRole, Principal: { AWS: ROLE_OTHER_PATH } }, denyTo(ROLE_OTHER_PATH)) } } });
    expect(one(decrypt(ROLE_OTHER_PATH))).toBe("ExplicitDeny");
    expect(one(decrypt(ROLE))).toBe("KR0012");
  });

  it("2b: another letter case of the path is another ARN: refused", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole, denyTo(`arn:aws:iam::${A}:role/Team/App`)) } } });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
  });

  it("3: a permissions boundary listed under the role with another path: refused (it was Allow)", () => {
    const decide = threeEngines({
      keys: { [KEY]: { policy: doc(enableIam) } },
      principals: { [ROLE]: { policies: [identityAllow] }, [ROLE_OTHER_PATH]: { boundary: encryptOnly } },
    });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    // A session has its role's policies and boundary whatever the path: the boundary caps Decrypt.
    expect(decide(decrypt(SESSION))).toBe("ImplicitDeny");
  });

  it("3b: identity policies listed under the role with another path: refused", () => {
    const decide = threeEngines({
      keys: { [KEY]: { policy: doc(enableIam) } },
      principals: { [ROLE]: { policies: [identityAllow] }, [ROLE_OTHER_PATH]: { policies: [doc({ Effect: "Deny", Action: "kms:Decrypt", Resource: "*" })] } },
    });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    expect(decide(decrypt(SESSION))).toBe("ExplicitDeny");
  });

  it("4: session policies listed under a session of the role: refused (it was Allow)", () => {
    const decide = threeEngines({
      keys: { [KEY]: { policy: doc(enableIam) } },
      principals: { [ROLE]: { policies: [identityAllow] }, [SESSION]: { sessionPolicies: [encryptOnly] } },
    });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    expect(decide(decrypt(SESSION))).toBe("ImplicitDeny");
    expect(decide(decrypt(OTHER_SESSION))).toBe("Allow");
  });

  it("5: a grant whose grantee, or retiring principal, is a session of the role: refused", () => {
    const grant = { name: "g", granteePrincipal: SESSION, operations: ["Decrypt"] };
    const byGrantee = threeEngines({ keys: { [KEY]: { policy: doc(enableIam), grants: [grant] } } });
    expect(byGrantee(decrypt(ROLE))).toBe("KR0012");
    expect(byGrantee(decrypt(SESSION))).toBe("Allow");
    const retiring = { name: "g", granteePrincipal: `arn:aws:iam::${A}:user/Bob`, retiringPrincipal: SESSION, operations: ["Decrypt"] };
    const byRetiring = threeEngines({ keys: { [KEY]: { policy: doc(enableIam), grants: [retiring] } } });
    expect(byRetiring(decrypt(ROLE))).toBe("KR0012");
  });

  it("6: a VPC endpoint policy Deny naming a session of the role: refused (it was Allow)", () => {
    const endpoint = doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }, denyTo(SESSION));
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole) } }, endpoints: { [VPCE]: { policy: endpoint } } });
    const through = { "aws:SourceVpce": VPCE };
    expect(decide(decrypt(ROLE, through))).toBe("KR0012");
    expect(decide(decrypt(SESSION, through))).toBe("ExplicitDeny");
    // The bundle names the session whatever the request's path: refused without the endpoint too.
    expect(decide(decrypt(ROLE))).toBe("KR0012");
  });

  it("a statement that can match no KMS action still names its principal: refused", () => {
    const iamOnly = { Sid: "IamOnly", Effect: "Deny", Principal: { AWS: SESSION }, Action: "kms:CreateKey", Resource: "*" };
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole, iamOnly) } } });
    expect(decide(decrypt(ROLE))).toBe("KR0012");
    expect(decide(decrypt(SESSION))).toBe("Allow");
  });
});

describe("a role ARN as caller, when the bundle names no session of it and no other ARN for it", () => {
  it("7: the bundle names only the caller's own ARN (and other roles, accounts, partitions): decided as before", () => {
    const decide = threeEngines({
      keys: {
        [KEY]: {
          policy: doc(enableIam, allowRole, denyTo(`arn:aws:sts::${A}:assumed-role/Admin/s1`), denyTo(`arn:aws:sts::${B}:assumed-role/App/s1`),
            denyTo(`arn:aws:iam::${A}:role/team/AppX`), denyTo(`arn:aws:iam::${B}:role/other/App`)),
          grants: [{ name: "g", granteePrincipal: ROLE, operations: ["Encrypt"] }],
        },
      },
      principals: { [ROLE]: { policies: [identityAllow], boundary: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) } },
    });
    expect(decide(decrypt(ROLE))).toBe("Allow");
    expect(decide({ principal: ROLE, action: "kms:Encrypt", resource: KEY })).toBe("Allow");
    expect(decide(decrypt(SESSION))).toBe("Allow");
  });

  it("8: callers that are not a bare role ARN are never refused", () => {
    const decide = threeEngines({ keys: { [KEY]: { policy: doc(enableIam, allowRole, denyTo(SESSION), denyTo(ROLE_OTHER_PATH)) } } });
    expect(decide(decrypt(SESSION))).toBe("ExplicitDeny");
    expect(decide(decrypt(`arn:aws:iam::${A}:user/App`))).toBe("ImplicitDeny");
    expect(decide(decrypt(`arn:aws:iam::${A}:root`))).toBe("Allow");
    expect(decide(decrypt(`arn:aws:iam::${A}:role/Admin`))).toBe("ImplicitDeny");
  });
});

describe("KR0012 in the error order, in explanations, operations and batches", () => {
  const bundle = { keys: { [KEY]: { policy: doc(enableIam, allowRole, denyTo(SESSION)) } } };

  it("comes after KR0004 and before KR0009", () => {
    const decide = threeEngines(bundle);
    expect(decide({ ...decrypt(ROLE), resource: `arn:aws:kms:us-west-2:${A}:key/other` })).toBe("KR0004");
    expect(decide(decrypt(ROLE, { "aws:PrincipalAccount": B }))).toBe("KR0012");
  });

  it("9: explain() of each engine, decideMany and an operation give the same error", () => {
    const compiled = compileBundle(bundle as never, { cedar: true });
    const graph = createAuthorizer(compiled.graph!);
    const cedar = createCedarAuthorizer(compiled.cedar!);
    const request = decrypt(ROLE);
    const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;
    expect([code(graph.explain(request)), code(cedar.explain(request)), code(explainReference(bundle as never, request as never))]).toEqual(["KR0012", "KR0012", "KR0012"]);
    expect(graph.explain(request)).toEqual(graph.decide(request));
    expect(cedar.explain(request)).toEqual(cedar.decide(request));
    expect(graph.decideMany([decrypt(SESSION), request]).map(outcome)).toEqual(["ExplicitDeny", "KR0012"]);
    expect(cedar.decideMany([decrypt(SESSION), request]).map(outcome)).toEqual(["ExplicitDeny", "KR0012"]);
    const operation = { operation: "kms:ReEncrypt", checks: [
      { principal: ROLE, action: "kms:ReEncryptFrom", resource: KEY, context: {} },
      { principal: ROLE, action: "kms:ReEncryptTo", resource: KEY, context: {} },
    ] };
    expect([outcome(graph.decide(operation)), outcome(cedar.decide(operation)), outcome(evaluateReference(bundle as never, operation as never))]).toEqual(["KR0012", "KR0012", "KR0012"]);
  });
});
