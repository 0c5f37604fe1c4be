// The keys AWS sets from the caller (runtime/src/request/derived-keys.ts, docs/request-model.md):
// the value per caller kind, what a context may say, the session role ARN, and kms:CallerAccount's
// operations. Expected values are written from spec §6.4 and the request model, not from the code.
import { describe, expect, it } from "vitest";
import { acceptsGiven, callerDerived, DERIVED_KEYS, parseCaller } from "@kms-cedar/runtime";
import type { Derived } from "@kms-cedar/runtime";
import { parseGivenArn, setsCallerAccount, uniqueRoles } from "../../src/request/derived-keys.js";
import { resolveDerived } from "../../src/request/resolve-derived.js";

const A = "111122223333";
const derivedOf = (principal: string, roleArn?: string): Record<string, Derived> => {
  const caller = parseCaller(principal);
  if (caller === undefined) throw new Error("test principal does not parse");
  const list = callerDerived(caller, () => roleArn);
  return Object.fromEntries(DERIVED_KEYS.map((k, i) => [k, list[i]!]));
};
const is = (value: string) => ({ kind: "value", value, fill: true });

describe("callerDerived", () => {
  it("an IAM user: its ARN, account, user name (last path segment), type User", () => {
    const d = derivedOf(`arn:aws:iam::${A}:user/division/Bob`);
    expect(d["aws:principalarn"]).toEqual(is(`arn:aws:iam::${A}:user/division/Bob`));
    expect(d["aws:principalaccount"]).toEqual(is(A));
    expect(d["kms:calleraccount"]).toEqual(is(A));
    expect(d["aws:username"]).toEqual(is("Bob"));
    expect(d["aws:principaltype"]).toEqual(is("User"));
    expect(d["aws:principalisawsservice"]).toEqual(is("false"));
    expect(d["aws:principalservicename"]).toEqual({ kind: "never" });
    expect(d["aws:userid"]).toEqual({ kind: "free" });
  });

  it("root: its ARN, the account as aws:userid, no aws:username, type Account", () => {
    const d = derivedOf(`arn:aws:iam::${A}:root`);
    expect(d["aws:principalarn"]).toEqual(is(`arn:aws:iam::${A}:root`));
    expect(d["aws:userid"]).toEqual(is(A));
    expect(d["aws:username"]).toEqual({ kind: "never" });
    expect(d["aws:principaltype"]).toEqual(is("Account"));
  });

  it("a role session: the role ARN (path unknown unless the bundle names one role), never the session ARN", () => {
    const d = derivedOf(`arn:aws:sts::${A}:assumed-role/App/s1`, `arn:aws:iam::${A}:role/team/App`);
    expect(d["aws:principalarn"]).toEqual({ kind: "role", partition: "aws", account: A, roleName: "App", bundleArn: `arn:aws:iam::${A}:role/team/App` });
    expect(d["aws:principaltype"]).toEqual(is("AssumedRole"));
    expect(d["aws:username"]).toEqual({ kind: "never" });
  });

  it("a federated user: `account:name` as aws:userid, type FederatedUser", () => {
    const d = derivedOf(`arn:aws:sts::${A}:federated-user/Fed`);
    expect(d["aws:userid"]).toEqual(is(`${A}:Fed`));
    expect(d["aws:principaltype"]).toEqual(is("FederatedUser"));
  });

  it("a service: only aws:PrincipalIsAWSService and aws:PrincipalServiceName", () => {
    const d = derivedOf("logs.amazonaws.com");
    expect(d["aws:principalisawsservice"]).toEqual(is("true"));
    expect(d["aws:principalservicename"]).toEqual(is("logs.amazonaws.com"));
    expect(d["aws:principalarn"]).toEqual({ kind: "free" });
    expect(d["kms:calleraccount"]).toEqual({ kind: "free" });
  });
});

describe("acceptsGiven", () => {
  it("a value must be the same string, letter case included (ARNs are case-sensitive)", () => {
    expect(acceptsGiven(is(A) as Derived, A)).toBe(true);
    expect(acceptsGiven(is("Bob") as Derived, "bob")).toBe(false);
  });
  it("a session's role ARN: any path, same partition, account and role name", () => {
    const d: Derived = { kind: "role", partition: "aws", account: A, roleName: "App", bundleArn: undefined };
    expect(acceptsGiven(d, `arn:aws:iam::${A}:role/App`)).toBe(true);
    expect(acceptsGiven(d, `arn:aws:iam::${A}:role/x/y/App`)).toBe(true);
    expect(acceptsGiven(d, `arn:aws:iam::${A}:role/app`)).toBe(false);
    expect(acceptsGiven(d, `arn:aws:iam::444455556666:role/App`)).toBe(false);
    expect(acceptsGiven(d, `arn:aws:sts::${A}:assumed-role/App/s1`)).toBe(false);
  });
  it("never: nothing is accepted; free: everything", () => {
    expect(acceptsGiven({ kind: "never" }, "x")).toBe(false);
    expect(acceptsGiven({ kind: "free" }, "x")).toBe(true);
  });
});

describe("kms:CallerAccount is set on key operations, CreateKey and the custom key store operations", () => {
  it.each<[string, "key" | "alias" | "none", boolean]>([
    ["kms:decrypt", "key", true], ["kms:createalias", "key", true], ["kms:createalias", "alias", false],
    ["kms:createkey", "none", true], ["kms:createcustomkeystore", "none", true], ["kms:listkeys", "none", false],
    ["kms:generaterandom", "none", false], ["kms:synchronizemultiregionkey", "key", false],
  ])("%s on %s → %s", (action, kind, expected) => {
    expect(setsCallerAccount(action, kind)).toBe(expected);
  });
});

describe("uniqueRoles and resolveDerived", () => {
  it("a role name held by two paths is not unique", () => {
    const roles = uniqueRoles([`arn:aws:iam::${A}:role/a/App`, `arn:aws:iam::${A}:role/b/App`, `arn:aws:iam::${A}:role/Solo`]);
    expect(roles.get(`aws:${A}:App`)).toBeNull();
    expect(roles.get(`aws:${A}:Solo`)).toBe(`arn:aws:iam::${A}:role/Solo`);
  });

  const session = callerDerived(parseCaller(`arn:aws:sts::${A}:assumed-role/App/s1`)!, () => undefined);
  it("an unknown role path makes aws:PrincipalArn ambiguous, never a guessed path-less ARN", () => {
    const out = resolveDerived(undefined, session);
    expect(out).toContainEqual({ key: "aws:principalarn", ambiguous: true });
  });
  it("the context's role ARN (any path) becomes the value; two different paths contradict", () => {
    expect(resolveDerived({ "AWS:PrincipalArn": `arn:aws:iam::${A}:role/p/App` }, session)).toContainEqual({ key: "aws:principalarn", value: `arn:aws:iam::${A}:role/p/App` });
    const two = resolveDerived({ "aws:PrincipalArn": `arn:aws:iam::${A}:role/p/App`, "aws:principalarn": `arn:aws:iam::${A}:role/q/App` }, session);
    expect(two).toMatchObject({ error: { code: "KR0009" } });
  });
  it("a case-variant key name with the same value is fine; another value is KR0009", () => {
    const user = callerDerived(parseCaller(`arn:aws:iam::${A}:user/Bob`)!, () => undefined);
    expect(resolveDerived({ "AWS:USERNAME": "Bob", "aws:username": ["Bob"] }, user)).toContainEqual({ key: "aws:username", value: "Bob" });
    expect(resolveDerived({ "aws:username": "BOB" }, user)).toMatchObject({ error: { code: "KR0009" } });
    expect(resolveDerived({ "kms:CallerAccount": ["444455556666"] }, user)).toMatchObject({ error: { code: "KR0009" } });
  });
});

describe("parseGivenArn (the remembered parse of a given aws:PrincipalArn)", () => {
  it("reads a value as parseCaller does, the same object when repeated, also after the memo fills up", () => {
    const values = [`arn:aws:iam::${A}:role/a/App`, `arn:aws:iam::${A}:user/Bob`, "not an arn", `arn:aws:sts::${A}:assumed-role/App/s`];
    for (const v of values) expect(parseGivenArn(v)).toEqual(parseCaller(v));
    expect(parseGivenArn(values[0]!)).toBe(parseGivenArn(values[0]!));
    for (let i = 0; i < 2100; i++) parseGivenArn(`arn:aws:iam::${A}:role/R${i}`);
    for (const v of values) expect(parseGivenArn(v)).toEqual(parseCaller(v));
    expect(parseGivenArn(`arn:aws:iam::${A}:role/R7`)).toMatchObject({ kind: "role", roleName: "R7" });
  });
  it("is what acceptsGiven reads for a session's role: another role's ARN is refused, again and again", () => {
    const d = derivedOf(`arn:aws:sts::${A}:assumed-role/App/s1`)["aws:principalarn"]!;
    for (let i = 0; i < 3; i++) {
      expect(acceptsGiven(d, `arn:aws:iam::${A}:role/path/App`)).toBe(true);
      expect(acceptsGiven(d, `arn:aws:iam::${A}:role/path/Other`)).toBe(false);
    }
  });
});
