import { describe, expect, it } from "vitest";
import { isDecisionError } from "@kms-cedar/runtime";

describe("decision results", () => {
  it("tells an error entry from a decision", () => {
    expect(isDecisionError({ error: { code: "KR0001", message: "unknown action" } })).toBe(true);
    expect(isDecisionError({ decision: "ImplicitDeny", reasons: [] })).toBe(false);
  });
});
