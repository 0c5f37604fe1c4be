// A bundle built in code that no bundle file can be (DESIGN §2: a bundle is a JSON file; docs/request-model.md
// "Errors", KR0013): the oracle refuses it at once with an error naming the bundle, never a decision, never a
// throw. A sparse `new Array(2 ** 32 - 1)` under `Statement` once took 1.4 GB and aborted the process; a
// bundle getter that threw was blamed on the request (KR0007). Each array here carries a tripwire past its
// first element (a getter that throws), so the test stays fast and small even where the oracle walks it.
import { describe, expect, it } from "vitest";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const ROLE = `arn:aws:iam::${A}:role/App`;
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
const ROOT_ALLOW = { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" };
const doc = (...s: unknown[]) => ({ Version: "2012-10-17", Statement: s });
const bundle = () => ({
  keys: { [KEY]: { policy: doc(ROOT_ALLOW) } } as Record<string, { policy: unknown }>,
  principals: { [ROLE]: { policies: [doc({ Effect: "Allow", Action: "kms:*", Resource: "*" })] as unknown[] } },
});
const request = { principal: SESSION, action: "kms:Decrypt", resource: KEY };
const code = (r: object): string => ("error" in r ? (r as { error: { code: string } }).error.code : (r as { decision: string }).decision);

const tripwire = (): never => { throw new Error("walked past the first element"); };

/** A sparse array of 2^32 - 1 slots holding `first`, whose element 1000 throws when read. */
function hugeSparse(first: unknown): unknown[] {
  const huge = new Array(2 ** 32 - 1);
  huge[0] = first;
  Object.defineProperty(huge, 1000, { get: tripwire });
  return huge;
}

describe("a bundle no JSON file can be", () => {
  const cases: [string, (b: ReturnType<typeof bundle>) => void, RegExp][] = [
    ["a key policy's Statement of 2^32 - 1 slots", (b) => { (b.keys[KEY]!.policy as { Statement: unknown }).Statement = hugeSparse(ROOT_ALLOW); }, /array of 4294967295 elements is larger than 64 MiB/],
    ["a principal's policies of 2^32 - 1 slots", (b) => { b.principals[ROLE]!.policies = hugeSparse(doc(ROOT_ALLOW)); }, /array of 4294967295 elements is larger than 64 MiB/],
    ["a Proxy whose length is 2^32 - 1", (b) => { (b.keys[KEY]!.policy as { Statement: unknown }).Statement = new Proxy([ROOT_ALLOW], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : Number(k) >= 1000 ? tripwire() : Reflect.get(t, k)) }); }, /larger than 64 MiB/],
    ["a 1 MiB string shared 2^40 times", (b) => { let x: unknown = "a".repeat(2 ** 20); for (let i = 0; i < 40; i++) x = [x, x]; (b.keys[KEY]!.policy as { Statement: unknown[] }).Statement.push({ ...ROOT_ALLOW, Condition: { StringEquals: { "aws:x": x } } }); }, /larger than 64 MiB/],
    ["a cycle", (b) => { const c: Record<string, unknown> = {}; c.self = c; (b.keys[KEY]!.policy as { Statement: unknown[] }).Statement.push({ ...ROOT_ALLOW, Condition: c }); }, /nest deeper than 128 levels/],
    ["nesting 100,000 deep", (b) => { let x: unknown = "a"; for (let i = 0; i < 100_000; i++) x = [x]; b.principals[ROLE]!.policies.push(x); }, /nest deeper than 128 levels/],
    ["a getter that throws (`keys[KEY].policy`)", (b) => { Object.defineProperty(b.keys[KEY]!, "policy", { enumerable: true, get() { throw new Error("boom"); } }); }, /^the bundle cannot be read: reading it threw an exception$/],
    ["a getter that calls the oracle", (b) => { const policy = b.keys[KEY]!.policy; Object.defineProperty(b.keys[KEY]!, "policy", { enumerable: true, get() { evaluateReference(bundle(), request); return policy; } }); }, /^the bundle cannot be read: reading it ran another decision/],
  ];
  it.each(cases)("%s: KR0013 from evaluateReference and explainReference, at once", (_, mutate, message) => {
    const b = bundle();
    mutate(b);
    const started = performance.now();
    for (const answer of [evaluateReference(b as never, request), explainReference(b as never, request)]) {
      expect(answer).toEqual({ error: { code: "KR0013", message: expect.stringMatching(message) } });
    }
    expect(performance.now() - started).toBeLessThan(500);
  }, 2000);

  it("a request whose reading throws is still KR0007 (the request is at fault), before the bundle is read", () => {
    const b = bundle();
    Object.defineProperty(b.keys[KEY]!, "policy", { enumerable: true, get() { throw new Error("boom"); } });
    const bad = { ...request, get context(): never { throw new Error("boom"); } };
    expect(evaluateReference(b as never, bad)).toMatchObject({ error: { code: "KR0007" } });
  });

  it("a getter answering differently on each read is read once: the oracle decides what that one reading says", () => {
    // The identity policy's only statement is a Deny on the first read and an Allow on every later one. Read
    // once it is a Deny (an ExplicitDeny); read by one pass for Denies and another for Allows, it was an Allow.
    const b = bundle();
    let reads = 0;
    const statement = { Action: "kms:*", Resource: "*" };
    Object.defineProperty(statement, "Effect", { enumerable: true, get: () => (++reads === 1 ? "Deny" : "Allow") });
    b.principals[ROLE]!.policies = [doc(statement)];
    expect(code(evaluateReference(b as never, request))).toBe("ExplicitDeny");
    expect(reads).toBe(1);
  });

  it("a bundle a file can be is decided as before", () => {
    expect(code(evaluateReference(bundle() as never, request))).toBe("Allow");
  });

  // AWS: §1.3 — a statement that is not an object is a syntax error; the oracle reads it as a Deny of
  // everything (README "Policies the compiler rejects"). A hole is what JSON writes as `null`: the same.
  it("a hole in a sparse Statement or policies array is read as JSON's null (unreadable: a Deny), never skipped", () => {
    const statements = bundle();
    const withHole = [ROOT_ALLOW];
    withHole.length = 2;
    (statements.keys[KEY]!.policy as { Statement: unknown }).Statement = withHole;
    expect(code(evaluateReference(statements as never, request))).toBe("ExplicitDeny");
    const policies = bundle();
    policies.principals[ROLE]!.policies.length = 2;
    expect(code(evaluateReference(policies as never, request))).toBe("ExplicitDeny");
  });
});
