// Arrays in a request built in code that no JSON request can hold: a sparse `new Array(2 ** 32 - 1)`, a
// Proxy that says any length, a hole far out. Every engine refuses them at the first element of the wrong
// kind (KR0006 for a context value, KR0007 for an operation's checks) without walking or copying them:
// they used to run the process out of memory (found by an audit), which is how this test fails.
// docs/request-model.md "Shapes".
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference, explainReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";
const bundle = { keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] } } }, principals: {} };
const compiled = compileBundle(bundle as never, { cedar: true });
const graph = createAuthorizer(compiled.graph!);
const cedar = createCedarAuthorizer(compiled.cedar!);

const code = (r: DecisionResult | { error: { code: string } } | { decision: string }): string => ("error" in r ? r.error.code : r.decision);
const withValue = (x: unknown) => ({ principal: SESSION, action: "kms:Decrypt", resource: KEY, context: { "kms:EncryptionContext:Dept": x } });
const farHole = (): string[] => {
  const a = ["IT"];
  a[1e8] = "HR";
  return a;
};

describe("arrays no JSON request holds", () => {
  const cases: [string, () => unknown, string][] = [
    ["a sparse context value of 2^32 - 1 slots", () => withValue(new Array(2 ** 32 - 1)), "KR0006"],
    ["a Proxy context value whose length is 2^32 - 1", () => withValue(new Proxy(["IT"], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : "IT") })), "KR0006"],
    ["a context value with a hole at 10^8", () => withValue(farHole()), "KR0006"],
    // At the bound (2^25, read), a first element of the wrong kind: refused at once, nothing sized to the length.
    ["a Proxy context value of 2^25 elements, the first a number", () => withValue(new Proxy([5], { get: (t, k) => (k === "length" ? 2 ** 25 : 5) })), "KR0006"],
    ["an operation with 2^32 - 1 empty checks", () => ({ operation: "kms:ReEncrypt", checks: new Array(2 ** 32 - 1) }), "KR0007"],
  ];
  for (const [name, make, expected] of cases) {
    it(`${name}: ${expected} from every engine, at once`, () => {
      const request = make();
      expect([graph.decide(request as never), cedar.decide(request as never), graph.explain(request as never), cedar.explain(request as never),
        evaluateReference(bundle as never, request as never), explainReference(bundle as never, request as never)].map(code as never)).toEqual(Array(6).fill(expected));
    });
  }

  it("decideMany refuses a list longer than 2^24 with a TypeError (a Proxy's length too)", () => {
    for (const list of [new Array(2 ** 32 - 1), new Proxy([], { get: (t, k) => (k === "length" ? 2 ** 32 : undefined) })]) {
      expect(() => graph.decideMany(list as never)).toThrow(TypeError);
      expect(() => cedar.decideMany(list as never)).toThrow(TypeError);
    }
  });
});
