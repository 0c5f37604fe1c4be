// The law `explanations_agree` (docs/explain.md) can fail: an engine that drops one reason, or
// misreports the first failing test, is caught. (Over generated bundles it runs in the CI conformance
// run, conformance.test.ts, on one request in eight of every bundle.)
import { describe, expect, it } from "vitest";
import type { Explanation, ExplanationResult } from "@kms-cedar/runtime";
import type { LawExtras } from "../src/arbitraries/case-arbitrary.js";
import type { ExplainWrapper } from "../src/engines/engine-types.js";
import { evaluateCase } from "../src/run/evaluate-case.js";

const A = "111122223333";
const B = "444455556666";
const K1 = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const APP = `arn:aws:iam::${A}:role/App`;
const bundle = {
  keys: {
    [K1]: {
      policy: {
        Version: "2012-10-17",
        Statement: [
          { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" },
          { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:Decrypt", Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" } } },
        ],
      },
    },
  },
  principals: {
    [APP]: {
      policies: [{
        Version: "2012-10-17",
        Statement: [{ Sid: "Alpha", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } }],
      }],
    },
  },
};
const decrypt = (principal: string, context: Record<string, string> = {}) => ({ principal, action: "kms:Decrypt", resource: K1, context });
const extras: LawExtras = {
  seed: 7,
  extraDeny: { key: { Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*" }, identity: { Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }, target: K1 },
};
const allowed = decrypt(`arn:aws:sts::${A}:assumed-role/App/s1`, { "aws:ResourceTag/Project": "Alpha" });
const denied = decrypt(`arn:aws:sts::${A}:assumed-role/App/s1`, { "aws:ResourceTag/Project": "Beta" });

/** Wraps one engine's explanations with `mutate`. */
const mutant = (engine: string, mutate: (e: Explanation) => Explanation): ExplainWrapper =>
  (name, explain) => (name === engine ? (request) => {
    const r: ExplanationResult = explain(request);
    return "reasons" in r ? mutate(r) : r;
  } : explain);

const broken = (requests: unknown[], wrapExplain?: ExplainWrapper) =>
  evaluateCase(bundle, requests, extras, { explain: true, ...(wrapExplain ? { wrapExplain } : {}) }).violations.map((v) => `${v.law}/${v.engine}`);

describe("explanations_agree", () => {
  it("holds on a hand-written bundle, and the Cedar engine names the key-policy statement that delegated to IAM", () => {
    const evaluation = evaluateCase(bundle, [allowed, denied], extras, { explain: true });
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.tallies["explanations_agree"]).toEqual({ checked: 2, skipped: 0, violations: 0 });
    const cedar = evaluation.prepared.engines.cedar;
    const explained = "explain" in cedar && cedar.explain ? cedar.explain(allowed) : undefined;
    expect(explained && "reasons" in explained ? explained.reasons.map((r) => `${r.sid} ${r.path}`) : []).toEqual(["EnableIAM key-account", "Alpha identity"]);
    const deny = "explain" in cedar && cedar.explain ? cedar.explain(denied) : undefined;
    expect(deny && "closest" in deny ? deny.closest?.identity.map((c) => [c.sid, c.passed, c.failed?.test, c.failed?.seen]) : []).toEqual([
      ["Alpha", 2, { kind: "condition", operator: "StringEquals", key: "aws:resourcetag/project" }, { kind: "values", values: ["Beta"] }],
    ]);
  });

  it("catches a Cedar engine that drops the key-policy statement that delegated to IAM", () => {
    const dropDelegation = mutant("cedar", (e) => ({ ...e, reasons: e.reasons.filter((r) => r.path !== "key-account") }));
    expect(broken([allowed], dropDelegation)).toEqual(["explanations_agree/cedar"]);
  });

  it("catches a graph engine that reports the wrong first failing test", () => {
    const wrongTest = mutant("graph", (e) => ({
      ...e,
      ...(e.closest ? { closest: { ...e.closest, identity: e.closest.identity.map((c) => ({ ...c, passed: c.passed - 1, failed: { test: { kind: "resource" as const }, seen: { kind: "absent" as const } } })) } } : {}),
    }));
    expect(broken([denied], wrongTest)).toEqual(["explanations_agree/graph"]);
  });

});
