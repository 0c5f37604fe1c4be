// The law `explanations_agree` (docs/explain.md) can fail: an engine that drops one reason, or
// misreports the first failing test, is caught. (Over generated bundles it runs in the CI conformance
// run, conformance.test.ts, on one request in eight of every bundle.)
import { describe, expect, it } from "vitest";
import type { Explanation, ExplanationResult } from "@kms-cedar/runtime";
import { explainReference } from "@kms-cedar/runtime/reference";
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


  it("closest: the applying statements win over ones that passed more tests; else the most leading tests, ties listed", () => {
    const identity = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
    const partnerOnly = { Version: "2012-10-17", Statement: [{ Sid: "PartnerOnly", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:*", Resource: "*" }] };
    const viaS3 = { Sid: "ViaS3", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" }, StringLike: { "kms:ViaService": "s3.*" } } };
    const beta = { Sid: "Beta", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Beta" } } };
    const alpha = { Sid: "Alpha", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } };
    const encrypt = { Sid: "EncryptOnly", Effect: "Allow", Action: "kms:Encrypt", Resource: "*" };
    const request = { principal: `arn:aws:sts::${A}:assumed-role/App/s1`, action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha", "kms:ViaService": "ec2.us-west-2.amazonaws.com" } };
    const shape = (e: ExplanationResult) => ("closest" in e && e.closest ? {
      key: e.closest.key.map((c) => `${c.sid} ${c.passed}/${c.tests} ${c.failed?.test.kind ?? "applies"}`),
      identity: e.closest.identity.map((c) => `${c.sid} ${c.passed}/${c.tests} ${c.failed ? JSON.stringify([c.failed.test, c.failed.seen]) : "applies"}`),
    } : e);
    // Hand-derived: the key policy names only another account (fails at the principal, test 2 of 3).
    const withAlpha = { keys: { [K1]: { policy: partnerOnly } }, principals: { [APP]: { policies: [identity([viaS3, beta, alpha, encrypt])] } } };
    expect(shape(explainReference(withAlpha, request))).toEqual({ key: ["PartnerOnly 1/3 principal"], identity: ["Alpha 3/3 applies"] });
    const withoutAlpha = { keys: { [K1]: { policy: partnerOnly } }, principals: { [APP]: { policies: [identity([viaS3, beta, encrypt, { ...viaS3, Sid: "ViaS3Again" }])] } } };
    const via = JSON.stringify([{ kind: "condition", operator: "StringLike", key: "kms:viaservice" }, { kind: "values", values: ["ec2.us-west-2.amazonaws.com"] }]);
    expect(shape(explainReference(withoutAlpha, request))).toEqual({ key: ["PartnerOnly 1/3 principal"], identity: [`ViaS3 3/4 ${via}`, `ViaS3Again 3/4 ${via}`] });
    // And the graph and Cedar say the same.
    for (const b of [withAlpha, withoutAlpha]) {
      const evaluation = evaluateCase(b, [request], extras, { explain: true });
      expect([evaluation.rejected, evaluation.tallies["explanations_agree"]?.checked, evaluation.violations]).toEqual([false, 1, []]);
    }
  });
  it("Cedar's probes may read a marker no policy of the set reads (a statement the set folded away)", () => {
    // Found by the CI budget (seed 20261143, ForAnyValue:IpAddress): the key policy's only statement
    // names a principal by unique ID, so no Cedar policy carries it and the schema declared no
    // `#unsure`; its aws:TagKeys probe reads `#unsure`, and Cedar refused to evaluate the probes.
    const folded = { keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [{ Sid: "S0", Effect: "Allow", Principal: { AWS: "AROAEXAMPLEROLEID1234" }, Action: "kms:*", Resource: "*",
      Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["Project"] } } }] } } }, principals: {} };
    const request = { principal: `arn:aws:sts::${A}:assumed-role/Admin/ops`, action: "kms:GenerateDataKey", resource: K1, context: {} };
    const evaluation = evaluateCase(folded, [request], extras, { explain: true });
    const engine = evaluation.prepared.engines.cedar;
    const cedar = "explain" in engine && engine.explain ? engine.explain(request) : undefined;
    expect(cedar !== undefined && "decision" in cedar ? [cedar.decision, "notes" in cedar ? cedar.notes : []] : cedar).toEqual(["ImplicitDeny", []]);
    expect([evaluation.rejected, evaluation.tallies["explanations_agree"]?.checked, evaluation.violations]).toEqual([false, 1, []]);
  });
});
