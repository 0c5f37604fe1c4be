// A layered decision keeps its own request when a getter re-enters decide() while it runs: grant
// matching reads the context's encryption-context entries, and such an entry may be a getter
// (create-authorizer.ts: the layered request record is the outermost decision's alone).
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
  const reentrant = (auth: { decide: (r: unknown) => DecisionResult }, inner: unknown) => {
    const context = {};
    // Reads before grant matching (the shape check, the context's load) answer plainly; grant matching's read re-enters.
    let reads = 0;
    Object.defineProperty(context, "kms:EncryptionContext:app", { enumerable: true, get: () => (++reads >= 3 ? auth.decide(inner) : undefined, "a") });
    return { ...plain, context };
  };
  it("the grant allows the plain request, and nothing allows the inner one", () => {
    const auth = createAuthorizer(graph);
    const allowed = auth.decide(plain);
    expect("error" in allowed ? allowed : allowed.decision).toBe("Allow");
    expect("error" in allowed ? [] : allowed.reasons.map((r) => r.layer)).toEqual(["grant"]);
    const denied = auth.decide(other);
    expect("error" in denied ? denied : denied.decision).toBe("ImplicitDeny");
  });
  it("decides the outer request as if nothing re-entered", () => {
    const auth = createAuthorizer(graph);
    const expected = createAuthorizer(graph).decide(plain);
    for (const inner of [other, plain, { ...other, resource: K1 }]) {
      expect(auth.decide(reentrant(auth, inner))).toEqual(expected);
      expect(auth.explain(reentrant(auth, inner))).toEqual(createAuthorizer(graph).explain(plain));
    }
    // And the record is the outermost decision's again afterwards.
    expect(auth.decide(plain)).toEqual(expected);
    expect(auth.decide(other)).toEqual(createAuthorizer(graph).decide(other));
  });
});
