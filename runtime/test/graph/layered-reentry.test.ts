// A getter that re-enters decide() while a layered decision reads its request: the inner decision
// overwrites the state and the layered request record the outer one is deciding from, so the outer
// one is refused (KR0007, request/read-shape.ts onInput), the inner ones stand, and the authorizer is
// whole afterwards. Grant matching once read the context's encryption-context entries a second time;
// it now reads the entries the load read (evaluate/context-reader.ts), so the getter runs once.
import { compileBundle } from "@kms-cedar/compiler";
import { describe, expect, it } from "vitest";
import { createAuthorizer, type Bundle, type DecisionResult } from "../../src/index.js";

const A = "111122223333";
const ALICE = `arn:aws:iam::${A}:user/Alice`;
const K1 = `arn:aws:kms:us-east-1:${A}:key/k1`;
const K2 = `arn:aws:kms:us-east-1:${A}:key/k2`;
// The key policies delegate to IAM; Alice has no identity policy: only K1's grant can allow her.
const delegate = { Version: "2012-10-17", Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }] };
const bundle = {
  keys: {
    [K1]: { policy: delegate, grants: [{ name: "app", granteePrincipal: ALICE, operations: ["Decrypt"], constraints: { encryptionContextSubset: { app: "a" } } }] },
    [K2]: { policy: delegate },
  },
  principals: { [ALICE]: { policies: [] } },
} as unknown as Bundle;

describe("a layered decision re-entered from a context getter", () => {
  const graph = compileBundle(bundle, { cedar: false }).graph!;
  const plain = { principal: ALICE, action: "kms:Decrypt", resource: K1, context: { "kms:EncryptionContext:app": "a" } };
  const other = { principal: ALICE, action: "kms:Encrypt", resource: K2, context: {} };
  const innerAnswers: DecisionResult[] = [];
  const reentrant = (auth: { decide: (r: unknown) => DecisionResult }, inner: unknown) => {
    const context = {};
    Object.defineProperty(context, "kms:EncryptionContext:app", { enumerable: true, get: () => (innerAnswers.push(auth.decide(inner)), "a") });
    return { ...plain, context };
  };
  it("reads the encryption-context entry once per decision: grant matching reads what the load read", () => {
    const auth = createAuthorizer(graph);
    let reads = 0;
    const context = {};
    Object.defineProperty(context, "kms:EncryptionContext:app", { enumerable: true, get: () => (reads++, "a") });
    const request = { ...plain, context };
    expect(auth.decide(request)).toEqual(auth.decide(plain));
    expect(reads).toBe(1);
    expect(auth.explain(request)).toEqual(auth.explain(plain));
    expect(reads).toBe(2);
  });
  it("the grant allows the plain request, and nothing allows the inner one", () => {
    const auth = createAuthorizer(graph);
    const allowed = auth.decide(plain);
    expect("error" in allowed ? allowed : allowed.decision).toBe("Allow");
    expect("error" in allowed ? [] : allowed.reasons.map((r) => r.layer)).toEqual(["grant"]);
    const denied = auth.decide(other);
    expect("error" in denied ? denied : denied.decision).toBe("ImplicitDeny");
  });
  it("refuses the outer request (KR0007); the inner decisions stand; the authorizer is whole afterwards", () => {
    const auth = createAuthorizer(graph);
    const expected = createAuthorizer(graph).decide(plain);
    for (const inner of [other, plain, { ...other, resource: K1 }]) {
      innerAnswers.length = 0;
      expect(auth.decide(reentrant(auth, inner))).toMatchObject({ error: { code: "KR0007" } });
      expect(auth.explain(reentrant(auth, inner))).toMatchObject({ error: { code: "KR0007" } });
      // The load read the getter (so did re-enter), and each inner decision is its own.
      expect(innerAnswers.length).toBeGreaterThan(0);
      for (const answer of innerAnswers) expect(answer).toEqual(createAuthorizer(graph).decide(inner));
    }
    expect(auth.decide(plain)).toEqual(expected);
    expect(auth.decide(other)).toEqual(createAuthorizer(graph).decide(other));
  });
});
