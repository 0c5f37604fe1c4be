// kms:EncryptionContextKeys is what AWS makes of the request's encryption context: its keys. A request
// that gives pairs (`kms:EncryptionContext:<key>`) and leaves the key out has it filled in (deviation 47):
// before, a Deny on it did not fire when the request builder forgot it (found by an audit). A given
// value is read as given. Expected decisions are authored from the rule; the three engines must agree.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, enableIam } from "./three-engines.js";

const ALICE = `arn:aws:iam::${A}:user/alice`;

const decide = threeEngines({
  keys: { [KEY]: { policy: doc(
    enableIam,
    { Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { "ForAnyValue:StringEquals": { "kms:EncryptionContextKeys": "Secret" } } },
  ) } },
  principals: { [ALICE]: { policies: [doc(
    { Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
    { Effect: "Allow", Action: "kms:Encrypt", Resource: "*", Condition: { "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": ["Dept", "App"] } } },
  )] } },
});
const request = (action: string, context: Record<string, string | string[]>) => ({ principal: ALICE, action: `kms:${action}`, resource: KEY, context });

describe("kms:EncryptionContextKeys from the pairs the request gives", () => {
  it("a Deny on a key fires when the request gives that pair and leaves the keys out", () => {
    expect(decide(request("Decrypt", { "kms:EncryptionContext:Secret": "x" }))).toBe("ExplicitDeny");
    expect(decide(request("Decrypt", { "kms:EncryptionContext:Dept": "IT" }))).toBe("Allow");
    // Pairs in any letter case of the prefix; an empty list is no pair.
    expect(decide(request("Decrypt", { "KMS:ENCRYPTIONCONTEXT:Secret": "x" }))).toBe("ExplicitDeny");
    expect(decide(request("Decrypt", { "kms:EncryptionContext:Secret": [] }))).toBe("Allow");
  });

  it("ForAllValues sees every key; two pairs whose keys differ only in case are undecided", () => {
    expect(decide(request("Encrypt", { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:App": "a" }))).toBe("Allow");
    expect(decide(request("Encrypt", { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:Other": "o" }))).toBe("ImplicitDeny");
    expect(decide(request("Encrypt", { "kms:EncryptionContext:Dept": "IT", "kms:EncryptionContext:dept": "IT" }))).toBe("ImplicitDeny");
  });

  it("a value the request gives is read as given", () => {
    expect(decide(request("Decrypt", { "kms:EncryptionContext:Secret": "x", "kms:EncryptionContextKeys": ["Secret"] }))).toBe("ExplicitDeny");
    expect(decide(request("Encrypt", { "kms:EncryptionContext:Other": "o", "kms:EncryptionContextKeys": ["Dept"] }))).toBe("Allow");
  });
});
