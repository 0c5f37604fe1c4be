// The Cedar engine's decision mapping (runtime/src/cedar/create-cedar-authorizer.ts): deciding policy
// ids → ExplicitDeny / ImplicitDeny / Allow with the statements as reasons; operations as the worst
// of their checks; and a Cedar evaluation error is an error entry, never a decision (an erroring
// forbid is skipped by Cedar, so a decision could be a wrong Allow).
import { describe, expect, it } from "vitest";
import type { CedarManifest, Request } from "@kms-cedar/runtime";
import { CEDAR_FAILURE_CODE, createCedarAuthorizer, loadCedar } from "@kms-cedar/runtime";
import { MANIFEST_FORMAT, MANIFEST_VERSION } from "@kms-cedar/runtime/cedar-names";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/k1`;
const KEY_2 = `arn:aws:kms:us-west-2:${A}:key/k2`;
const USER = `arn:aws:iam::${A}:user/Bob`;

const schema = `
namespace Iam { entity Account in [Account]; entity Policy; entity Root, User in [Account, Policy] { account: String }; entity Role in [Account, Policy] { account: String }; }
namespace Sts { entity AssumedRole in [Iam::Role, Iam::Policy] { account: String }; entity FederatedUser in [Iam::Account, Iam::Policy] { account: String }; }
namespace Aws { entity Service { account: String }; }
namespace Kms {
  type Context = { "n"?: Long };
  entity Key, Alias, NoResource { account: String, arn: String };
  action "Decrypt", "Encrypt" appliesTo { principal: [Iam::Root, Iam::User, Iam::Role, Sts::AssumedRole, Sts::FederatedUser, Aws::Service], resource: [Key], context: Context };
}`;
const reason = (statement: number, effect: "Allow" | "Deny") => ({ policy: `principals[${USER}][0]`, statement, effect });
const manifest: CedarManifest = {
  format: MANIFEST_FORMAT, version: MANIFEST_VERSION,
  actions: [{ name: "kms:Decrypt", target: "key", keyPolicy: true, crossAccount: true }, { name: "kms:Encrypt", target: "key", keyPolicy: true, crossAccount: true }],
  keys: [KEY, KEY_2],
  identity: [{ principal: USER, policies: [`principals[${USER}][0]`] }],
  policies: [
    { id: "allow-1", role: "allow", reason: reason(0, "Allow") },
    { id: "deny-1", role: "deny", reason: reason(1, "Deny") },
    { id: "gate-1", role: "gate" },
    { id: "deny-2", role: "deny", reason: reason(2, "Deny") },
  ],
  attributes: [{ name: "n", kind: "long", key: "n", derived: false, constants: [] }],
  markers: [],
};
const policy = `principal in Iam::Policy::"principals[${USER}][0]"`;
const policies = `
@id("allow-1") permit (${policy}, action, resource);
@id("deny-1") forbid (${policy}, action == Kms::Action::"Encrypt", resource);
@id("gate-1") forbid (principal, action, resource == Kms::Key::"${KEY_2}");
// Not what the emitter writes: reads "n" without a guard, so Cedar errors when it is absent.
@id("deny-2") forbid (${policy}, action == Kms::Action::"Decrypt", resource == Kms::Key::"${KEY_2}") when { context["n"] > 1 };
`;
const engine = createCedarAuthorizer({ policies, schema, manifest });
const request = (action: string, resource: string, context: Record<string, string> = {}): Request => ({ principal: USER, action, resource, context });

describe("createCedarAuthorizer", () => {
  it("maps satisfied permits to Allow with their statements", () => {
    expect(engine.decide(request("kms:Decrypt", KEY))).toEqual({ decision: "Allow", reasons: [reason(0, "Allow")] });
  });

  it("maps a satisfied deny-* forbid to ExplicitDeny and the gate alone to ImplicitDeny", () => {
    expect(engine.decide(request("kms:Encrypt", KEY))).toEqual({ decision: "ExplicitDeny", reasons: [reason(1, "Deny")] });
    expect(engine.decide(request("kms:Encrypt", KEY_2))).toEqual({ decision: "ExplicitDeny", reasons: [reason(1, "Deny")] });
    const gate = engine.authorize(request("kms:Decrypt", KEY_2, { n: "0" }));
    expect(gate.determining).toEqual(["gate-1"]);
    expect(gate.result).toEqual({ decision: "ImplicitDeny", reasons: [] });
  });

  it("never turns a Cedar evaluation error into a decision", () => {
    const answer = engine.authorize(request("kms:Decrypt", KEY_2));
    expect(answer.errors.length).toBe(1);
    expect(answer.result).toMatchObject({ error: { code: CEDAR_FAILURE_CODE } });
  });

  it("decides an operation as the worst of its checks, with their reasons", () => {
    const op = { operation: "kms:ReEncrypt", checks: [request("kms:Decrypt", KEY), request("kms:Encrypt", KEY)] };
    expect(engine.decide(op)).toEqual({ decision: "ExplicitDeny", reasons: [reason(1, "Deny")] });
    // A statement that denies both checks is named once (as the reference evaluator does).
    const twice = { operation: "kms:ReEncrypt", checks: [request("kms:Encrypt", KEY), request("kms:Encrypt", KEY_2)] };
    expect(engine.decide(twice)).toEqual({ decision: "ExplicitDeny", reasons: [reason(1, "Deny")] });
    expect(engine.decide({ operation: "kms:ReEncrypt", checks: [request("kms:Decrypt", KEY), request("kms:Frobnicate", KEY)] })).toMatchObject({ error: { code: "KR0002" } });
  });
});

describe("createCedarAuthorizer never lets an exception out", () => {
  it("an input whose reading throws (a getter, a Proxy) is KR0007, for decide, explain and decideMany", () => {
    const throwing = { action: "kms:Decrypt", resource: "*", get principal(): string { throw new Error("boom"); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    for (const input of [throwing, proxy]) {
      const code = (r: unknown): string => ("error" in (r as object) ? (r as { error: { code: string } }).error.code : "decided");
      expect(code(engine.decide(input))).toBe("KR0007");
      expect(code(engine.explain(input))).toBe("KR0007");
      expect(engine.decideMany([input]).map(code)).toEqual(["KR0007"]);
    }
  });
  it("turns an exception thrown by cedar-wasm into a KR0900 error entry, for decide and authorize", () => {
    const cedar = loadCedar() as { statefulIsAuthorized: unknown };
    const original = cedar.statefulIsAuthorized;
    cedar.statefulIsAuthorized = () => {
      throw new Error("memory access out of bounds \ud800");
    };
    try {
      const result = engine.decide(request("kms:Decrypt", KEY));
      expect(result).toMatchObject({ error: { code: CEDAR_FAILURE_CODE } });
      expect(engine.authorize(request("kms:Decrypt", KEY)).result).toMatchObject({ error: { code: "KR0900" } });
      expect(engine.decide({ operation: "kms:ReEncrypt", checks: [request("kms:Decrypt", KEY)] })).toMatchObject({ error: { code: "KR0900" } });
    } finally {
      cedar.statefulIsAuthorized = original;
    }
    expect(engine.decide(request("kms:Decrypt", KEY))).toEqual({ decision: "Allow", reasons: [reason(0, "Allow")] });
  });
});
