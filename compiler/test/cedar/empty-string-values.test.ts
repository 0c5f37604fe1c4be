// A context value that is, or holds, the empty string: IAM says such a value "in the request context is
// null" (Condition element), so `Null` sees no value; we decide every condition on it by the fail-closed
// rule (deviation 45). Read as a present value (the spec's A10), AWS's own "require a tag" guard — a Deny
// on `Null: true` — did not fire on an empty tag: a wrong Allow in all three engines, found by an audit.
// Expected decisions are authored from that rule; graph, Cedar and the reference must agree.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, enableIam } from "./three-engines.js";

const ALICE = `arn:aws:iam::${A}:user/alice`;


const bundle = {
  keys: { [KEY]: { policy: doc(
    enableIam,
    { Effect: "Deny", Principal: "*", Action: "kms:TagResource", Resource: "*", Condition: { Null: { "aws:RequestTag/Owner": "true" } } },
  ) } },
  principals: { [ALICE]: { policies: [doc(
    { Effect: "Allow", Action: ["kms:Decrypt", "kms:TagResource"], Resource: "*" },
    { Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { Null: { "aws:ResourceTag/Classification": "true" } } },
    { Effect: "Allow", Action: "kms:CreateKey", Resource: "*", Condition: { Null: { "aws:RequestTag/Project": "false" } } },
    { Effect: "Allow", Action: "kms:Encrypt", Resource: "*", Condition: { StringEqualsIfExists: { "kms:EncryptionContext:Dept": "IT" } } },
  )] } },
};

const decideRequest = threeEngines(bundle);
const decide = (action: string, resource: string, context: Record<string, string | string[]>): string =>
  decideRequest({ principal: ALICE, action: `kms:${action}`, resource, context });

describe("an empty-string context value is unknown, not a present value", () => {
  it("a Deny requiring a tag (Null: true) applies to an empty tag, as to a missing one", () => {
    expect(decide("Decrypt", KEY, { "aws:ResourceTag/Classification": "" })).toBe("ExplicitDeny");
    expect(decide("Decrypt", KEY, {})).toBe("ExplicitDeny");
    expect(decide("Decrypt", KEY, { "aws:ResourceTag/Classification": "secret" })).toBe("Allow");
    expect(decide("TagResource", KEY, { "aws:RequestTag/Owner": "", "aws:TagKeys": ["Owner"] })).toBe("ExplicitDeny");
    expect(decide("TagResource", KEY, { "aws:RequestTag/Owner": "ops", "aws:TagKeys": ["Owner"] })).toBe("Allow");
  });

  it("an Allow needing a value (Null: false) does not apply to an empty one, nor to a list holding one", () => {
    expect(decide("CreateKey", "*", { "aws:RequestTag/Project": "" })).toBe("ImplicitDeny");
    expect(decide("CreateKey", "*", { "aws:RequestTag/Project": [""] })).toBe("ImplicitDeny");
    expect(decide("CreateKey", "*", { "aws:RequestTag/Project": "alpha" })).toBe("Allow");
  });

  it("…IfExists does not read an empty value as a missing key", () => {
    expect(decide("Encrypt", KEY, { "kms:EncryptionContext:Dept": "" })).toBe("ImplicitDeny");
    expect(decide("Encrypt", KEY, {})).toBe("Allow");
    expect(decide("Encrypt", KEY, { "kms:EncryptionContext:Dept": "IT" })).toBe("Allow");
  });
});
