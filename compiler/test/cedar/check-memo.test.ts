// The emitter's self-check memo (issue 14): validation answers are reused only for the same
// (schema text, policy text); a policy that failed fails again from the memo; only unseen policies
// are sent to the validator; a failed call is not remembered.
import { describe, expect, it } from "vitest";
import { CheckMemo } from "../../src/emit/cedar/check-memo.js";
import type { ValidationOutcome } from "../../src/emit/cedar/check-memo.js";

/** A fake validator: a policy whose text contains "bad" does not validate; records what it was asked. */
function validator(asked: string[][]): (policies: Record<string, string>) => ValidationOutcome {
  return (policies) => {
    asked.push(Object.keys(policies));
    return { errors: Object.entries(policies).filter(([, text]) => text.includes("bad")).map(([policyId]) => ({ policyId, message: `policy \`${policyId}\` is bad` })) };
  };
}

describe("CheckMemo", () => {
  it("validates each (schema, policy) once and keeps failures failing", () => {
    const memo = new CheckMemo();
    const asked: string[][] = [];
    const v = validator(asked);
    expect(memo.validate("S1", { a: "@id(\"a\") ok", b: "@id(\"b\") bad" }, v)).toEqual({ messages: ["policy `b` is bad"] });
    expect(memo.validate("S1", { b: "@id(\"b\") bad", a: "@id(\"a\") ok" }, v)).toEqual({ messages: ["policy `b` is bad"] });
    expect(memo.validate("S1", { a: "@id(\"a\") ok", c: "@id(\"c\") ok" }, v)).toEqual({ messages: [] });
    // Another schema: nothing is reused.
    expect(memo.validate("S2", { a: "@id(\"a\") ok" }, v)).toEqual({ messages: [] });
    expect(asked).toEqual([["a", "b"], ["c"], ["a"]]);
  });

  it("does not remember a call that failed as a whole, nor a schema conversion that failed", () => {
    const memo = new CheckMemo();
    let calls = 0;
    const failing = (): ValidationOutcome => (calls++, { failure: ["schema does not parse"] });
    expect(memo.validate("S", { a: "x" }, failing)).toEqual({ failure: ["schema does not parse"] });
    expect(memo.validate("S", { a: "x" }, failing)).toEqual({ failure: ["schema does not parse"] });
    expect(calls).toBe(2);
    let conversions = 0;
    const bad = () => (conversions++, { type: "failure" as const });
    memo.schemaJson("S", bad);
    memo.schemaJson("S", bad);
    const good = () => (conversions++, { type: "success" as const, json: {} });
    memo.schemaJson("S", good);
    memo.schemaJson("S", good);
    expect(conversions).toBe(3);
  });

  it("reports an error about an id it did not send rather than dropping it", () => {
    const memo = new CheckMemo();
    const stray = (): ValidationOutcome => ({ errors: [{ policyId: "zz", message: "policy `zz`: oops" }] });
    expect(memo.validate("S", { a: "x" }, stray)).toEqual({ messages: ["policy `zz`: oops"] });
    expect(memo.validate("S", { a: "x" }, stray)).toEqual({ messages: ["policy `zz`: oops"] });
  });
});

describe("formatting a large policy set policy by policy", () => {
  it("gives the text cedar-wasm's formatter gives for the whole set", async () => {
    const { compileBundle } = await import("@kms-cedar/compiler");
    const { loadCedar } = await import("@kms-cedar/runtime");
    const A = "111122223333";
    const principals: Record<string, { policies: unknown[] }> = {};
    for (let r = 0; r < 40; r++) {
      principals[`arn:aws:iam::${A}:role/R${r}`] = { policies: [{ Version: "2012-10-17", Statement: [
        { Sid: "Use", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt"], Resource: `arn:aws:kms:*:${A}:key/*`, Condition: { StringEquals: { "aws:ResourceTag/team": `t${r}` } } },
        { Sid: "NoDelete", Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
      ] }] };
    }
    const key = `arn:aws:kms:us-east-1:${A}:key/k1`;
    const keys = { [key]: { policy: { Version: "2012-10-17", Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }] } } };
    const compiled = compileBundle({ keys, principals });
    const policies = compiled.cedar!.policies;
    expect((policies.match(/^@id\(/gm) ?? []).length).toBeGreaterThan(32);
    const whole = loadCedar().formatPolicies({ policyText: policies, lineWidth: 100, indentWidth: 2 });
    expect(whole.type).toBe("success");
    expect(whole.type === "success" ? whole.formatted_policy : "").toBe(policies);
  });
});
