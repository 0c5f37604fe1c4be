// An exception inside the graph evaluator, after it has read the request whole, is the engine's own
// bug: KR0901 (engine-failure), never a decision and never KR0007, which tells the user their request
// is malformed. An input whose own reading throws stays KR0007. The failure is injected by making the
// KMS algebra (decide-kms.ts) throw on demand.
import { compileBundle } from "@kms-cedar/compiler";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuthorizer, type Bundle } from "../../src/index.js";

const fault = vi.hoisted(() => ({ on: false }));
vi.mock("../../src/evaluate/decide-kms.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/evaluate/decide-kms.js")>();
  return {
    ...original,
    decideKey: (...args: Parameters<typeof original.decideKey>) => {
      if (fault.on) throw new Error("injected fault");
      return original.decideKey(...args);
    },
  };
});

const A = "111122223333";
const ALICE = `arn:aws:iam::${A}:user/Alice`;
const K1 = `arn:aws:kms:us-east-1:${A}:key/k1`;
const bundle = {
  keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ALICE }, Action: "kms:Decrypt", Resource: "*" }] } } },
} as unknown as Bundle;
const request = { principal: ALICE, action: "kms:Decrypt", resource: K1 };
const code = (r: unknown): string => (r !== null && typeof r === "object" && "error" in r ? (r as { error: { code: string } }).error.code : (r as { decision: string }).decision);

describe("an exception in the graph evaluator", () => {
  const auth = createAuthorizer(compileBundle(bundle, { cedar: false }).graph!);
  afterEach(() => void (fault.on = false));

  it("is KR0901 for decide, explain, decideMany and an operation; the engine decides again afterwards", () => {
    expect(code(auth.decide(request))).toBe("Allow");
    fault.on = true;
    expect(code(auth.decide(request))).toBe("KR0901");
    expect(code(auth.explain(request))).toBe("KR0901");
    expect(auth.decideMany([request]).map(code)).toEqual(["KR0901"]);
    expect(code(auth.decide({ operation: "kms:ReEncrypt", checks: [request] }))).toBe("KR0901");
    expect(auth.decide(request)).toMatchObject({ error: { message: expect.stringContaining("injected fault") } });
    fault.on = false;
    expect(code(auth.decide(request))).toBe("Allow");
  });

  it("is still KR0007 when it is the input's own reading that throws", () => {
    fault.on = true;
    const throwing = { action: "kms:Decrypt", resource: K1, get principal(): string { throw new Error("boom"); } };
    expect(code(auth.decide(throwing))).toBe("KR0007");
  });
});
