// The package's entries say what they are for (issue 11): the main entry is the embedding runtime and
// carries no oracle and no emitter internals; the oracle, the Cedar mapping, the condition semantics
// and AVP each have their own entry (runtime/package.json "exports").
import { describe, expect, it } from "vitest";
import * as avp from "@kms-cedar/runtime/avp";
import * as cedarNames from "@kms-cedar/runtime/cedar-names";
import * as conditions from "@kms-cedar/runtime/conditions";
import * as main from "@kms-cedar/runtime";
import * as reference from "@kms-cedar/runtime/reference";

describe("@kms-cedar/runtime entries", () => {
  it("the main entry embeds both authorizers and the request model, and no oracle", () => {
    expect(typeof main.createAuthorizer).toBe("function");
    expect(typeof main.createCedarAuthorizer).toBe("function");
    expect(typeof main.readInputShape).toBe("function");
    expect(typeof main.decideOperation).toBe("function");
    expect(Object.keys(main.REQUEST_ERRORS).length).toBeGreaterThan(0);
    expect("evaluateReference" in main).toBe(false);
  });

  it("keeps the emitter's mapping, the operator semantics and AVP off the main entry", () => {
    for (const name of ["actionId", "CedarType", "numberOnGrid", "splitPolicySet", "positivePartner", "parseDecimal", "createAvpEncoder"]) {
      expect(name in main, name).toBe(false);
    }
  });

  it("serves the oracle, the Cedar mapping, the conditions and AVP on their own entries", () => {
    expect(Object.keys(reference)).toEqual(["evaluateReference", "explainReference"]);
    expect(typeof cedarNames.actionId).toBe("function");
    expect(typeof cedarNames.numberOnGrid).toBe("function");
    expect(conditions.positivePartner("StringNotLike")).toBe("StringLike");
    expect(typeof avp.createAvpEncoder).toBe("function");
  });
});
