// Audit (H9): odd inputs must never let anything through (docs/request-model.md "Errors", spec §0.2):
// context values of the wrong type are KR0006 (including holes of a sparse array, which
// `Array.prototype.every` skips), object-prototype names never find anything, extra colons and
// empty strings are malformed, and large inputs stay fast.

import { describe, expect, it } from "vitest";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { A, APP, APP_ROLE, BOB, DKP, K1, allow, decision, doc, grant } from "./fixtures.js";

const code = (bundle: object, request: unknown): string => {
  const result = evaluateReference(bundle, request as never);
  return "error" in result ? result.error.code : result.decision;
};
const open = { keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*")) } } };
const decrypt = (context: unknown, principal = APP): object => ({ principal, action: "kms:Decrypt", resource: K1, context });
/** A key policy granting everyone `kms:*` under one condition block. */
const keyWith = (condition: object): object => ({
  keys: { [K1]: { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*", Condition: condition }) } },
});

describe("request model — context values that are not a string or an array of strings are KR0006", () => {
  // eslint-disable-next-line no-sparse-arrays
  const sparse = [, "a"];
  it.each([
    { name: "a number", value: 1 },
    { name: "null", value: null },
    { name: "a boolean", value: true },
    { name: "an object", value: { a: "b" } },
    { name: "a nested array", value: [["a"]] },
    { name: "an array holding a number", value: ["a", 1] },
    { name: "an array holding null", value: [null] },
    { name: "a sparse array (a hole is undefined)", value: new Array(1) },
    { name: "a sparse array with a string after the hole", value: sparse },
  ])("$name → KR0006, whatever the policy says", ({ value }) => {
    expect(code(open, decrypt({ "kms:EncryptionContext:k": value }))).toBe("KR0006");
    const negated = keyWith({ StringNotEqualsIgnoreCase: { "kms:EncryptionContext:k": "x" } });
    expect(code(negated, decrypt({ "kms:EncryptionContext:k": value }))).toBe("KR0006");
  });

  it.each([
    { name: "an array", context: [] },
    { name: "a string", context: "x" },
    { name: "null", context: null },
  ])("a context that is $name → KR0007", ({ context }) => {
    expect(code(open, decrypt(context))).toBe("KR0007");
  });
});

describe("object-prototype names never find anything", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("condition key `%s` is absent from an empty context", (key) => {
    expect(code(keyWith({ Null: { [key]: "false" } }), decrypt({}))).toBe("ImplicitDeny");
    expect(code(keyWith({ StringLike: { [key]: "*" } }), decrypt({}))).toBe("ImplicitDeny");
    expect(code(keyWith({ Null: { [key]: "true" } }), decrypt({}))).toBe("Allow");
  });

  it("a `__proto__` context key written in JSON is an ordinary key", () => {
    const context = JSON.parse('{"__proto__": "v"}') as unknown;
    expect(code(keyWith(JSON.parse('{"StringEquals": {"__proto__": "v"}}') as object), decrypt(context))).toBe("Allow");
  });

  it("a variable naming a prototype property is NULL when absent (§4.4)", () => {
    expect(code(keyWith({ StringEquals: { "kms:EncryptionContext:k": "${constructor}" } }), decrypt({ "kms:EncryptionContext:k": "" }))).toBe("ImplicitDeny");
  });

  it.each(["constructor", "toString", "__proto__"])("key ARN ending in `%s` is not found in the bundle (KR0004)", (id) => {
    expect(code(open, { principal: APP, action: "kms:Decrypt", resource: `arn:aws:kms:us-west-2:${A}:key/${id}` })).toBe("KR0004");
  });

  it("keys and identity policies inherited through a prototype are not read", () => {
    const keys = Object.create({ [K1]: { policy: doc(grant("Allow", "*", "kms:*")) } }) as object;
    expect(code({ keys }, decrypt({}))).toBe("KR0004");
    const principals = Object.create({ [APP_ROLE]: { policies: [doc(allow("kms:*"))] } }) as object;
    expect(code({ keys: { [K1]: { policy: doc(DKP) } }, principals }, decrypt({}))).toBe("ImplicitDeny");
  });

  it.each(["kms:constructor", "kms:toString", "kms:__proto__", "kms:hasOwnProperty"])("action `%s` is unknown (KR0002)", (action) => {
    expect(code(open, { principal: APP, action, resource: K1 })).toBe("KR0002");
  });

  it.each([
    { name: "Principal key `constructor`", principal: { constructor: "*" } },
    { name: "Principal key `__proto__` (JSON)", principal: JSON.parse('{"__proto__": "*"}') as unknown },
    { name: "Principal key `toString`", principal: { toString: ["*"] } },
  ])("$name is malformed: an Allow never applies", ({ principal }) => {
    expect(code({ keys: { [K1]: { policy: doc(grant("Allow", principal, "kms:*")) } } }, decrypt({}))).toBe("ImplicitDeny");
  });

  it("statement member and operator named `__proto__` (JSON) are unknown: FCR", () => {
    const member = JSON.parse('{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","__proto__":{}}') as object;
    expect(code({ keys: { [K1]: { policy: doc(member) } } }, decrypt({}))).toBe("ImplicitDeny");
    expect(code(keyWith(JSON.parse('{"__proto__": {"k": "v"}}') as object), decrypt({ k: "v" }))).toBe("ImplicitDeny");
  });
});

describe("extra colons and empty strings", () => {
  it.each([
    { name: "a user ARN with an extra colon", request: { principal: `arn:aws:iam::${A}:user/Bob:x`, action: "kms:Decrypt", resource: K1 }, expected: "KR0001" },
    { name: "a session ARN with an extra colon", request: { principal: `arn:aws:sts::${A}:assumed-role/App/s1:x`, action: "kms:Decrypt", resource: K1 }, expected: "KR0001" },
    { name: "a root ARN with a suffix", request: { principal: `arn:aws:iam::${A}:root:x`, action: "kms:Decrypt", resource: K1 }, expected: "KR0001" },
    { name: "an action with two colons", request: { principal: APP, action: "kms:Decrypt:x", resource: K1 }, expected: "KR0002" },
    { name: "a key ARN with a colon in the key id", request: { principal: APP, action: "kms:Decrypt", resource: `${K1}:x` }, expected: "KR0003" },
    { name: "a no-resource ARN with a suffix", request: { principal: APP, action: "kms:ListKeys", resource: `arn:aws:kms:us-west-2:${A}:*:x` }, expected: "KR0003" },
    { name: "an empty principal", request: { principal: "", action: "kms:Decrypt", resource: K1 }, expected: "KR0001" },
    { name: "an empty action", request: { principal: APP, action: "", resource: K1 }, expected: "KR0002" },
    { name: "an empty resource", request: { principal: APP, action: "kms:Decrypt", resource: "" }, expected: "KR0003" },
  ])("$name → $expected", ({ request, expected }) => {
    expect(code(open, request)).toBe(expected);
  });

  it("a Principal value with an extra colon does not name the caller", () => {
    const bundle = { keys: { [K1]: { policy: doc(grant("Allow", { AWS: `${BOB}:x` }, "kms:*")) } } };
    expect(decision(bundle, decrypt({}, BOB))).toBe("ImplicitDeny");
  });

  it.each([
    { name: "empty Action", statement: { Effect: "Allow", Principal: "*", Action: "", Resource: "*" } },
    { name: "empty Resource", statement: { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "" } },
    { name: "empty Action list", statement: { Effect: "Allow", Principal: "*", Action: [], Resource: "*" } },
  ])("$name is malformed: an Allow never applies, a Deny does", ({ statement }) => {
    expect(decision({ keys: { [K1]: { policy: doc(statement) } } }, decrypt({}))).toBe("ImplicitDeny");
    const denying = { ...statement, Effect: "Deny" };
    expect(decision({ keys: { [K1]: { policy: doc(grant("Allow", "*", "kms:*"), denying) } } }, decrypt({}))).toBe("ExplicitDeny");
  });
});

describe("large inputs stay fast and decided", () => {
  it("a 1 MB principal, resource and context value are decided in well under a second", () => {
    const big = "a".repeat(1_000_000);
    const started = performance.now();
    expect(code(open, { principal: `arn:aws:iam::${A}:user/${big}:`, action: "kms:Decrypt", resource: K1 })).toBe("KR0001");
    expect(code(open, { principal: APP, action: "kms:Decrypt", resource: `${K1}${big}:` })).toBe("KR0003");
    const like = keyWith({ StringLike: { "kms:EncryptionContext:k": "*a*a*a*a*a*b" } });
    expect(code(like, decrypt({ "kms:EncryptionContext:k": big }))).toBe("ImplicitDeny");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("10,000 context keys and 10,000 policy values", () => {
    const context = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`kms:EncryptionContext:k${i}`, `v${i}`]));
    const values = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    const started = performance.now();
    expect(code(keyWith({ StringEquals: { "kms:EncryptionContext:k9999": values } }), decrypt(context))).toBe("Allow");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
