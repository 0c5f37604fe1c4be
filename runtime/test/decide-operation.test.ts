import { describe, expect, it } from "vitest";
import { decideOperation } from "../src/decide-operation.js";
import type { DecisionResult, Request } from "../src/contracts.js";

const check = (resource: string): Request => ({ principal: "p", action: "kms:ReEncryptFrom", resource });
const reason = (statement: number) => ({ policy: "keys[K]", statement, effect: "Deny" as const });

describe("decideOperation (spec §5.5)", () => {
  const answers: Record<string, DecisionResult> = {
    allow: { decision: "Allow", reasons: [] },
    implicit: { decision: "ImplicitDeny", reasons: [] },
    deny1: { decision: "ExplicitDeny", reasons: [reason(1)] },
    deny1again: { decision: "ExplicitDeny", reasons: [reason(1), reason(2)] },
    error: { error: { code: "KR0004", message: "unknown key" } },
  };
  const decide = (...names: string[]) =>
    decideOperation({ operation: "kms:ReEncrypt", checks: names.map(check) }, (r) => answers[r.resource]!);

  it("is the worst of the checks, naming each deciding statement once", () => {
    expect(decide("allow", "allow")).toEqual({ decision: "Allow", reasons: [] });
    expect(decide("allow", "implicit")).toEqual({ decision: "ImplicitDeny", reasons: [] });
    expect(decide("implicit", "deny1", "deny1again")).toEqual({ decision: "ExplicitDeny", reasons: [reason(1), reason(2)] });
  });

  it("is undecidable when a check is, or when there are no checks", () => {
    expect(decide("deny1", "error")).toEqual(answers["error"]);
    expect(decide()).toMatchObject({ error: { code: "KR0007" } });
  });
});
