// A key policy's Resource (spec §1.7, §5.2; issue 10 items 6 and 8a): KMS documents only `"*"`, which
// means this key. `*` and the key's exact ARN match; any other value — another key's ARN, a mistyped
// ARN, a wildcard pattern that would match this key, a value that is no ARN at all — is undecided
// (fail-closed rule, spec §0.2): an Allow does not apply, a Deny does.

import { describe, expect, it } from "vitest";
import { A, APP, APP_ROLE, DKP, K1, K2, allow, decision, doc } from "./fixtures.js";

const decrypt = { principal: APP, action: "kms:Decrypt", resource: K1, context: {} };
const direct = (resource: unknown): object => ({ Effect: "Allow", Principal: { AWS: APP_ROLE }, Action: "kms:Decrypt", Resource: resource });
const denyAll = (resource: unknown): object => ({ Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: resource });
const identity = { [APP_ROLE]: { policies: [doc(allow("kms:Decrypt"))] } };

const UNDECIDED = [
  K2, // another key
  K1.slice(0, -1), // this key's ARN, mistyped
  `arn:aws:kms:*:${A}:key/*`, // a pattern that would match this key
  `${K1}*`,
  "x", "**", "ARN:aws:kms:*", // no ARN at all (the checks reject these, KC2060)
];

describe("a key-policy Allow applies only with `*` or this key's exact ARN", () => {
  it("`*` and the exact ARN match (a direct grant)", () => {
    expect(decision({ keys: { [K1]: { policy: doc(direct("*")) } } }, decrypt)).toBe("Allow");
    expect(decision({ keys: { [K1]: { policy: doc(direct(K1)) } } }, decrypt)).toBe("Allow");
    expect(decision({ keys: { [K1]: { policy: doc(direct([K1, K1])) } } }, decrypt)).toBe("Allow");
  });
  it.each(UNDECIDED)("%s: undecided, so the Allow does not apply", (resource) => {
    expect(decision({ keys: { [K1]: { policy: doc(direct(resource)) } } }, decrypt)).toBe("ImplicitDeny");
  });
  it("one undecided value beside the exact ARN leaves the element undecided; beside `*` it does not", () => {
    expect(decision({ keys: { [K1]: { policy: doc(direct([K1, K2])) } } }, decrypt)).toBe("ImplicitDeny");
    expect(decision({ keys: { [K1]: { policy: doc(direct(["*", K2])) } } }, decrypt)).toBe("Allow");
  });
  it("the account statement (delegation) follows the same rule", () => {
    const delegating = { ...DKP, Resource: `arn:aws:kms:us-west-2:${A}:key/*` };
    expect(decision({ keys: { [K1]: { policy: doc(delegating) } }, principals: identity }, decrypt)).toBe("ImplicitDeny");
    expect(decision({ keys: { [K1]: { policy: doc(DKP) } }, principals: identity }, decrypt)).toBe("Allow");
  });
});

describe("a key-policy Deny applies whatever its Resource value: `*` and this key match, anything else is undecided", () => {
  it.each(["*", K1, ...UNDECIDED])("%s: the Deny applies", (resource) => {
    expect(decision({ keys: { [K1]: { policy: doc(DKP, denyAll(resource)) } }, principals: identity }, decrypt)).toBe("ExplicitDeny");
  });
  it("without the Deny the request is allowed (the Deny is what decides)", () => {
    expect(decision({ keys: { [K1]: { policy: doc(DKP) } }, principals: identity }, decrypt)).toBe("Allow");
  });
});
