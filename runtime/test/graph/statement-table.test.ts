// The flat statement table of the decision path (runtime/src/evaluate/statement-table.ts) and the
// condition closures it runs (evaluate/compile-condition.ts): a statement of one test runs that node's
// test itself, so the table keeps what fails it (0, and 2 in an Allow — undecidable — but not in a
// Deny, spec §0.2); a statement of several tests, or none, keeps its own closure; a condition node runs
// once per request (memo) and answers as the shared definition does (conditions/condition-answer.ts).
import { describe, expect, it } from "vitest";
import { GRAPH_FORMAT, GRAPH_VERSION, sealGraph } from "@kms-cedar/runtime";
import type { DecisionGraph, GraphNode, GraphStatement } from "@kms-cedar/runtime";
import { compileGraph } from "../../src/evaluate/compile-graph.js";
import { appliesAt } from "../../src/evaluate/decide-kms.js";
import { EvalState } from "../../src/evaluate/eval-state.js";
import { STRIDE } from "../../src/evaluate/statement-table.js";

const K = "arn:aws:kms:us-west-2:111122223333:key/k";
const span = { start: 0, end: 1 };
const condition = (base: string, key: string, values: string[]): GraphNode =>
  ({ kind: "condition", base, ifExists: false, key, values, origin: [{ policy: 0, span }] }) as GraphNode;
const nodes: GraphNode[] = [
  condition("StringEquals", "k1", ["a"]),
  condition("StringEquals", "k2", ["b"]),
  { kind: "resource", negated: false, patterns: ["*"], origin: [{ policy: 0, span }] },
];
const stmt = (statement: number, effect: "Allow" | "Deny", tests: number[]): GraphStatement =>
  ({ policy: 0, statement, effect, actions: ["kms:Decrypt"], tests });
// Allow k1 | Deny k1 | Allow k1, k2 | Deny k1, k2 | Allow (no test) | Deny Resource "*" (always)
const statements = [stmt(0, "Allow", [0]), stmt(1, "Deny", [0]), stmt(2, "Allow", [0, 1]), stmt(3, "Deny", [0, 1]), stmt(4, "Allow", []), stmt(5, "Deny", [2])];
const graph: DecisionGraph = sealGraph({
  format: GRAPH_FORMAT, version: GRAPH_VERSION,
  actions: [{ name: "kms:Decrypt", target: "key", keyPolicy: false, policyAllows: true, crossAccount: false }],
  policies: [{ location: "principals[x][0]", kind: "identity", owner: "x", byAction: { "kms:Decrypt": { deny: [1, 3, 5], allow: [0, 2, 4] } } }],
  keys: {}, principals: {}, nodes, statements,
});

/** Which statements (by index) apply to a request whose context sets slots k1, k2 as given (`amb`: ambiguous). */
function applying(k1: string | "amb" | undefined, k2: string | "amb" | undefined): number[] {
  const cg = compileGraph(graph);
  const st = new EvalState(cg.slots.size, cg.nodeCount);
  st.begin(K);
  for (const [key, v] of [["k1", k1], ["k2", k2]] as const) {
    const slot = cg.slots.get(key)!;
    st.seenGen[slot] = st.gen;
    if (v === "amb") st.ambiguousGen[slot] = st.gen;
    else if (v !== undefined) (st.slotGen[slot] = st.gen), (st.slotValue[slot] = v);
  }
  const out: number[] = [];
  for (let i = 0; i < cg.table.tests.length; i++) if (appliesAt(cg.table, st, i)) out.push(cg.table.info[i * STRIDE]!);
  return out.sort((x, y) => x - y);
}

describe("statement table", () => {
  it("keeps 1 for a statement that always applies, else the answer besides 0 that fails it (2 Allow, 3 Deny)", () => {
    const cg = compileGraph(graph);
    const flags = new Map<number, number>();
    for (let i = 0; i < cg.table.tests.length; i++) flags.set(cg.table.info[i * STRIDE]!, cg.table.info[i * STRIDE + 2]!);
    expect([0, 1, 2, 3, 4, 5].map((id) => flags.get(id))).toEqual([2, 3, 2, 3, 1, 1]);
  });

  it("runs a one-test statement's node test itself, and a closure of its own for several tests", () => {
    const cg = compileGraph(graph);
    const testOf = new Map<number, unknown>();
    for (let i = 0; i < cg.table.tests.length; i++) testOf.set(cg.table.info[i * STRIDE]!, cg.table.tests[i]);
    expect(testOf.get(0)).toBe(cg.nodeTests[0]);
    expect(testOf.get(1)).toBe(cg.nodeTests[0]);
    expect(testOf.get(2)).not.toBe(cg.nodeTests[0]);
  });

  it("applies statements as the fail-closed rule says (spec §0.2)", () => {
    expect(applying("a", "b")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(applying("a", "x")).toEqual([0, 1, 4, 5]);
    expect(applying("x", "b")).toEqual([4, 5]);
    // Undecidable (an ambiguous key): false in an Allow, true in a Deny, one test or several.
    expect(applying("amb", "b")).toEqual([1, 3, 4, 5]);
    expect(applying("a", "amb")).toEqual([0, 1, 3, 4, 5]);
    expect(applying(undefined, undefined)).toEqual([4, 5]);
  });

  it("runs a condition node once per request, and again in the next", () => {
    const cg = compileGraph(graph);
    const st = new EvalState(cg.slots.size, cg.nodeCount);
    const slot = cg.slots.get("k1")!;
    const set = (v: string): void => {
      st.begin(K);
      st.seenGen[slot] = st.slotGen[slot] = st.gen;
      st.slotValue[slot] = v;
    };
    set("a");
    expect(cg.nodeTests[0]!(st)).toBe(1);
    st.slotValue[slot] = "x"; // not re-read within the request
    expect(cg.nodeTests[0]!(st)).toBe(1);
    set("x");
    expect(cg.nodeTests[0]!(st)).toBe(0);
  });
});
