// The AVP encoder's and decoder's request error codes (KR0910–KR0913) firing, and the decoder's
// three-valued answer: an AVP evaluation error, an unknown decision or an unknown policy id is an
// error entry, never an Allow. (Here rather than in runtime/test: the manifests are compiled.)
import { AVP_REQUEST_CODES, createAvpDecoder, createAvpEncoder } from "@kms-cedar/runtime/avp";
import { describe, expect, it } from "vitest";
import { compileBundle } from "../../src/index.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const bundle = {
  keys: { [KEY]: { policy: doc({ Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }) } },
  principals: { [ROLE]: { policies: [doc({ Sid: "Use", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:Dept": "IT" } } }), doc({ Sid: "NoDelete", Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" })] } },
};
const manifest = () => compileBundle(bundle, { avp: true }).avp!.manifest;
const named = (role: string) => manifest().policies.find((p) => p.role === role)!;

describe("AVP request error codes", () => {
  it("KR0910 when the encoded request is over AVP's 1 MB request size quota", () => {
    const encoder = createAvpEncoder(manifest(), "PS1");
    const small = encoder.encode({ principal: ROLE, action: "kms:Decrypt", resource: KEY, context: { "kms:EncryptionContext:Dept": "IT" } });
    expect("error" in small).toBe(false);
    const big = encoder.encode({ principal: ROLE, action: "kms:Decrypt", resource: KEY, context: { "kms:EncryptionContext:Dept": "x".repeat(1_000_001) } });
    expect(big).toMatchObject({ error: { code: AVP_REQUEST_CODES.requestTooLarge } });
  });

  it("KR0007, never an exception, for an input whose reading throws (a getter, a Proxy); an inherited context is none", () => {
    const encoder = createAvpEncoder(manifest(), "PS1");
    const throwing = { action: "kms:Decrypt", resource: KEY, get principal(): string { throw new Error("boom"); } };
    const proxy = { principal: ROLE, action: "kms:Decrypt", resource: KEY, context: new Proxy({}, { ownKeys: () => { throw new Error("boom"); } }) };
    for (const input of [throwing, proxy]) {
      expect(encoder.encode(input as never)).toMatchObject({ error: { code: "KR0007" } });
      expect(encoder.encodeItem(input as never)).toMatchObject({ error: { code: "KR0007" } });
    }
    const inherited = Object.assign(Object.create({ context: { "kms:EncryptionContext:Dept": "IT" } }) as object, { principal: ROLE, action: "kms:Decrypt", resource: KEY });
    const own = encoder.encode({ principal: ROLE, action: "kms:Decrypt", resource: KEY });
    expect(encoder.encode(inherited as never)).toEqual(own);
  });

  it("KR0911 when the principal has more than 99 transitive parents", () => {
    const tiny = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" });
    // The role itself: its account twice and 97 policies = 99 parents, allowed; its sessions (one more parent) are refused at compile time (KC3105).
    const many = { keys: bundle.keys, principals: { [ROLE]: { policies: Array.from({ length: 97 }, () => tiny) } } };
    expect(compileBundle(many, { avp: true }).avp).toBeUndefined();
    const cedarManifest = JSON.parse(compileBundle(many).cedar!.manifest);
    const encoder = createAvpEncoder({ ...manifest(), cedar: cedarManifest }, "PS1");
    expect("error" in encoder.encode({ principal: ROLE, action: "kms:Decrypt", resource: KEY })).toBe(false);
    expect(encoder.encode({ principal: "arn:aws:sts::111122223333:assumed-role/App/s1", action: "kms:Decrypt", resource: KEY })).toMatchObject({ error: { code: AVP_REQUEST_CODES.tooManyParents } });
  });

  it("decodes ALLOW, DENY by a Deny statement, DENY by the gate and DENY by default", () => {
    const m = manifest();
    const allow = m.policies.find((p) => p.reason?.sid === "Use")!;
    const deny = m.policies.find((p) => p.reason?.sid === "NoDelete")!;
    const decode = createAvpDecoder(m, new Map([["SP1", allow.name], ["SP2", deny.name], ["SP3", named("gate").name]]));
    expect(decode({ decision: "ALLOW", determiningPolicies: [{ policyId: "SP1" }], errors: [] })).toEqual({ decision: "Allow", reasons: [allow.reason] });
    expect(decode({ decision: "DENY", determiningPolicies: [{ policyId: "SP3" }, { policyId: "SP2" }], errors: [] })).toEqual({ decision: "ExplicitDeny", reasons: [deny.reason] });
    expect(decode({ decision: "DENY", determiningPolicies: [{ policyId: "SP3" }], errors: [] })).toEqual({ decision: "ImplicitDeny", reasons: [] });
    expect(decode({ decision: "DENY", determiningPolicies: [], errors: [] })).toEqual({ decision: "ImplicitDeny", reasons: [] });
  });

  it("KR0912 when AVP reports evaluation errors, even with ALLOW", () => {
    const m = manifest();
    const decode = createAvpDecoder(m, { SP1: m.policies[0]!.name });
    expect(decode({ decision: "ALLOW", determiningPolicies: [{ policyId: "SP1" }], errors: [{ errorDescription: "attribute `x` not found" }] }))
      .toMatchObject({ error: { code: AVP_REQUEST_CODES.evaluationErrors } });
  });

  it("KR0913 when the answer names an unknown policy or an unknown decision", () => {
    const m = manifest();
    const decode = createAvpDecoder(m, { SP1: m.policies[0]!.name });
    expect(decode({ decision: "ALLOW", determiningPolicies: [{ policyId: "SP9" }], errors: [] })).toMatchObject({ error: { code: AVP_REQUEST_CODES.unreadableAnswer } });
    expect(decode({ decision: "MAYBE", determiningPolicies: [], errors: [] })).toMatchObject({ error: { code: AVP_REQUEST_CODES.unreadableAnswer } });
    expect(decode({})).toMatchObject({ error: { code: AVP_REQUEST_CODES.unreadableAnswer } });
  });
});
