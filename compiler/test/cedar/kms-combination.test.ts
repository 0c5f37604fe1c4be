// Issue 10 items 4–6 at their root cause in the Cedar emitter and encoder: no permit can allow
// RetireGrant while every Deny covering it stays a forbid (ExplicitDeny survives); the request
// resource `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region (DESIGN §2), native where the
// pattern splits into segments, derived otherwise; a key policy's Resource matches with `*` or the
// key's exact ARN only (spec §1.7, §0.2). Expected texts and decisions are written from those rules.
import { describe, expect, it } from "vitest";
import type { Bundle, DecisionResult } from "@kms-cedar/runtime";
import { A, B, cedarEngine, DKP, KEY, policyById, ROLE, SESSION, toCedar } from "./cedar-helpers.js";

const EXT_ROLE = `arn:aws:iam::${B}:role/Ext`;
const EXT = `arn:aws:sts::${B}:assumed-role/Ext/s1`;
const K2 = `arn:aws:kms:us-west-2:${A}:key/2222bbbb-2222-2222-2222-222222222222`;
const outcome = (r: DecisionResult): string => ("error" in r ? r.error.code : r.decision);
const doc = (...statements: object[]): object => ({ Version: "2012-10-17", Statement: statements });
const ALL = { Effect: "Allow", Action: "kms:*", Resource: "*" };

describe("RetireGrant in Cedar: never allowed, its Denies decide ExplicitDeny", () => {
  const keyAllows = { Effect: "Allow", Principal: { AWS: [ROLE, EXT_ROLE, B] }, Action: "kms:*", Resource: "*" };
  const keyDeny = { Sid: "Perimeter", Effect: "Deny", Principal: "*", Action: "kms:RetireGrant", Resource: "*", Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } } };
  const bundle = (...key: object[]): Bundle => ({
    keys: { [KEY]: { policy: doc(DKP, keyAllows, ...key) } },
    principals: { [ROLE]: { policies: [doc(ALL)] }, [EXT_ROLE]: { policies: [doc(ALL)] } },
  });
  const retire = (principal: string, context: Record<string, string> = {}) => ({ principal, action: "kms:RetireGrant", resource: KEY, context });

  it("one forbid covers the actions no policy can allow", () => {
    expect(policyById(toCedar(bundle()).files!.policies, "grant-only")).toBe(
      '@id("grant-only") forbid (principal, action == Kms::Action::"RetireGrant", resource);',
    );
  });
  it("Allows everywhere (direct, delegated, cross-account, root): ImplicitDeny", () => {
    const engine = cedarEngine(bundle());
    for (const p of [SESSION, EXT, `arn:aws:iam::${A}:root`]) expect(engine.decide(retire(p))).toEqual({ decision: "ImplicitDeny", reasons: [] });
    expect(outcome(engine.decide({ principal: EXT, action: "kms:Decrypt", resource: KEY }))).toBe("Allow");
  });
  it("a key-policy Deny is a forbid covering RetireGrant, in the key's account and across accounts", () => {
    const out = toCedar(bundle(keyDeny));
    expect(policyById(out.files!.policies, "deny-p0-s2")).toBe(
      `@id("deny-p0-s2") forbid (principal, action == Kms::Action::"RetireGrant", resource == Kms::Key::"${KEY}") ` +
      'when { if context has "aws:sourcevpce" then context["aws:sourcevpce"] != "vpce-1" else true };',
    );
    const engine = cedarEngine(bundle(keyDeny));
    for (const p of [SESSION, EXT]) {
      expect(engine.decide(retire(p))).toMatchObject({ decision: "ExplicitDeny", reasons: [{ policy: `keys[${KEY}]`, statement: 2, sid: "Perimeter" }] });
      expect(outcome(engine.decide(retire(p, { "aws:SourceVpce": "vpce-1" })))).toBe("ImplicitDeny");
    }
  });
  it("an identity Deny decides ExplicitDeny", () => {
    const b = bundle();
    const engine = cedarEngine({ ...b, principals: { ...b.principals, [EXT_ROLE]: { policies: [doc(ALL, { Effect: "Deny", Action: "kms:RetireGrant", Resource: "*" })] } } });
    expect(outcome(engine.decide(retire(EXT)))).toBe("ExplicitDeny");
  });
});

describe("the request resource `*` in Cedar", () => {
  const identity = (...statements: object[]): Bundle => ({
    keys: { [KEY]: { policy: doc(DKP) } },
    principals: { [ROLE]: { policies: [doc(...statements)] }, [EXT_ROLE]: { policies: [doc(...statements)] } },
  });
  const listKeys = (principal = SESSION) => ({ principal, action: "kms:ListKeys", resource: "*" });

  it("native: five colons split into segments; partition and account are the caller's", () => {
    const out = toCedar(identity({ Effect: "Allow", Action: "kms:List*", Resource: `arn:aws:kms:*:${A}:*` }));
    expect(policyById(out.files!.policies, "allow-p1-s0")).toBe(
      `@id("allow-p1-s0") permit (principal in Iam::Policy::"principals[${ROLE}][0]", action in [Kms::Action::"ListAliases", Kms::Action::"ListGrants", Kms::Action::"ListKeyPolicies", Kms::Action::"ListKeyRotations", Kms::Action::"ListKeys", Kms::Action::"ListResourceTags", Kms::Action::"ListRetirableGrants"], resource) ` +
      `when { (resource.arn == "*" && resource.partition == "aws" && resource.account == "${A}") || resource.arn like "arn:aws:kms:*:${A}:*" };`,
    );
    expect(out.share.resources.derived).toBe(0);
    const engine = cedarEngine(identity({ Effect: "Allow", Action: "kms:List*", Resource: `arn:aws:kms:*:${A}:*` }));
    expect(outcome(engine.decide(listKeys()))).toBe("Allow");
    expect(outcome(engine.decide(listKeys(EXT)))).toBe("ImplicitDeny");
  });

  it("a Region-scoped Deny is undecided for `*`: it applies", () => {
    const bundle = identity(ALL, { Effect: "Deny", Action: "kms:CreateKey", Resource: `arn:aws:kms:us-east-1:${A}:*` });
    expect(policyById(toCedar(bundle).files!.policies, "deny-p1-s1")).toBe(
      `@id("deny-p1-s1") forbid (principal in Iam::Policy::"principals[${ROLE}][0]", action == Kms::Action::"CreateKey", resource) ` +
      `when { (resource.arn == "*" && resource.partition == "aws" && resource.account == "${A}") || resource.arn like "arn:aws:kms:us-east-1:${A}:*" };`,
    );
    const engine = cedarEngine(bundle);
    expect(outcome(engine.decide({ principal: SESSION, action: "kms:CreateKey", resource: "*" }))).toBe("ExplicitDeny");
    expect(outcome(engine.decide({ principal: EXT, action: "kms:CreateKey", resource: "*" }))).toBe("Allow");
    expect(outcome(engine.decide({ principal: SESSION, action: "kms:CreateKey", resource: `arn:aws:kms:us-west-2:${A}:*` }))).toBe("Allow");
  });

  it.each([
    ["arn:aws:kms:*", "every"], ["arn:aws:kms:*:*:*", "every"], ["arn:aws:kms:??:*:*", "some"],
    [`arn:aws:kms:*:${A}:key/*`, "none"], [`arn:aws:kms:*:${B}:*`, "none"], ["arn:aws-cn:kms:*", "none"],
    [`arn:aws:kms:*:11112222333?:*`, "every"], // a `?` in the account: derived
    [`arn:aws:kms:us-*:${A}*`, "some"], // a crossing `*` after a wildcard segment: derived
  ])("%s matches `*` in %s Regions: Allow, Deny and NotResource decide by it", (pattern, reach) => {
    const decide = (statements: object[]): string => outcome(cedarEngine(identity(...statements)).decide(listKeys()));
    expect(decide([{ Effect: "Allow", Action: "kms:ListKeys", Resource: pattern }])).toBe(reach === "every" ? "Allow" : "ImplicitDeny");
    expect(decide([ALL, { Effect: "Deny", Action: "kms:ListKeys", Resource: pattern }])).toBe(reach === "none" ? "Allow" : "ExplicitDeny");
    expect(decide([{ Effect: "Allow", Action: "kms:ListKeys", NotResource: pattern }])).toBe(reach === "none" ? "Allow" : "ImplicitDeny");
  });

  it("statements without resource-less actions keep the plain native test", () => {
    const out = toCedar(identity({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:*:*:key/*" }));
    expect(policyById(out.files!.policies, "allow-p1-s0")).toContain('when { resource.arn like "arn:aws:kms:*:*:key/*" }');
  });
});

describe("a key policy's Resource in Cedar: `*` or this key's ARN, anything else undecided", () => {
  const direct = (resource: string): object => ({ Sid: "App", Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:Decrypt", Resource: resource });
  const denying = (resource: string): object => ({ Sid: "No", Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: resource });
  const keys = (policy: object): Bundle => ({ keys: { [KEY]: { policy }, [K2]: { policy } }, principals: { [ROLE]: { policies: [doc(ALL)] } } });
  const decrypt = (key: string) => ({ principal: SESSION, action: "kms:Decrypt", resource: key });

  it("an Allow naming another key's ARN or a pattern never applies; naming this key it does", () => {
    const engine = cedarEngine(keys(doc(direct(K2))));
    expect(outcome(engine.decide(decrypt(KEY)))).toBe("ImplicitDeny");
    expect(outcome(engine.decide(decrypt(K2)))).toBe("Allow");
    expect(outcome(cedarEngine(keys(doc(direct(`arn:aws:kms:*:${A}:key/*`)))).decide(decrypt(KEY)))).toBe("ImplicitDeny");
  });
  it("a Deny naming a mistyped ARN applies; one naming another key applies too", () => {
    const engine = cedarEngine(keys(doc(DKP, denying(KEY.slice(0, -1)))));
    expect(outcome(engine.decide(decrypt(KEY)))).toBe("ExplicitDeny");
    expect(policyById(toCedar(keys(doc(DKP, denying(KEY.slice(0, -1))))).files!.policies, "deny-p0-s1")).toBe(
      `@id("deny-p0-s1") forbid (principal, action == Kms::Action::"Decrypt", resource == Kms::Key::"${KEY}");`,
    );
    const exact = cedarEngine(keys(doc(DKP, denying(KEY))));
    expect(outcome(exact.decide(decrypt(KEY)))).toBe("ExplicitDeny");
    expect(outcome(exact.decide(decrypt(K2)))).toBe("ExplicitDeny"); // K2 shares the policy: KEY is another key's ARN there
  });
});
