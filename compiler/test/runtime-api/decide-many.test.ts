// The batch API of issue 14: `decideMany(requests)` on both authorizers answers, in order, exactly
// what `decide` answers for each entry — requests, operations, and malformed entries alike — and
// `eval` decides through it (one call per engine, the same table as one call per request).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer } from "@kms-cedar/runtime";
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import { tabulateResults } from "../../src/cli/eval/tabulate-results.js";
import type { RequestEntry } from "../../src/bundle/read-requests.js";
import { createTextStyle } from "../../src/cli/render/text-style.js";

const compiled = compileBundle("examples/abac/bundle.json");
// The file's `description` annotations are not part of a request (DESIGN §2): strip them.
const requests = (JSON.parse(readFileSync("examples/abac/requests.json", "utf8")) as (Request & { description?: string })[])
  .map(({ description: _d, ...request }) => request);
const first = requests[0]!;
const batch: (Request | { operation: string; checks: Request[] })[] = [
  ...requests,
  { operation: "kms:ReEncrypt", checks: [first, { ...first, action: "kms:Encrypt" }] },
  { ...first, action: "kms:Frobnicate" },
  { principal: 7 } as unknown as Request,
  { ...first, context: { "aws:ResourceTag/Project": ["Alpha", "Beta"] } },
];

describe("decideMany", () => {
  const graph = createAuthorizer(compiled.graph!);
  const cedar = createCedarAuthorizer(compiled.cedar!);

  it("answers what decide answers, entry by entry, in order (graph and Cedar)", () => {
    for (const engine of [graph, cedar]) {
      const many = engine.decideMany(batch);
      expect(many).toHaveLength(batch.length);
      expect(many).toEqual(batch.map((r) => engine.decide(r)));
    }
    // The batch is not trivially uniform: it holds Allows, denies and errors.
    const kinds = new Set(graph.decideMany(batch).map((r) => ("error" in r ? "error" : r.decision)));
    expect(kinds.has("Allow") && kinds.has("error") && kinds.size >= 3).toBe(true);
  });

  it("answers an empty list with an empty list and refuses a non-array", () => {
    expect(graph.decideMany([])).toEqual([]);
    expect(cedar.decideMany([])).toEqual([]);
    expect(() => graph.decideMany("x" as unknown as Request[])).toThrow(TypeError);
  });
});

describe("eval through decideMany", () => {
  it("calls decideMany once per engine and lays out the same table as per-request decide", () => {
    const graph = createAuthorizer(compiled.graph!);
    const span = { start: 0, end: 0 };
    const entries: RequestEntry[] = [
      { kind: "request", span, request: requests[0]! },
      { kind: "malformed", span, error: { code: "KR0007", message: "bad" } },
      { kind: "operation", span, operation: "kms:ReEncrypt", checks: [requests[0]!, requests[1]!] },
      { kind: "request", span, request: requests[2]! },
    ];
    const calls: number[] = [];
    const decideMany = (rs: readonly Request[]): DecisionResult[] => (calls.push(rs.length), graph.decideMany(rs));
    const style = createTextStyle(false);
    const batched = tabulateResults(entries, [{ name: "graph", decide: () => { throw new Error("decide must not be called"); }, decideMany }], style);
    const single = tabulateResults(entries, [{ name: "graph", decide: (r) => graph.decide(r) }], style);
    expect(calls).toEqual([4]);
    expect(batched).toEqual(single);
  });
});
