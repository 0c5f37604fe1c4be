// Operation results of `eval` (worst check wins, spec §5.5, by the runtime's decideOperation), engine agreement (docs/request-model.md
// "Reasons"), and moving inline-document spans into the bundle text.
import type { DecisionResult, Reason, Request } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";
import { shiftDiagnostic } from "../../src/bundle/check-policy-source.js";
import { decideEntry } from "../../src/cli/eval/tabulate-results.js";
import { decisionsAgree } from "../../src/api/decisions-agree.js";
import { describeReason } from "../../src/cli/eval/describe-result.js";

const allowKey: Reason = { policy: "keys[K]", statement: 0, effect: "Allow" };
const allowId: Reason = { policy: "principals[R][0]", statement: 1, effect: "Allow" };
const deny: Reason = { policy: "principals[R][0]", statement: 2, effect: "Deny", sid: "D" };
const denyKey: Reason = { policy: "keys[K]", statement: 3, effect: "Deny" };
const allow = (...reasons: Reason[]): DecisionResult => ({ decision: "Allow", reasons });
const implicit: DecisionResult = { decision: "ImplicitDeny", reasons: [] };
const explicit = (...reasons: Reason[]): DecisionResult => ({ decision: "ExplicitDeny", reasons });
const error = (code: string): DecisionResult => ({ error: { code, message: "m" } });

/** The operation entry's result when its checks decide `results`, in order. */
function combineChecks(results: readonly DecisionResult[]): DecisionResult {
  let next = 0;
  const checks = results.map((_, i): Request => ({ principal: "p", action: `a${i}`, resource: "r" }));
  return decideEntry({ kind: "operation", span: { start: 0, end: 0 }, operation: "kms:ReEncrypt", checks }, () => results[next++]!);
}

describe("an operation entry", () => {
  it("allows only when every check allows, with the reasons of all of them", () => {
    expect(combineChecks([allow(allowKey), allow(allowId)])).toEqual(allow(allowKey, allowId));
  });

  it("takes the worst decision: ExplicitDeny over ImplicitDeny over Allow, reasons of that decision only", () => {
    expect(combineChecks([allow(allowKey), implicit])).toEqual(implicit);
    expect(combineChecks([explicit(deny), implicit, allow(allowKey), explicit(denyKey, deny)])).toEqual(explicit(deny, denyKey));
  });

  it("is an error when any check is undecidable", () => {
    expect(combineChecks([allow(allowKey), error("KR0004"), explicit(deny)])).toEqual(error("KR0004"));
  });
});

describe("decisionsAgree", () => {
  it("compares decisions, not Allow reasons", () => {
    expect(decisionsAgree(allow(allowKey), allow(allowId))).toBe(true);
    expect(decisionsAgree(allow(allowKey), implicit)).toBe(false);
  });

  it("compares the set of Deny statements for ExplicitDeny", () => {
    expect(decisionsAgree(explicit(deny, denyKey), explicit(denyKey, deny))).toBe(true);
    expect(decisionsAgree(explicit(deny), explicit(denyKey))).toBe(false);
    expect(decisionsAgree(explicit(deny), explicit(deny, denyKey))).toBe(false);
    expect(decisionsAgree(explicit(deny), explicit(deny, { ...allowKey, path: "gate" }))).toBe(true);
  });

  it("lets two errors agree only on the same code, and never an error with a decision", () => {
    expect(decisionsAgree(error("KR0002"), error("KR0002"))).toBe(true);
    expect(decisionsAgree(error("KR0002"), error("KR0004"))).toBe(false);
    expect(decisionsAgree(error("KR0002"), implicit)).toBe(false);
  });
});

describe("describeReason", () => {
  it("numbers statements from 1 and quotes the Sid", () => {
    expect(describeReason(deny)).toBe('principals[R][0] statement 3 (Sid "D")');
    expect(describeReason(allowKey)).toBe("keys[K] statement 1");
  });
});

describe("shiftDiagnostic", () => {
  it("moves the span and every related span", () => {
    const moved = shiftDiagnostic(
      { code: "KC1024", severity: "error", message: "m", span: { start: 5, end: 9 }, related: [{ span: { start: 1, end: 2 }, message: "r" }] },
      100,
    );
    expect(moved.span).toEqual({ start: 105, end: 109 });
    expect(moved.related?.[0]?.span).toEqual({ start: 101, end: 102 });
  });
});
