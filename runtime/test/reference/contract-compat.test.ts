// The oracle restates the public types instead of importing them; they must stay structurally
// compatible with runtime/src/contracts.ts in both directions (checked by `tsc`, and run here).

import { describe, expect, it } from "vitest";
import type { Bundle, DecisionResult, Request } from "@kms-cedar/runtime";
import type { ReferenceBundle, ReferenceRequest, ReferenceResult } from "@kms-cedar/runtime/reference";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { DKP, K1, ROOT_A, doc } from "./fixtures.js";

const toContract = (result: ReferenceResult): DecisionResult => result;
const fromContract = (result: DecisionResult): ReferenceResult => result;
const requestIn = (request: Request): ReferenceRequest => request;
const requestOut = (request: ReferenceRequest): Request => request;
const bundleIn = (bundle: Bundle): ReferenceBundle => bundle;

describe("contract compatibility", () => {
  it("a contract Request and Bundle go straight into evaluateReference", () => {
    const request: Request = { principal: ROOT_A, action: "kms:DescribeKey", resource: K1 };
    const bundle: Bundle = { keys: { [K1]: { policy: doc(DKP) } } };
    const result: DecisionResult = toContract(evaluateReference(bundleIn(bundle), requestIn(request)));
    expect(fromContract(result)).toEqual({
      decision: "Allow",
      reasons: [{ policy: `keys[${K1}]`, statement: 0, sid: "EnableIAM", effect: "Allow", path: "key-account" }],
    });
    expect(requestOut(requestIn(request))).toBe(request);
  });
});
