// `eval`'s table: one row per entry in input order, `{ reference, graph, cedar, agree }` under
// several engines, disagreements counted and shown; malformed entries and operations handled once.
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";
import type { RequestEntry } from "../../src/bundle/read-requests.js";
import { tabulateResults } from "../../src/cli/eval/tabulate-results.js";
import { createTextStyle } from "../../src/cli/render/text-style.js";

const plain = createTextStyle(false);
const span = { start: 0, end: 0 };
const req = (action: string): Request => ({ principal: "arn:aws:iam::111122223333:role/A", action, resource: "arn:aws:kms:us-west-2:111122223333:key/k" });
const entries: RequestEntry[] = [
  { kind: "request", span, request: req("kms:Decrypt") },
  { kind: "malformed", span, error: { code: "KR0007", message: "request 1 has no `action`" } },
  { kind: "operation", span, operation: "kms:ReEncrypt", checks: [req("kms:ReEncryptFrom"), req("kms:ReEncryptTo")] },
];
const allowAll = (): DecisionResult => ({ decision: "Allow", reasons: [] });
const denyTo = (r: Request): DecisionResult => (r.action === "kms:ReEncryptTo" ? { decision: "ImplicitDeny", reasons: [] } : allowAll());

describe("tabulateResults", () => {
  it("with one engine, rows are the answers themselves, in input order", () => {
    const table = tabulateResults(entries, [{ name: "reference", decide: denyTo }], plain);
    expect(table.rows).toEqual([
      { decision: "Allow", reasons: [] },
      { error: { code: "KR0007", message: "request 1 has no `action`" } },
      { decision: "ImplicitDeny", reasons: [] },
    ]);
    expect(table.lines).toHaveLength(3);
    expect(table.lines[1]).toMatch(/^\[1\] error +malformed request — KR0007: request 1 has no `action`$/);
    expect(table.lines[2]).toMatch(/^\[2\] ImplicitDeny kms:ReEncrypt \(2 checks\) by /);
    expect(table.disagreements).toBe(0);
  });

  it("with several engines, reports each answer and whether they agree, and counts disagreements", () => {
    const engines = [
      { name: "reference", decide: denyTo },
      { name: "graph", decide: denyTo },
      { name: "cedar", decide: allowAll },
    ];
    const table = tabulateResults(entries, engines, plain);
    expect(table.rows.map((row) => (row as { agree: boolean }).agree)).toEqual([true, true, false]);
    expect(Object.keys(table.rows[2] as object)).toEqual(["reference", "graph", "cedar", "agree"]);
    expect((table.rows[2] as { cedar: DecisionResult }).cedar).toEqual({ decision: "Allow", reasons: [] });
    expect(table.disagreements).toBe(1);
    expect(table.lines[2]).toContain("\n    DISAGREE: reference=ImplicitDeny graph=ImplicitDeny cedar=Allow");
  });
});
