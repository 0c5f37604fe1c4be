// The graph's context loader (runtime/src/evaluate/context-reader.ts): prototype-named keys are keys
// like any other, and the keys AWS sets from the caller are filled in or checked (KR0009).
import { describe, expect, it } from "vitest";
import { callerDerived, parseCaller } from "@kms-cedar/runtime";
import { ContextReader } from "../../src/evaluate/context-reader.js";
import type { RequestDerived } from "../../src/evaluate/context-reader.js";
import { EvalState } from "../../src/evaluate/eval-state.js";
import { PRINCIPAL_ARN, usualGiven } from "../../src/request/derived-keys.js";
import { contextEntry, NETWORK_KEYS, requestEndpoint } from "../../src/request/request-endpoint.js";

const A = "111122223333";
const KEYS = ["aws:resourcetag/__proto__", "aws:principaltag/constructor", "kms:encryptioncontext:tostring", "hasownproperty", "aws:principalarn", "aws:username", "kms:calleraccount"];
const slots = new Map(KEYS.map((k, i) => [k, i]));
const derivedFor = (principal: string, roleArn?: string, setsCallerAccount = true): RequestDerived =>
  ({ caller: callerDerived(parseCaller(principal)!, () => roleArn), resource: { kind: "free" }, setsCallerAccount });
const NOBODY = derivedFor("logs.amazonaws.com");

function load(context: object, derived: RequestDerived = NOBODY) {
  const st = new EvalState(KEYS.length, 0);
  const reader = new ContextReader(slots);
  st.begin("r");
  const bad = reader.load(st, context as never, derived);
  return { bad, value: (k: string) => (st.has(slots.get(k)!) ? st.slotValue[slots.get(k)!] : undefined), ambiguous: (k: string) => st.isAmbiguous(slots.get(k)!) };
}

describe("ContextReader", () => {
  it("loads keys named after Object.prototype members like any other key", () => {
    const context = JSON.parse(`{"aws:ResourceTag/__proto__": "a", "aws:PrincipalTag/constructor": "b", "kms:EncryptionContext:toString": ["c"], "hasOwnProperty": "d"}`) as object;
    const r = load(context);
    expect(r.bad).toBeUndefined();
    expect([r.value("aws:resourcetag/__proto__"), r.value("aws:principaltag/constructor"), r.value("kms:encryptioncontext:tostring"), r.value("hasownproperty")])
      .toEqual(["a", "b", ["c"], "d"]);
  });

  it("fills the caller's keys when absent and keeps a case-variant repetition of the same value unambiguous", () => {
    const r = load({}, derivedFor(`arn:aws:iam::${A}:user/Bob`));
    expect([r.value("aws:principalarn"), r.value("aws:username"), r.value("kms:calleraccount")]).toEqual([`arn:aws:iam::${A}:user/Bob`, "Bob", A]);
    const twice = load({ "aws:username": "Bob", "AWS:USERNAME": ["Bob"] }, derivedFor(`arn:aws:iam::${A}:user/Bob`));
    expect([twice.value("aws:username"), twice.ambiguous("aws:username")]).toEqual(["Bob", false]);
  });

  it("leaves kms:CallerAccount absent where AWS does not set it, but still checks a given one", () => {
    expect(load({}, derivedFor(`arn:aws:iam::${A}:user/Bob`, undefined, false)).value("kms:calleraccount")).toBeUndefined();
    expect(load({ "kms:CallerAccount": "444455556666" }, derivedFor(`arn:aws:iam::${A}:user/Bob`, undefined, false)).bad).toMatchObject({ error: { code: "KR0009" } });
  });

  it("a session's aws:PrincipalArn: the bundle's role, the context's role ARN, or ambiguous", () => {
    const session = `arn:aws:sts::${A}:assumed-role/App/s1`;
    expect(load({}, derivedFor(session, `arn:aws:iam::${A}:role/t/App`)).value("aws:principalarn")).toBe(`arn:aws:iam::${A}:role/t/App`);
    expect(load({ "aws:principalarn": `arn:aws:iam::${A}:role/App` }, derivedFor(session)).value("aws:principalarn")).toBe(`arn:aws:iam::${A}:role/App`);
    const unknown = load({}, derivedFor(session));
    expect([unknown.value("aws:principalarn"), unknown.ambiguous("aws:principalarn")]).toEqual([undefined, true]);
    expect(load({ "aws:PrincipalArn": session }, derivedFor(session)).bad).toMatchObject({ error: { code: "KR0009" } });
  });
});

describe("ContextReader network entries (what requestEndpoint reads, kept in the one pass)", () => {
  const contexts: object[] = [
    {},
    { "aws:SourceVpce": "vpce-1" },
    { "aws:sourcevpce": "vpce-1", "AWS:SOURCEVPCE": "vpce-1" },
    { "aws:SourceVpc": ["vpc-1", "vpc-1"], "aws:VpcSourceIp": [] },
    { "aws:SourceIp": ["10.0.0.1", "10.0.0.2"], "aws:sourcevpce": [], "aws:SourceVPCE": "vpce-2" },
    JSON.parse(`{"__proto__": "x", "aws:sourceip": "10.0.0.1"}`) as object,
    // One value, changing from one request to the next (the reader reuses an entry for a repeated one).
    { "aws:SourceVpce": "vpce-2", "aws:SourceVpc": "vpc-1" },
    { "AWS:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-1" },
    { "aws:SourceVpce": ["vpce-1"] },
  ];
  it("finds what contextEntry finds in the raw context, for each network key and each request in turn", () => {
    const st = new EvalState(KEYS.length, 0);
    const reader = new ContextReader(slots);
    for (const context of [...contexts, ...contexts.slice().reverse()]) {
      st.begin("r");
      expect(reader.load(st, context as never, NOBODY)).toBeUndefined();
      for (const key of NETWORK_KEYS) expect([key, reader.networkEntry(st, key)]).toEqual([key, contextEntry(context as never, key)]);
    }
  });
  it("throws for a name it does not keep (a broken invariant, not an answer)", () => {
    const st = new EvalState(KEYS.length, 0);
    const reader = new ContextReader(slots);
    st.begin("r");
    reader.load(st, { "aws:SourceArn": "a" }, NOBODY);
    expect(() => reader.networkEntry(st, "aws:sourcearn")).toThrow(/not a network key/);
  });
  it("keeps every name requestEndpoint reads (the graph hands it the reader alone)", () => {
    // Every branch of requestEndpoint: no endpoint, each inconsistency, unknown, a VPC that does or does not match.
    const endpoints = new Map([["vpce-1", { vpc: "vpc-1" }], ["vpce-2", {}]]);
    const asked = new Set<string>();
    const cases: object[] = [...contexts, { "aws:SourceVpc": "vpc-1" }, { "aws:VpcSourceIp": "10.0.0.1" },
      { "aws:SourceVpce": "vpce-9" }, { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-2" }, { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-1" },
      { "aws:SourceVpce": "vpce-2", "aws:SourceIp": "10.0.0.1" }];
    for (const context of cases) requestEndpoint(endpoints, (lowerName) => { asked.add(lowerName); return contextEntry(context as never, lowerName); });
    expect([...asked].sort()).toEqual([...NETWORK_KEYS].sort());
  });
});

describe("ContextReader names in any order (each name's successor is remembered)", () => {
  it("reads every key whatever the order, the empty name, left-out names and a flood of new names", () => {
    const st = new EvalState(KEYS.length + 1, 0);
    const withEmpty = new Map([...slots, ["", KEYS.length]]);
    const reader = new ContextReader(withEmpty);
    const names = ["aws:ResourceTag/__proto__", "aws:PrincipalTag/constructor", "hasOwnProperty", ""];
    const a = { "aws:ResourceTag/__proto__": "1", "aws:PrincipalTag/constructor": "2", "hasOwnProperty": "3" };
    const b = { "hasOwnProperty": "4", "aws:ResourceTag/__proto__": "5" };
    const c = { "": "x", "aws:PrincipalTag/constructor": "6" };
    const flood = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, "v"]));
    for (const context of [c, a, b, a, c, a, flood, flood, b, a, c, { ...flood, ...a }, a, c]) {
      st.begin("r");
      expect(reader.load(st, context as Record<string, string>, NOBODY)).toBeUndefined();
      const slotOf = (name: string): number => withEmpty.get(name.toLowerCase())!;
      const loaded = names.map((n) => (st.has(slotOf(n)) ? st.slotValue[slotOf(n)] : undefined));
      expect(loaded).toEqual(names.map((n) => (Object.hasOwn(context, n) ? (context as Record<string, string>)[n] : undefined)));
    }
  });
});

describe("ContextReader with the caller's usual aws:PrincipalArn (accepted by one comparison)", () => {
  const session = `arn:aws:sts::${A}:assumed-role/App/s1`;
  const role = `arn:aws:iam::${A}:role/t/App`;
  const otherPath = `arn:aws:iam::${A}:role/App`;
  const withUsual = (): RequestDerived => {
    const d = derivedFor(session, role);
    return { ...d, principalArn: usualGiven(d.caller[PRINCIPAL_ARN]!) };
  };
  it("is the bundle's role ARN for a session, the value AWS sets for others, none for a service", () => {
    expect(withUsual().principalArn).toBe(role);
    expect(usualGiven(derivedFor(`arn:aws:iam::${A}:user/Bob`).caller[PRINCIPAL_ARN]!)).toBe(`arn:aws:iam::${A}:user/Bob`);
    expect(usualGiven(derivedFor(session).caller[PRINCIPAL_ARN]!)).toBeUndefined();
    expect(usualGiven(NOBODY.caller[PRINCIPAL_ARN]!)).toBeUndefined();
  });
  it("accepts the usual value, and still refuses a second, different value in either order (KR0009)", () => {
    expect(load({ "aws:PrincipalArn": role }, withUsual())).toMatchObject({ bad: undefined });
    expect(load({ "aws:PrincipalArn": role }, withUsual()).value("aws:principalarn")).toBe(role);
    expect(load({ "aws:PrincipalArn": otherPath }, withUsual()).value("aws:principalarn")).toBe(otherPath);
    expect(load({ "aws:PrincipalArn": role, "AWS:PRINCIPALARN": otherPath }, withUsual()).bad).toMatchObject({ error: { code: "KR0009" } });
    expect(load({ "aws:PrincipalArn": otherPath, "AWS:PRINCIPALARN": role }, withUsual()).bad).toMatchObject({ error: { code: "KR0009" } });
    expect(load({ "aws:PrincipalArn": role, "AWS:PRINCIPALARN": [role, role] }, withUsual()).bad).toBeUndefined();
    expect(load({ "aws:PrincipalArn": `arn:aws:iam::${A}:role/Other` }, withUsual()).bad).toMatchObject({ error: { code: "KR0009" } });
  });
});
