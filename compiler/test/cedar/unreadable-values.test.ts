// A request value its operator's type cannot read is undecided (deviation 46): the fail-closed rule
// decides, in every engine. Read as a value no pair matches (spec A15, A17), "1e1" escaped a Deny on
// NumericGreaterThan and "0e0" satisfied NumericNotEquals in an Allow — values a caller chooses in its
// encryption context (found by an audit). Expected decisions are authored from the rule.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, enableIam } from "./three-engines.js";

const ALICE = `arn:aws:iam::${A}:user/alice`;

const bundle = {
  keys: { [KEY]: { policy: doc(enableIam) } },
  principals: { [ALICE]: { policies: [doc(
    { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
    { Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { NumericGreaterThan: { "kms:EncryptionContext:level": "3" } } },
    { Effect: "Allow", Action: "kms:Encrypt", Resource: "*", Condition: { NumericNotEquals: { "kms:EncryptionContext:tier": "0" } } },
    { Effect: "Allow", Action: "kms:Sign", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } } },
  )] } },
};

const decideRequest = threeEngines(bundle);
const decide = (action: string, context: Record<string, string>): string =>
  decideRequest({ principal: ALICE, action: `kms:${action}`, resource: KEY, context });

describe("request values the operator's type cannot read", () => {
  it("do not escape a Deny", () => {
    for (const value of ["1e1", " 10", "１０", "ten"]) expect(decide("Decrypt", { "kms:EncryptionContext:level": value }), value).toBe("ExplicitDeny");
    expect(decide("Decrypt", { "kms:EncryptionContext:level": "10" })).toBe("ExplicitDeny");
    expect(decide("Decrypt", { "kms:EncryptionContext:level": "2" })).toBe("Allow");
  });

  it("do not satisfy a negated operator in an Allow", () => {
    expect(decide("Encrypt", { "kms:EncryptionContext:tier": "0e0" })).toBe("ImplicitDeny");
    expect(decide("Encrypt", { "kms:EncryptionContext:tier": "1" })).toBe("Allow");
    expect(decide("Encrypt", { "kms:EncryptionContext:tier": "0" })).toBe("ImplicitDeny");
    expect(decide("Sign", { "aws:SourceIp": "not-an-ip" })).toBe("ImplicitDeny");
    expect(decide("Sign", { "aws:SourceIp": "192.0.2.1" })).toBe("Allow");
  });
});
