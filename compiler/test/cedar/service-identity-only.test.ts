// A service caller on an IAM-only request (the alias half of CreateAlias, no specific resource) has no identity
// side: nothing can allow it, and no layer is what closed it. The reference and the graph decide it before the
// layers (no reason); Cedar named the layer gate of an endpoint whose policy does not allow the action (found by
// the conformance law explanations_agree, seed 20261223, layered stream).
import { describe, expect, it } from "vitest";
import { compileBundle, emitCedarProbes } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { ACCOUNT as A, doc } from "./three-engines.js";

const VPCE = "vpce-0a1b2c3d";
const bundle = {
  keys: {}, principals: {},
  endpoints: { [VPCE]: { policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }) } },
};
const request = { principal: "ec2.amazonaws.com", action: "kms:CreateAlias", resource: `arn:aws:kms:us-west-2:${A}:alias/red-key`, context: { "aws:SourceVpce": VPCE } };

describe("a service caller on an IAM-only request", () => {
  it("is an ImplicitDeny without a reason in every engine, decided and explained", () => {
    const compiled = compileBundle(bundle as never, { cedar: true });
    const expected = { decision: "ImplicitDeny", reasons: [] };
    expect(evaluateReference(bundle as never, request as never)).toEqual(expected);
    expect(createAuthorizer(compiled.graph!).decide(request as never)).toEqual(expected);
    const cedar = createCedarAuthorizer({ ...compiled.cedar!, explain: emitCedarProbes(compiled.graph!) });
    expect(cedar.decide(request as never)).toEqual(expected);
    expect(cedar.explain(request as never)).toMatchObject(expected);
  });
});
