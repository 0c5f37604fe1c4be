// Principal forms in key policies (spec §1.5, §5.3 helpers, A22, A35, docs/request-model.md):
// direct grants (KD), account principals that delegate to IAM (KA), and fail-closed shapes.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, B, BOB, DKP, K1, ROOT_A, allow, decision, doc, grant } from "./fixtures.js";

const FED = `arn:aws:sts::${A}:federated-user/Fed`;
const SERVICE = "logs.amazonaws.com";
const APP_S2 = `arn:aws:sts::${A}:assumed-role/App/s2`;
// A session needs no entry of its own (it has its role's policies); one would make the role ARN as caller
// ambiguous (KR0012, docs/request-model.md "The caller").
const IAM_CALLERS = [APP_ROLE, BOB, FED];

/** K1's policy is one Allow statement with `principal`; optionally every IAM caller has `Allow kms:*`. */
function run(principal: unknown, caller: string, withIdentity: boolean): string {
  const principals = withIdentity ? Object.fromEntries(IAM_CALLERS.map((arn) => [arn, { policies: [doc(allow("kms:*"))] }])) : {};
  const bundle = { keys: { [K1]: { policy: doc(grant("Allow", principal, "kms:Decrypt")) } }, principals };
  return decision(bundle, { principal: caller, action: "kms:Decrypt", resource: K1, context: {} });
}

type Kind = "direct" | "account" | "none";
const EXPECT: Record<Kind, [string, string]> = {
  // [without identity policies, with an identity Allow]
  direct: ["Allow", "Allow"],
  account: ["ImplicitDeny", "Allow"],
  none: ["ImplicitDeny", "ImplicitDeny"],
};

const rows: Array<{ name: string; principal: unknown; caller: string; kind: Kind }> = [
  { name: "\"*\" names a session directly", principal: "*", caller: APP, kind: "direct" },
  { name: "\"*\" names a service caller", principal: "*", caller: SERVICE, kind: "direct" },
  { name: "\"*\" names the root user", principal: "*", caller: ROOT_A, kind: "direct" },
  { name: "{AWS:*} = *", principal: { AWS: "*" }, caller: BOB, kind: "direct" },
  { name: "bare account id delegates (session)", principal: { AWS: A }, caller: APP, kind: "account" },
  { name: "bare account id delegates (user)", principal: { AWS: A }, caller: BOB, kind: "account" },
  { name: "bare account id delegates (federated user)", principal: { AWS: A }, caller: FED, kind: "account" },
  { name: "root ARN delegates (session)", principal: { AWS: `arn:aws:iam::${A}:root` }, caller: APP, kind: "account" },
  { name: "root ARN and the root user: identity side implicit", principal: { AWS: `arn:aws:iam::${A}:root` }, caller: ROOT_A, kind: "direct" },
  { name: "account principal never names a service", principal: { AWS: A }, caller: SERVICE, kind: "none" },
  { name: "another account's root does not name A's callers", principal: { AWS: `arn:aws:iam::${B}:root` }, caller: APP, kind: "none" },
  { name: "role ARN names every session of the role", principal: { AWS: APP_ROLE }, caller: APP_S2, kind: "direct" },
  { name: "role ARN names the role itself", principal: { AWS: APP_ROLE }, caller: APP_ROLE, kind: "direct" },
  { name: "role ARN with a path names the session (by role name)", principal: { AWS: `arn:aws:iam::${A}:role/team/App` }, caller: APP, kind: "direct" },
  { name: "role ARN of another role", principal: { AWS: `arn:aws:iam::${A}:role/Other` }, caller: APP, kind: "none" },
  { name: "role name is case-sensitive", principal: { AWS: `arn:aws:iam::${A}:role/app` }, caller: APP, kind: "none" },
  { name: "session ARN names that session", principal: { AWS: APP }, caller: APP, kind: "direct" },
  { name: "session ARN does not name another session", principal: { AWS: APP }, caller: APP_S2, kind: "none" },
  { name: "user ARN names the user", principal: { AWS: BOB }, caller: BOB, kind: "direct" },
  { name: "user name is case-sensitive", principal: { AWS: `arn:aws:iam::${A}:user/bob` }, caller: BOB, kind: "none" },
  { name: "federated-user ARN", principal: { AWS: FED }, caller: FED, kind: "direct" },
  { name: "service principal", principal: { Service: SERVICE }, caller: SERVICE, kind: "direct" },
  { name: "service principal does not name IAM callers", principal: { Service: SERVICE }, caller: APP, kind: "none" },
  { name: "another service", principal: { Service: "ec2.amazonaws.com" }, caller: SERVICE, kind: "none" },
  { name: "unique id never matches (A35)", principal: { AWS: "AROAEXAMPLEID123456" }, caller: APP, kind: "none" },
  { name: "list: user directly", principal: { AWS: [`arn:aws:iam::${A}:user/Alice`, BOB] }, caller: BOB, kind: "direct" },
  { name: "map: AWS and Service entries OR", principal: { AWS: BOB, Service: SERVICE }, caller: SERVICE, kind: "direct" },
  { name: "Federated principals do not name KMS callers", principal: { Federated: "cognito-identity.amazonaws.com" }, caller: APP, kind: "none" },
  { name: "partial wildcard → FCR (no Allow)", principal: { AWS: `arn:aws:iam::${A}:role/App*` }, caller: APP, kind: "none" },
  { name: "empty principal map → FCR (no Allow)", principal: {}, caller: APP, kind: "none" },
  { name: "unknown principal key → FCR (no Allow)", principal: { Group: "x" }, caller: APP, kind: "none" },
  { name: "empty AWS list → FCR (no Allow)", principal: { AWS: [] }, caller: APP, kind: "none" },
];

describe("key-policy principals (§1.5)", () => {
  it.each(rows)("$name", ({ principal, caller, kind }) => {
    expect([run(principal, caller, false), run(principal, caller, true)]).toEqual(EXPECT[kind]);
  });
});

describe("Deny principals and NotPrincipal", () => {
  const denyWith = (statement: object, caller: string): string => decision(
    { keys: { [K1]: { policy: doc(DKP, grant("Allow", "*", "kms:Decrypt"), statement) } }, principals: {} },
    { principal: caller, action: "kms:Decrypt", resource: K1, context: {} },
  );
  const denyBy = (principal: unknown): object => grant("Deny", principal, "kms:Decrypt");
  it.each([
    { name: "a Deny with a malformed principal applies (FCR)", statement: denyBy({ AWS: "arn:aws:iam::*:role/x" }), caller: APP, expected: "ExplicitDeny" },
    { name: "a Deny naming the account applies to a session (A22)", statement: denyBy({ AWS: `arn:aws:iam::${A}:root` }), caller: APP, expected: "ExplicitDeny" },
    { name: "a Deny naming the account does not apply to a service", statement: denyBy({ AWS: A }), caller: SERVICE, expected: "Allow" },
    { name: "a Deny naming a service applies to it", statement: denyBy({ Service: SERVICE }), caller: SERVICE, expected: "ExplicitDeny" },
    { name: "a Deny naming another role does not apply", statement: denyBy({ AWS: `arn:aws:iam::${A}:role/Other` }), caller: APP, expected: "Allow" },
    // IAM's NotPrincipal page: to skip one session, list "the ARN of the assumed-role user …, the role …, and the AWS account".
    { name: "NotPrincipal naming the session, its role and the account excludes that session (§1.5)", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP, APP_ROLE, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "Allow" },
    { name: "NotPrincipal naming the role and the account does not exclude its sessions", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP_ROLE, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "ExplicitDeny" },
    { name: "NotPrincipal naming another session of the role applies", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP.replace(/[^/]+$/, "other"), APP_ROLE, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "ExplicitDeny" },
    { name: "NotPrincipal naming the session and the account but not its role applies", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "ExplicitDeny" },
    { name: "NotPrincipal naming a role and the account applies to the role ARN as caller (an unknown session)", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP_ROLE, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: APP_ROLE, expected: "ExplicitDeny" },
    { name: "NotPrincipal naming the user and the account excludes the user", statement: { Effect: "Deny", NotPrincipal: { AWS: [BOB, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: BOB, expected: "Allow" },
    { name: "NotPrincipal naming the account but not the user applies", statement: { Effect: "Deny", NotPrincipal: { AWS: [APP_ROLE, `arn:aws:iam::${A}:root`] }, Action: "kms:Decrypt", Resource: "*" }, caller: BOB, expected: "ExplicitDeny" },
    { name: "NotPrincipal naming the role only applies (account not named)", statement: { Effect: "Deny", NotPrincipal: { AWS: APP_ROLE }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "ExplicitDeny" },
    { name: "NotPrincipal * excludes everyone", statement: { Effect: "Deny", NotPrincipal: "*", Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "Allow" },
    { name: "Principal and NotPrincipal together in a Deny → FCR applies", statement: { Effect: "Deny", Principal: { AWS: BOB }, NotPrincipal: { AWS: BOB }, Action: "kms:Decrypt", Resource: "*" }, caller: APP, expected: "ExplicitDeny" },
  ])("$name", ({ statement, caller, expected }) => {
    expect(denyWith(statement, caller)).toBe(expected);
  });

  it("an Allow with NotPrincipal never applies (§1.5: not supported)", () => {
    const bundle = { keys: { [K1]: { policy: doc({ Effect: "Allow", NotPrincipal: { AWS: BOB }, Action: "kms:Decrypt", Resource: "*" }) } } };
    expect(decision(bundle, { principal: APP, action: "kms:Decrypt", resource: K1 })).toBe("ImplicitDeny");
  });
});
