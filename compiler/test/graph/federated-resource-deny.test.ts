// A resource-kind Deny (a VPC endpoint policy) naming the IAM user who federated reaches the federated
// user's session, as a key-policy Deny naming that user does (docs/request-model.md "federatedBy"; IAM's
// evaluation logic: a resource-based policy naming "the ARN of the IAM user who federated" applies to the
// federated user's requests). Before, the endpoint's Deny missed the session: a wrong Allow found by an
// audit. Graph and reference (Cedar refuses `federatedBy`, KC2960); expectations authored from that rule.
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const CAROL = `arn:aws:iam::${A}:user/Carol`;
const FED = `arn:aws:sts::${A}:federated-user/Fed`;
const VPCE = "vpce-0a1b2c3d";

type Doc = Record<string, unknown>;
const doc = (...statements: Doc[]): Doc => ({ Version: "2012-10-17", Statement: statements });
const allowKms = doc({ Effect: "Allow", Action: "kms:*", Resource: "*" });

function bundleDenying(who: string): Doc {
  return {
    keys: { [KEY]: { policy: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }) } },
    principals: { [BOB]: { policies: [allowKms] }, [FED]: { federatedBy: BOB, sessionPolicies: [allowKms] } },
    endpoints: { [VPCE]: { policy: doc(
      { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" },
      { Effect: "Deny", Principal: { AWS: who }, Action: "kms:Decrypt", Resource: "*" },
    ) } },
  };
}

const outcome = (r: DecisionResult): string => ("error" in r ? r.error.code : r.decision);

function decide(bundle: Doc, principal: string, through: boolean): string {
  const compiled = compileBundle(bundle as never, { cedar: false });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const request = { principal, action: "kms:Decrypt", resource: KEY, context: through ? { "aws:SourceVpce": VPCE } : {} };
  const graph = outcome(createAuthorizer(compiled.graph!).decide(request as never));
  expect(outcome(evaluateReference(bundle as never, request as never)), "reference").toBe(graph);
  return graph;
}

describe("an endpoint Deny naming the federating user", () => {
  it("applies to the federated user's requests through the endpoint", () => {
    const bundle = bundleDenying(BOB);
    expect(decide(bundle, BOB, true)).toBe("ExplicitDeny");
    expect(decide(bundle, FED, true)).toBe("ExplicitDeny");
    expect(decide(bundle, FED, false)).toBe("Allow");
  });

  it("a Deny naming another user does not", () => {
    expect(decide(bundleDenying(CAROL), FED, true)).toBe("Allow");
  });
});
