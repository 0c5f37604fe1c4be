// Deviation 51: the global keys AWS documents as always included in the request context (aws:CurrentTime,
// aws:EpochTime, aws:SecureTransport, aws:RequestedRegion, aws:ViaAWSService: "This key is always included in
// the request context."; aws:userid: "included in the request context for all signed requests"). Left out by
// the request, each is unknown (the fail-closed rule: false in an Allow, true in a Deny, `…IfExists` and `Null`
// included; a variable naming it has no value), never an absent key — for every caller kind, and aws:userid for
// the callers whose value is not derived (IAM users, role sessions; deviation 41), never a service principal
// (deviation 43). Before the rule the three engines read them as absent: the usual key-policy Deny on
// `aws:SecureTransport false` did not fire on a request that did not say how it was sent. Each expected outcome
// is authored from AWS's rule and ours, never read from an engine.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, type Doc, enableIam } from "./three-engines.js";

const APP = `arn:aws:iam::${A}:role/App`;
const S1 = `arn:aws:sts::${A}:assumed-role/App/s1`;
const ANN = `arn:aws:iam::${A}:user/Ann`;
const ROOT = `arn:aws:iam::${A}:root`;
const FED = `arn:aws:sts::${A}:federated-user/Fay`;
const LOGS = "logs.amazonaws.com";

const allowAll: Doc = { Effect: "Allow", Action: "kms:*", Resource: "*" };
const denyInsecure: Doc = {
  Sid: "DenyInsecure", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const decrypt = (principal: string, context: Record<string, string | string[]> = {}): Doc => ({ principal, action: "kms:Decrypt", resource: KEY, context });
/** A key policy that lets the account's IAM decide plus `statements`; App, Ann and Fay's policies allow `kms:*`. */
const bundleWith = (statements: Doc[], policy: Doc = allowAll): Doc => ({
  keys: { [KEY]: { policy: doc(enableIam, ...statements) } },
  principals: { [APP]: { policies: [doc(policy)] }, [ANN]: { policies: [doc(policy)] }, [FED]: { policies: [doc(policy)] } },
});

describe("deviation 51: the keys AWS always includes in the request context", () => {
  it("the key-policy Deny on aws:SecureTransport false fires when the request leaves the key out (it was Allow)", () => {
    const decide = threeEngines(bundleWith([denyInsecure]));
    for (const caller of [S1, ANN, ROOT, FED]) {
      expect(decide(decrypt(caller)), caller).toBe("ExplicitDeny");
      // An empty list is an absent key (spec §3.2): left out too.
      expect(decide(decrypt(caller, { "aws:SecureTransport": [] })), caller).toBe("ExplicitDeny");
      // A given value is read as given.
      expect(decide(decrypt(caller, { "aws:SecureTransport": "true" })), caller).toBe("Allow");
      expect(decide(decrypt(caller, { "aws:SecureTransport": "false" })), caller).toBe("ExplicitDeny");
    }
  });

  it("an Allow conditioned on aws:CurrentTime does not hold when the request leaves it out (it was false already; now also with IfExists)", () => {
    const until = (operator: string): Doc => ({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { [operator]: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } });
    const plain = threeEngines(bundleWith([], until("DateLessThan")));
    expect(plain(decrypt(S1))).toBe("ImplicitDeny");
    expect(plain(decrypt(S1, { "aws:CurrentTime": "2026-12-05T00:00:00Z" }))).toBe("Allow");
    expect(plain(decrypt(S1, { "aws:CurrentTime": "2031-01-01T00:00:00Z" }))).toBe("ImplicitDeny");
    // …IfExists on an unknown key is false in an Allow (as absent, it held).
    const ifExists = threeEngines(bundleWith([], until("DateLessThanIfExists")));
    expect(ifExists(decrypt(S1))).toBe("ImplicitDeny");
    expect(ifExists(decrypt(S1, { "aws:CurrentTime": "2026-12-05T00:00:00Z" }))).toBe("Allow");
  });

  it("an expiry Deny on aws:CurrentTime fires when the request leaves the key out (it was Allow)", () => {
    const expired: Doc = { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } };
    const decide = threeEngines(bundleWith([expired]));
    expect(decide(decrypt(S1))).toBe("ExplicitDeny");
    expect(decide(decrypt(S1, { "aws:CurrentTime": "2026-12-05T00:00:00Z" }))).toBe("Allow");
    expect(decide(decrypt(S1, { "aws:CurrentTime": "2031-01-01T00:00:00Z" }))).toBe("ExplicitDeny");
  });

  it("aws:RequestedRegion, aws:ViaAWSService and aws:EpochTime: …IfExists in an Allow, Bool in a Deny", () => {
    const inRegion: Doc = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEqualsIfExists: { "aws:RequestedRegion": "us-west-2" } } };
    const region = threeEngines(bundleWith([], inRegion));
    expect(region(decrypt(ANN))).toBe("ImplicitDeny");
    expect(region(decrypt(ANN, { "aws:RequestedRegion": "us-west-2" }))).toBe("Allow");
    expect(region(decrypt(ANN, { "aws:RequestedRegion": "eu-west-1" }))).toBe("ImplicitDeny");

    const direct: Doc = { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { Bool: { "aws:ViaAWSService": "true" } } };
    const via = threeEngines(bundleWith([direct]));
    expect(via(decrypt(ANN))).toBe("ExplicitDeny");
    expect(via(decrypt(ANN, { "aws:ViaAWSService": "false" }))).toBe("Allow");

    const epoch: Doc = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { NumericLessThanIfExists: { "aws:EpochTime": "1900000000" } } };
    const time = threeEngines(bundleWith([], epoch));
    expect(time(decrypt(ANN))).toBe("ImplicitDeny");
    expect(time(decrypt(ANN, { "aws:EpochTime": "1800000000" }))).toBe("Allow");
  });

  it("Null on a left-out key: false in an Allow whatever it asks, true in a Deny", () => {
    for (const value of ["true", "false"]) {
      const allowIf: Doc = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { Null: { "aws:SecureTransport": value } } };
      const decide = threeEngines(bundleWith([], allowIf));
      expect(decide(decrypt(S1)), `Null ${value}`).toBe("ImplicitDeny");
      expect(decide(decrypt(S1, { "aws:SecureTransport": "true" })), `Null ${value}`).toBe(value === "false" ? "Allow" : "ImplicitDeny");
    }
    const denyUnsaid: Doc = { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { Null: { "aws:RequestedRegion": "false" } } };
    const decide = threeEngines(bundleWith([denyUnsaid]));
    expect(decide(decrypt(S1))).toBe("ExplicitDeny");
  });

  it("aws:userid: unknown when left out for IAM users and role sessions; derived for the root user and federated users", () => {
    const denyOthers: Doc = {
      Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "kms:EncryptionContext:owner": "${aws:userid}" } },
    };
    const decide = threeEngines(bundleWith([denyOthers]));
    const owned = (principal: string, owner: string, extra: Record<string, string> = {}): Doc => decrypt(principal, { "kms:EncryptionContext:owner": owner, ...extra });
    // A role session or a user that leaves aws:userid out: the variable has no value, the Deny applies.
    expect(decide(owned(S1, "AROAEXAMPLE:s1"))).toBe("ExplicitDeny");
    expect(decide(owned(S1, "AROAEXAMPLE:s1", { "aws:userid": "AROAEXAMPLE:s1" }))).toBe("Allow");
    expect(decide(owned(ANN, "AIDAEXAMPLE"))).toBe("ExplicitDeny");
    expect(decide(owned(ANN, "AIDAEXAMPLE", { "aws:userid": "AIDAEXAMPLE" }))).toBe("Allow");
    // The root user's and a federated user's are derived (deviation 41).
    expect(decide(owned(ROOT, A))).toBe("Allow");
    expect(decide(owned(FED, `${A}:Fay`))).toBe("Allow");

    const allowIfNull: Doc = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { Null: { "aws:userid": "true" } } };
    const nullTest = threeEngines(bundleWith([], allowIfNull));
    expect(nullTest(decrypt(S1))).toBe("ImplicitDeny");
  });

  it("a service caller: the request's keys are unknown when left out, aws:userid stays absent (AWS documents none)", () => {
    const allowLogs = (condition: Doc): Doc => ({ Effect: "Allow", Principal: { Service: LOGS }, Action: "kms:Decrypt", Resource: "*", Condition: condition });
    const noUserId = threeEngines({ keys: { [KEY]: { policy: doc(allowLogs({ Null: { "aws:userid": "true" } })) } }, principals: {} });
    expect(noUserId(decrypt(LOGS))).toBe("Allow");

    const secure = threeEngines({ keys: { [KEY]: { policy: doc(allowLogs({}), denyInsecure) } }, principals: {} });
    expect(secure(decrypt(LOGS))).toBe("ExplicitDeny");
    expect(secure(decrypt(LOGS, { "aws:SecureTransport": "true" }))).toBe("Allow");
  });

  it("an operation's checks are decided the same way", () => {
    const decide = threeEngines(bundleWith([denyInsecure]));
    const reEncrypt = (context: Record<string, string>): Doc => ({
      operation: "kms:ReEncrypt", checks: [
        { principal: S1, action: "kms:ReEncryptFrom", resource: KEY, context },
        { principal: S1, action: "kms:ReEncryptTo", resource: KEY, context },
      ],
    });
    expect(decide(reEncrypt({}))).toBe("ExplicitDeny");
    expect(decide(reEncrypt({ "aws:SecureTransport": "true" }))).toBe("Allow");
  });

  it("a bundle no policy of which reads these keys decides as before", () => {
    const decide = threeEngines(bundleWith([]));
    expect(decide(decrypt(S1))).toBe("Allow");
    expect(decide({ principal: S1, action: "kms:ListKeys", resource: "*", context: {} })).toBe("Allow");
  });
});
