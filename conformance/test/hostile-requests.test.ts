// Hostile inputs at the library entry points (issue 10): createAuthorizer().decide,
// createCedarAuthorizer().decide and evaluateReference get unknown members, wrong types, hybrids,
// prototype names, lone surrogates, deep nesting and huge arrays. None may throw, none may Allow a
// malformed input, and all three must give the same error code (docs/request-model.md "Errors").
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";
import type { DecisionResult } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const ROLE = `arn:aws:iam::${A}:role/team/App`;
const APP = `arn:aws:sts::${A}:assumed-role/App/s1`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const doc = (...Statement: object[]): object => ({ Version: "2012-10-17", Statement });
const allowAll = { Sid: "AllowKms", Effect: "Allow", Action: "kms:*", Resource: "*" };
const bundle = {
  keys: { [KEY]: { policy: doc({ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }) } },
  principals: {
    [ROLE]: { policies: [doc(allowAll, { Sid: "DenyProto", Effect: "Deny", Action: "kms:Sign", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/__proto__": "x" } } })] },
    [BOB]: { policies: [doc(allowAll)] },
  },
};
const compiled = compileBundle(bundle as never);
if (compiled.graph === undefined || compiled.cedar === undefined) throw new Error(`test bundle does not compile: ${JSON.stringify(compiled.diagnostics)}`);
const graph = createAuthorizer(compiled.graph);
const cedar = createCedarAuthorizer(compiled.cedar);
const ENGINES: Record<string, (input: unknown) => DecisionResult> = {
  reference: (input) => evaluateReference(bundle, input as never),
  graph: (input) => graph.decide(input as never),
  cedar: (input) => cedar.decide(input as never),
};

const OK = { principal: APP, action: "kms:Decrypt", resource: KEY, context: {} };
const DENIED = { principal: APP, action: "kms:Sign", resource: KEY, context: { "aws:ResourceTag/__proto__": "x" } };

/** Every engine's code (or decision) for one input; throws are reported, not raised. */
function answers(input: unknown): Record<string, string> {
  return answersEach(() => input);
}

/** `answers` for an input made afresh for each engine (one whose getters answer by the reads before). */
function answersEach(make: () => unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, decide] of Object.entries(ENGINES)) {
    try {
      const r = decide(make());
      out[name] = "error" in r ? r.error.code : r.decision;
    } catch (thrown) {
      out[name] = `threw: ${String(thrown)}`;
    }
  }
  return out;
}

const deep = (depth: number): unknown => {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

// Inputs are built lazily: vitest formats test parameters, and a 100,000-deep array would overflow it.
const HOSTILE: [string, () => unknown, string][] = ([
  ["a denied request with an allowed `checks`", { ...DENIED, checks: [OK] }, "KR0007"],
  ["`checks` without `operation`", { checks: [OK] }, "KR0007"],
  ["a numeric operation name", { operation: 5, checks: [OK] }, "KR0007"],
  ["an operation with a stray member", { operation: "kms:ReEncrypt", checks: [OK], note: 1 }, "KR0007"],
  ["a sparse checks array", { operation: "kms:ReEncrypt", checks: [OK, , OK] }, "KR0007"], // eslint-disable-line no-sparse-arrays
  ["an operation as a check", { operation: "kms:ReEncrypt", checks: [{ operation: "kms:ReEncrypt", checks: [OK] }] }, "KR0007"],
  ["operations nested 100,000 deep as checks", () => {
    let op: unknown = OK;
    for (let i = 0; i < 100_000; i++) op = { operation: "kms:ReEncrypt", checks: [op] };
    return op;
  }, "KR0007"],
  ["a stray member", { ...OK, Principal: APP }, "KR0007"],
  ["a member named __proto__", JSON.parse(`{"principal":"${APP}","action":"kms:Decrypt","resource":"${KEY}","__proto__":{"x":1}}`), "KR0007"],
  ["a member named constructor", { ...OK, constructor: "x" }, "KR0007"],
  ["null", null, "KR0007"],
  ["undefined", undefined, "KR0007"],
  ["a number", 42, "KR0007"],
  ["an array", [OK], "KR0007"],
  ["a function", () => () => OK, "KR0007"],
  ["a numeric principal", { ...OK, principal: 7 }, "KR0007"],
  ["a boxed string principal", { ...OK, principal: new String(APP) }, "KR0007"],
  ["context null", { ...OK, context: null }, "KR0007"],
  ["context a string", { ...OK, context: "x" }, "KR0007"],
  ["a numeric context value", { ...OK, context: { "aws:SourceIp": 1 } }, "KR0006"],
  ["a deeply nested context value", () => ({ ...OK, context: { "aws:TagKeys": deep(100_000) } }), "KR0006"],
  ["a huge array with one bad value at the end", () => ({ ...OK, context: { "aws:TagKeys": [...new Array<string>(300_000).fill("a"), 5] } }), "KR0006"],
  ["a sparse context array", { ...OK, context: { "aws:TagKeys": ["a", , "b"] } }, "KR0006"], // eslint-disable-line no-sparse-arrays
  ["a lone surrogate in a context value", { ...OK, context: { "kms:EncryptionContext:a": "\ud800" } }, "KR0008"],
  ["a lone surrogate in a context key", { ...OK, context: { "aws:PrincipalTag/\udc00": "x" } }, "KR0008"],
  ["a lone surrogate in the principal", { ...OK, principal: `${APP}\ud800` }, "KR0008"],
  ["a lone surrogate in the resource", { ...OK, resource: `${KEY}\udfff` }, "KR0008"],
  ["a lone surrogate in an operation name", { operation: "kms:ReEncrypt\ud800", checks: [OK] }, "KR0008"],
  ["a lone surrogate in a huge array", () => ({ ...OK, context: { "aws:TagKeys": [...new Array<string>(300_000).fill("a"), "\ud800"] } }), "KR0008"],
  ["a principal getter that throws", () => ({ action: "kms:Decrypt", resource: KEY, get principal(): string { throw new Error("boom"); } }), "KR0007"],
  ["a context whose own keys throw (a Proxy)", () => ({ ...OK, context: new Proxy({}, { ownKeys: () => { throw new Error("boom"); } }) }), "KR0007"],
  ["a context value getter that throws", () => ({ ...OK, context: { get "aws:SourceIp"(): string { throw new Error("boom"); } } }), "KR0007"],
  ["a session ARN as aws:PrincipalArn", { ...OK, context: { "aws:PrincipalArn": APP } }, "KR0009"],
  ["another account as kms:CallerAccount", { ...OK, context: { "kms:CallerAccount": "444455556666" } }, "KR0009"],
  ["aws:username for a role session", () => ({ ...OK, context: { "aws:username": "App" } }), "KR0009"],
  ["a case variant of Bob's user name", () => ({ ...OK, principal: BOB, context: { "AWS:UserName": "bob" } }), "KR0009"],
] as [string, unknown, string][]).map(([name, input, code]) => [name, typeof input === "function" ? (input as () => unknown) : () => input, code]);

// A key whose Decrypt needs the resource tag Project=Alpha (through the role's policy): for the re-entrant getter below.
const TAGGED = {
  keys: bundle.keys,
  principals: { [ROLE]: { policies: [doc({ Sid: "AlphaOnly", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } })] } },
};
const taggedCompiled = compileBundle(TAGGED as never);
const taggedGraph = createAuthorizer(taggedCompiled.graph!);
const taggedCedar = createCedarAuthorizer(taggedCompiled.cedar!);
const TAGGED_ENGINES: Record<string, (input: unknown) => DecisionResult> = {
  reference: (input) => evaluateReference(TAGGED, input as never),
  referenceExplain: (input) => explainReference(TAGGED, input as never) as DecisionResult,
  graph: (input) => taggedGraph.decide(input as never),
  graphExplain: (input) => taggedGraph.explain(input as never) as DecisionResult,
  cedar: (input) => taggedCedar.decide(input as never),
  cedarExplain: (input) => taggedCedar.explain(input as never) as DecisionResult,
};

describe("an input whose reading calls an engine (a getter running decide())", () => {
  const tagged = { ...OK, context: { "aws:ResourceTag/Project": "Alpha" } };
  it("is refused by every engine (KR0007), and the inner decisions stand: the outer never decides on the inner's context", () => {
    expect(Object.values(TAGGED_ENGINES).map((decide) => kindOf(decide(tagged)))).toEqual(["Allow", "Allow", "Allow", "Allow", "Allow", "Allow"]);
    expect(Object.values(TAGGED_ENGINES).map((decide) => kindOf(decide({ ...OK, context: { "aws:SourceIp": "10.0.0.1" } })))).toEqual(["ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny", "ImplicitDeny"]);
    for (const [name, decide] of Object.entries(TAGGED_ENGINES)) {
      const inner: string[] = [];
      // Without the tag, so ImplicitDeny; its getter decides a request with the tag (an Allow) in the
      // same engine, which loaded that tag into the state the outer decision was reading into.
      const outer = { ...OK, context: { get "aws:SourceIp"(): string { inner.push(kindOf(decide(tagged))); return "10.0.0.1"; } } };
      expect([name, kindOf(decide(outer))]).toEqual([name, "KR0007"]);
      expect(inner.length).toBeGreaterThan(0);
      expect(new Set(inner)).toEqual(new Set(["Allow"]));
      // The engine is whole afterwards.
      expect([name, kindOf(decide({ ...OK, context: {} }))]).toEqual([name, "ImplicitDeny"]);
    }
  });
});

/**
 * A copy of `input` whose members (and those of its context and checks) are enumerable getters
 * returning the same values: what a caller building its input in code may pass.
 */
function withAccessors(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out = Object.create(Object.getPrototypeOf(input) as object) as object;
  for (const [k, v] of Object.entries(input)) {
    const value = k === "context" ? withAccessors(v) : k === "checks" && Array.isArray(v) ? v.map(withAccessors) : v;
    Object.defineProperty(out, k, { get: () => value, enumerable: true, configurable: true });
  }
  return out;
}

describe("CedarAuthorizer.authorize, the raw call", () => {
  it("answers an input whose reading throws with KR0007, as decide() does (was KR0900, a cedar failure)", () => {
    const throwing = { action: "kms:Decrypt", resource: KEY, get principal(): string { throw new Error("boom"); } };
    expect(taggedCedar.authorize(throwing).result).toMatchObject({ error: { code: "KR0007" } });
    expect(taggedCedar.authorize({ ...OK, context: new Proxy({}, { ownKeys: () => { throw new Error("boom"); } }) }).result).toMatchObject({ error: { code: "KR0007" } });
    expect(taggedCedar.authorize({ ...OK, context: { "aws:ResourceTag/Project": "Alpha" } }).result).toMatchObject({ decision: "Allow" });
  });
});

describe("members are own properties: an inherited `context` is none (absent, never read)", () => {
  const tagged = { "aws:ResourceTag/Project": "Alpha" };
  const withProto = (proto: object): object => Object.assign(Object.create(proto) as object, { principal: APP, action: "kms:Decrypt", resource: KEY });
  it.each([
    ["a prototype's context holding the tag the Allow needs", () => withProto({ context: tagged })],
    ["a prototype's context with a numeric value (never checked)", () => withProto({ context: { "aws:ResourceTag/Project": 5 } })],
    ["a prototype's context with a lone surrogate", () => withProto({ context: { "aws:ResourceTag/Project": "Alpha\ud800" } })],
    ["a prototype's null context", () => withProto({ context: null })],
  ] as const)("%s: ImplicitDeny in every engine", (_name, make) => {
    expect(Object.entries(TAGGED_ENGINES).map(([name, decide]) => [name, kindOf(decide(make()))])).toEqual(Object.keys(TAGGED_ENGINES).map((name) => [name, "ImplicitDeny"]));
  });
  it("a context on Object.prototype (polluted by other code, not enumerable) is never read", () => {
    Object.defineProperty(Object.prototype, "context", { value: tagged, enumerable: false, configurable: true, writable: true });
    try {
      const request = { principal: APP, action: "kms:Decrypt", resource: KEY };
      expect(Object.entries(TAGGED_ENGINES).map(([name, decide]) => [name, kindOf(decide(request))])).toEqual(Object.keys(TAGGED_ENGINES).map((name) => [name, "ImplicitDeny"]));
    } finally {
      delete (Object.prototype as { context?: unknown }).context;
    }
  });
});

function kindOf(r: DecisionResult): string {
  return "error" in r ? r.error.code : r.decision;
}

/**
 * A copy of `input` whose members (and those of its context and checks), and an array value's
 * elements, are getters answering the true value on the first read and `poison` after it: an engine
 * that decides on one reading (docs/request-model.md "Shapes") answers it as it answers `input`.
 */
function withStatefulAccessors(input: unknown, poison: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const stateful = (value: unknown): PropertyDescriptor => {
    let reads = 0;
    return { get: () => (reads++ === 0 ? value : poison), enumerable: true, configurable: true };
  };
  if (Array.isArray(input)) {
    const out: unknown[] = new Array<unknown>(input.length);
    input.forEach((v, i) => Object.defineProperty(out, i, stateful(withStatefulAccessors(v, poison))));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(input) as object) as object;
  for (const [k, v] of Object.entries(input)) Object.defineProperty(out, k, stateful(withStatefulAccessors(v, poison)));
  return out;
}

describe("hostile requests at the library entry points", () => {
  it("the well-formed baselines decide (Allow, and the __proto__ tag Deny fires)", () => {
    expect(answers(OK)).toEqual({ reference: "Allow", graph: "Allow", cedar: "Allow" });
    expect(answers(DENIED)).toEqual({ reference: "ExplicitDeny", graph: "ExplicitDeny", cedar: "ExplicitDeny" });
    expect(answers({ ...OK, principal: BOB, context: { "aws:username": "Bob", "kms:CallerAccount": A } })).toEqual({ reference: "Allow", graph: "Allow", cedar: "Allow" });
  });

  it.each(HOSTILE.map(([name, , code], i) => [name, code, i] as const))("%s → %s in every engine, never a throw", (_name, code, i) => {
    expect(answers(HOSTILE[i]![1]())).toEqual({ reference: code, graph: code, cedar: code });
  });

  it("random mutations of a request never throw, never Allow a malformed input, and agree on the error code", () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>(null, 1, true, {}, [], [1], ["\ud800"], "\udc00", "x", ["a", "b"], APP, KEY, "kms:Decrypt", "*"),
      fc.string({ unit: "binary", maxLength: 4 }),
    );
    const member = fc.constantFrom("principal", "action", "resource", "context", "checks", "operation", "__proto__", "constructor", "toString", "hasOwnProperty", "extra");
    const contextKey = fc.constantFrom("aws:ResourceTag/__proto__", "aws:PrincipalTag/constructor", "toString", "aws:PrincipalArn", "kms:CallerAccount", "aws:username", "\ud800");
    const mutated = fc.record({
      drop: fc.subarray(["principal", "action", "resource", "context"]),
      set: fc.array(fc.tuple(member, value), { maxLength: 2 }),
      ctx: fc.array(fc.tuple(contextKey, value), { maxLength: 3 }),
      wrap: fc.constantFrom("none", "none", "operation", "hybrid"),
      // Members moved to the request's prototype (an input built in code): not own, so no member.
      inherit: fc.oneof(fc.constant([] as string[]), fc.subarray(["principal", "context", "extra", "__proto__"], { minLength: 1 })),
    }).map(({ drop, set, ctx, wrap, inherit }) => {
      // Judged here, independently of the engines: is the input's shape malformed (DESIGN §2)?
      const lone = (v: unknown): boolean => typeof v === "string" && /[\uD800-\uDFFF]/u.test(v);
      const okValue = (v: unknown): boolean => (typeof v === "string" && !lone(v)) || (Array.isArray(v) && v.every((x) => typeof x === "string" && !lone(x)));
      const r: Record<string, unknown> = { ...OK, context: {} };
      for (const d of drop) delete r[d];
      for (const [k, v] of set) Object.defineProperty(r, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (typeof r["context"] === "object" && r["context"] !== null && !Array.isArray(r["context"])) {
        const c: Record<string, unknown> = { ...(r["context"] as object) };
        for (const [k, v] of ctx) Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
        r["context"] = c;
      }
      if (inherit.length > 0) {
        const proto: Record<string, unknown> = {};
        for (const k of inherit) {
          const v = k === "extra" ? "x" : Object.prototype.hasOwnProperty.call(r, k) ? r[k] : { "aws:ResourceTag/Project": 5 };
          Object.defineProperty(proto, k, { value: v, enumerable: true, writable: true, configurable: true });
          delete r[k];
        }
        Object.setPrototypeOf(r, proto);
      }
      const fields = ["principal", "action", "resource"];
      const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(r, k);
      // Every member name the input shows (inherited enumerable ones too) must be known; the fields and
      // the context count only as own members (an inherited context is none: absent, never read).
      const shown: string[] = [];
      for (const k in r) shown.push(k);
      const context = own("context") ? r["context"] : undefined;
      let bad = shown.some((k) => !fields.includes(k) && k !== "context")
        || fields.some((f) => !own(f))
        || fields.some((f) => typeof r[f] !== "string" || lone(r[f]))
        || (context !== undefined && (typeof context !== "object" || context === null || Array.isArray(context)
          || Object.entries(context).some(([k, v]) => lone(k) || !okValue(v))));
      // A hybrid is well formed only when nothing but a string `operation` is left beside `checks`.
      if (wrap === "hybrid") bad = Object.keys(r).some((k) => k !== "operation") || typeof r["operation"] !== "string" || lone(r["operation"]);
      const input = wrap === "operation" ? { operation: "kms:ReEncrypt", checks: [r] } : wrap === "hybrid" ? { ...r, checks: [OK] } : r;
      return { input, bad };
    });
    let malformed = 0;
    fc.assert(fc.property(mutated, ({ input, bad }) => {
      const got = answers(input);
      // The same input read through getters (built in code, no side effect) is answered the same; so is
      // one whose getters answer otherwise after the first read (each engine reads each value once).
      expect(answers(withAccessors(input))).toEqual(got);
      for (const poison of [OK.principal, ["a", 5], {}, "\ud800", undefined]) expect(answersEach(() => withStatefulAccessors(input, poison))).toEqual(got);
      expect(Object.values(got).every((a) => !a.startsWith("threw"))).toBe(true);
      expect(new Set(Object.values(got)).size).toBe(1);
      const code = got["reference"]!;
      if (bad) {
        malformed++;
        // Never a decision, let alone an Allow, for a malformed shape: a shape error code.
        expect(code).toMatch(/^KR000[678]$/);
      }
    }), { seed: 20261203, numRuns: 600 });
    expect(malformed).toBeGreaterThan(100);
  });
});

describe("an input whose getters answer differently on each read (docs/request-model.md \"Shapes\")", () => {
  // A key policy that denies Decrypt with the encryption context app=secret, and a grant that allows
  // Alice Decrypt with that same context (and another with app=other): with one reading of the value,
  // "public" is ImplicitDeny and "secret" ExplicitDeny, "other" an Allow for Alice only. An engine that read the value twice (statement tests,
  // then grant matching) once said Allow for "public" then "secret" (graph), or the reverse (Cedar,
  // the reference: one read per test).
  const ALICE = `arn:aws:iam::${A}:user/Alice`;
  const layered = {
    keys: {
      [KEY]: {
        policy: doc(
          { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
          { Sid: "NoSecret", Effect: "Deny", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:app": "secret" } } },
        ),
        grants: [
          { name: "app", granteePrincipal: ALICE, operations: ["Decrypt"], constraints: { encryptionContextSubset: { app: "secret" } } },
          { name: "other", granteePrincipal: ALICE, operations: ["Decrypt"], constraints: { encryptionContextSubset: { app: "other" } } },
        ],
      },
    },
    principals: { [ALICE]: { policies: [] } },
  };
  const out = compileBundle(layered as never);
  if (out.graph === undefined || out.cedar === undefined) throw new Error(`layered test bundle does not compile: ${JSON.stringify(out.diagnostics)}`);
  const g = createAuthorizer(out.graph);
  const c = createCedarAuthorizer(out.cedar);
  const code = (r: DecisionResult | { error: { code: string } }): string => ("error" in r ? r.error.code : r.decision);
  const entryPoints: Record<string, (input: unknown) => string> = {
    "graph decide": (i) => code(g.decide(i)),
    "graph explain": (i) => code(g.explain(i) as never),
    "cedar decide": (i) => code(c.decide(i)),
    "cedar explain": (i) => code(c.explain(i) as never),
    "cedar authorize": (i) => code(c.authorize(i).result as never),
    "reference evaluate": (i) => code(evaluateReference(layered, i as never) as never),
    "reference explain": (i) => code(explainReference(layered, i as never) as never),
  };
  const VALUES = ["public", "secret", "other"];
  const CALLERS = [ALICE, `arn:aws:iam::${A}:user/Mallory`];
  /** A getter answering `answers` in turn (then the last). */
  const inTurn = (answers: readonly string[]): (() => string) => {
    let reads = 0;
    return () => answers[Math.min(reads++, answers.length - 1)]!;
  };
  /**
   * A request whose encryption-context value is a getter answering `answers` in turn, as a string or
   * as a one-element array's element; with `callers`, its principal is a getter too.
   */
  const stateful = (answers: readonly string[], inArray: boolean, operation: boolean, callers: readonly string[] | undefined): unknown => {
    const next = inTurn(answers);
    const context = {};
    if (inArray) {
      const array: string[] = [];
      Object.defineProperty(array, 0, { get: next, enumerable: true });
      Object.defineProperty(context, "kms:EncryptionContext:app", { value: array, enumerable: true });
    } else {
      Object.defineProperty(context, "kms:EncryptionContext:app", { get: next, enumerable: true });
    }
    const request = { principal: ALICE, action: "kms:Decrypt", resource: KEY, context };
    if (callers !== undefined) Object.defineProperty(request, "principal", { get: inTurn(callers), enumerable: true });
    return operation ? { operation: "kms:ReEncrypt", checks: [request] } : request;
  };

  it("every entry point decides on one reading: the answer for the first values read", () => {
    // The judge: the oracle on the plain request holding the first value (no getter), before any engine ran.
    const plain = (caller: string, value: string): string =>
      code(evaluateReference(layered, { principal: caller, action: "kms:Decrypt", resource: KEY, context: { "kms:EncryptionContext:app": value } } as never) as never);
    expect(VALUES.map((v) => plain(ALICE, v))).toEqual(["ImplicitDeny", "ExplicitDeny", "Allow"]);
    expect(VALUES.map((v) => plain(CALLERS[1]!, v))).toEqual(["ImplicitDeny", "ExplicitDeny", "ImplicitDeny"]);
    const seen: Record<string, number> = {};
    const answers = fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 6 });
    const callers = fc.option(fc.array(fc.constantFrom(...CALLERS), { minLength: 1, maxLength: 4 }), { nil: undefined });
    fc.assert(fc.property(answers, fc.boolean(), fc.boolean(), callers, (values, inArray, operation, principals) => {
      const expected = plain(principals?.[0] ?? ALICE, values[0]!);
      for (const [name, decide] of Object.entries(entryPoints)) {
        if (operation && name === "cedar authorize") continue; // authorize takes a request, not an operation
        const got = decide(stateful(values, inArray, operation, principals));
        const what = `${values.join(",")}${inArray ? " (array element)" : ""}${operation ? " (operation)" : ""}${principals ? ` by ${principals.join(",")}` : ""}`;
        expect(got, `${name} on ${what}`).toBe(expected);
        seen[got] = (seen[got] ?? 0) + 1;
      }
    }), { seed: 20261204, numRuns: 300 });
    // Every answer was reached (the property is not judged on one kind of case).
    expect(seen["ImplicitDeny"]).toBeGreaterThan(100);
    expect(seen["ExplicitDeny"]).toBeGreaterThan(100);
    expect(seen["Allow"]).toBeGreaterThan(100);
  });

  it("every explanation shows the values of that one reading: the explanation of the first values read", () => {
    // Not only the decision: the statements, the near misses and the values an explanation shows are
    // those of the plain request holding the first answers (an explanation that read the principal or a
    // context value again could show values the decision was not made on).
    const plainInput = (caller: string, value: string, operation: boolean): unknown => {
      const request = { principal: caller, action: "kms:Decrypt", resource: KEY, context: { "kms:EncryptionContext:app": value } };
      return operation ? { operation: "kms:ReEncrypt", checks: [request] } : request;
    };
    // The layered bundle without its delegation to IAM, and with an Allow for Bob alone: for the callers
    // drawn, that Allow is the closest key-policy statement, and it fails on the principal, so the
    // explanation shows the principal it read.
    const [enableIam, noSecret] = (layered.keys[KEY].policy as { Statement: { Sid?: string }[] }).Statement;
    const bobOnly = { Sid: "BobOnly", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:user/Bob` }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:app": "other" } } };
    expect(enableIam!.Sid).toBe("EnableIAM");
    const shown = { ...layered, keys: { [KEY]: { ...layered.keys[KEY], policy: doc(noSecret!, bobOnly) } } };
    const compiled = compileBundle(shown as never);
    const [gs, cs] = [createAuthorizer(compiled.graph!), createCedarAuthorizer(compiled.cedar!)];
    const explainers: Record<string, (input: unknown) => unknown> = {
      "graph explain": (i) => gs.explain(i),
      "cedar explain": (i) => cs.explain(i),
      "reference explain": (i) => explainReference(shown, i as never),
    };
    expect(JSON.stringify(gs.explain(plainInput(ALICE, "public", false)))).toContain(ALICE);
    const seen: Record<string, number> = {};
    const answers = fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 6 });
    const callers = fc.option(fc.array(fc.constantFrom(...CALLERS), { minLength: 1, maxLength: 4 }), { nil: undefined });
    fc.assert(fc.property(answers, fc.boolean(), fc.boolean(), callers, (values, inArray, operation, principals) => {
      const first = plainInput(principals?.[0] ?? ALICE, values[0]!, operation);
      for (const [name, explain] of Object.entries(explainers)) {
        const expected = explain(first);
        const what = `${values.join(",")}${inArray ? " (array element)" : ""}${operation ? " (operation)" : ""}${principals ? ` by ${principals.join(",")}` : ""}`;
        expect(explain(stateful(values, inArray, operation, principals)), `${name} on ${what}`).toEqual(expected);
        const kind = expected !== null && typeof expected === "object" && "decision" in expected ? String(expected.decision) : "error";
        seen[kind] = (seen[kind] ?? 0) + 1;
      }
    }), { seed: 20261205, numRuns: 200 });
    expect(Object.keys(seen).sort()).toEqual(["Allow", "ExplicitDeny", "ImplicitDeny"]);
  });
});
