// The graph evaluator's per-request scratch state (runtime/src/evaluate/eval-state.ts): a memoized
// node runs once per request and again in the next one, also across the wrap of the generation
// number (stamps of old generations must never read as this request's), and the context reader's
// marks of given caller keys do not survive the wrap either.
import { describe, expect, it } from "vitest";
import { callerDerived, parseCaller } from "@kms-cedar/runtime";
import { ContextReader } from "../../src/evaluate/context-reader.js";
import { EvalState, memoizeNode } from "../../src/evaluate/eval-state.js";

/** The generation at which begin() wraps to 1: the largest before gen * 4 + 3 leaves the Int32 range. */
const LAST = (1 << 29) - 1;

describe("EvalState generations", () => {
  it("runs a memoized node once per request, and again after begin()", () => {
    const st = new EvalState(0, 1);
    let runs = 0;
    const node = memoizeNode(0, () => (runs++, 2));
    st.begin("r");
    expect([node(st), node(st), runs]).toEqual([2, 2, 1]);
    st.begin("r");
    expect([node(st), runs]).toEqual([2, 2]);
  });

  it("forgets every memo when the generation wraps", () => {
    const st = new EvalState(1, 1);
    let answer: 0 | 1 = 1;
    let runs = 0;
    const node = memoizeNode(0, () => (runs++, answer));
    st.gen = LAST - 1;
    st.begin("r"); // the last generation before the wrap
    expect(st.gen).toBe(LAST);
    expect(node(st)).toBe(1);
    st.slotGen[0] = st.gen;
    answer = 0;
    st.begin("r"); // wraps: generation 1 again, every stamp cleared
    expect(st.gen).toBe(1);
    expect([node(st), runs, st.has(0)]).toEqual([0, 2, false]);
  });

  it("does not keep a given caller key's value across the wrap", () => {
    const slots = new Map([["aws:principalarn", 0]]);
    const st = new EvalState(1, 0);
    const reader = new ContextReader(slots);
    const role = "arn:aws:iam::111122223333:role/path/App";
    // A session whose role path is unknown: aws:PrincipalArn is what the context gives, else ambiguous.
    const derived = { caller: callerDerived(parseCaller("arn:aws:sts::111122223333:assumed-role/App/s")!, () => undefined), resource: { kind: "free" } as const, setsCallerAccount: true };
    st.gen = LAST - 1;
    st.begin("r");
    expect(reader.load(st, { "aws:PrincipalArn": role }, derived)).toBeUndefined();
    expect([st.slotValue[0], st.isAmbiguous(0)]).toEqual([role, false]);
    st.begin("r"); // wraps to generation 1
    expect(reader.load(st, {}, derived)).toBeUndefined();
    expect(st.isAmbiguous(0)).toBe(true);
    // Generation LAST again, much later: the role ARN given back then is not this request's.
    st.gen = LAST - 1;
    st.begin("r");
    expect(reader.load(st, {}, derived)).toBeUndefined();
    expect(st.isAmbiguous(0)).toBe(true);
  });
});
