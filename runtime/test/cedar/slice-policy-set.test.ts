// Slicing the Cedar policy set (runtime/src/cedar/slice-policy-set.ts): on a bundle built where a
// slice could go wrong — key-policy Denies on `*` principals, identity Denies that reach other keys
// by wildcard, NotResource, cross-account grants, policies attached to a session ARN, a key policy
// whose Resource names another key — the sliced authorizer gives the same result (decision, reasons,
// determining policies, errors) as the whole set on every request of a generated grid, and agrees
// with the graph evaluator. Heads of other forms stay in the common slice.
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle, Request } from "@kms-cedar/runtime";
import { createAuthorizer, createCedarAuthorizer, loadCedar } from "@kms-cedar/runtime";
import { sliceOf, sliceOfText, slicePolicySet } from "../../src/cedar/slice-policy-set.js";
import { splitPolicySet } from "../../src/cedar/split-policy-set.js";

const A = "111122223333";
const B = "444455556666";
const K1 = `arn:aws:kms:us-east-1:${A}:key/1111aaaa-0000-0000-0000-000000000001`;
const K2 = `arn:aws:kms:eu-west-1:${A}:key/2222bbbb-0000-0000-0000-000000000002`;
const K3 = `arn:aws:kms:us-east-1:${B}:key/3333cccc-0000-0000-0000-000000000003`;
const APP = `arn:aws:iam::${A}:role/App`;
const OPS = `arn:aws:iam::${A}:role/team/Ops`;
const PARTNER = `arn:aws:iam::${B}:role/Partner`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
const ROOT_A = `arn:aws:iam::${A}:root`;
const ROOT_B = `arn:aws:iam::${B}:root`;

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const bundle: Bundle = {
  keys: {
    [K1]: {
      policy: doc(
        { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT_A }, Action: "kms:*", Resource: "*" },
        { Sid: "Partner", Effect: "Allow", Principal: { AWS: ROOT_B }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" },
        { Sid: "DenyAllPlain", Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "DenyAwsStar", Effect: "Deny", Principal: { AWS: "*" }, Action: "kms:ScheduleKeyDeletion", Resource: "*" },
      ),
    },
    [K2]: {
      policy: doc(
        { Sid: "App", Effect: "Allow", Principal: { AWS: APP }, Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*" },
        // Names another key: undecided in a key policy (A21), fail closed by effect.
        { Sid: "OtherKey", Effect: "Allow", Principal: { AWS: ROOT_A }, Action: "kms:DescribeKey", Resource: K1 },
        { Sid: "DenyOtherKey", Effect: "Deny", Principal: { AWS: ROOT_A }, Action: "kms:Encrypt", Resource: K1 },
      ),
    },
    [K3]: { policy: doc({ Sid: "RootB", Effect: "Allow", Principal: { AWS: ROOT_B }, Action: "kms:*", Resource: "*" }) },
  },
  principals: {
    [APP]: {
      policies: [
        doc(
          { Sid: "UseAll", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"], Resource: "*" },
          { Sid: "DenyEuByWildcard", Effect: "Deny", Action: "kms:Decrypt", Resource: `arn:aws:kms:eu-*:${A}:key/*` },
        ),
        doc({ Sid: "NotK1", Effect: "Allow", Action: "kms:ScheduleKeyDeletion", NotResource: K1 }),
      ],
    },
    [SESSION]: { policies: [doc({ Sid: "SessionDeny", Effect: "Deny", Action: "kms:Encrypt", Resource: K2 })] },
    [OPS]: { policies: [doc({ Sid: "Ops", Effect: "Allow", Action: "kms:*", Resource: `arn:aws:kms:*:*:key/*` })] },
    [BOB]: { policies: [doc({ Sid: "Bob", Effect: "Allow", Action: "kms:DescribeKey", Resource: [K1, K3] })] },
    [PARTNER]: { policies: [doc({ Sid: "Partner", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" })] },
  },
} as Bundle;

const compiled = compileBundle(bundle);
if (compiled.cedar === undefined || compiled.graph === undefined) {
  throw new Error(`the test bundle does not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
}
const cedarFiles = { policies: compiled.cedar.policies, schema: compiled.cedar.schema, manifest: compiled.cedar.manifest };
// Forced: the test bundle is below SLICE_ABOVE, where the default is the whole set.
const sliced = createCedarAuthorizer(cedarFiles, { slicing: true });
const whole = createCedarAuthorizer(cedarFiles, { slicing: false });
// No combined sets: every request with identity policies is decided by two calls, combined.
const split2 = createCedarAuthorizer(cedarFiles, { slicing: true, combinedSets: 0 });
const graph = createAuthorizer(compiled.graph);

const principals = [APP, SESSION, `arn:aws:sts::${A}:assumed-role/App/other`, `arn:aws:sts::${A}:assumed-role/Ops/s2`, OPS, BOB, ROOT_A, ROOT_B, PARTNER,
  `arn:aws:sts::${B}:assumed-role/Partner/p`, `arn:aws:iam::${A}:user/Nobody`, "s3.amazonaws.com"];
const actions = ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:ScheduleKeyDeletion", "kms:ListKeys", "kms:RetireGrant", "kms:CreateAlias"];
const resources = [K1, K2, K3, "*", `arn:aws:kms:us-east-1:${A}:alias/a`];
const contexts: Record<string, string>[] = [{}, { "aws:SecureTransport": "false" }];

const requests: Request[] = [];
for (const principal of principals) for (const action of actions) for (const resource of resources) for (const context of contexts) requests.push({ principal, action, resource, context });

describe("Cedar policy-set slicing", () => {
  it("decides every request of the grid as the whole set does (result, determining policies, errors) and as the graph does, with one call or two", () => {
    const kinds: Record<string, number> = {};
    for (const r of requests) {
      const s = sliced.authorize(r);
      const w = whole.authorize(r);
      expect(s, JSON.stringify(r)).toEqual(w);
      expect(split2.authorize(r), JSON.stringify(r)).toEqual(w);
      // The engines' reasons differ by design (Cedar's gates carry the key-account path): compare the outcome.
      const g = graph.decide(r);
      expect("error" in s.result ? s.result.error.code : s.result.decision, JSON.stringify(r)).toBe("error" in g ? g.error.code : g.decision);
      const kind = "error" in s.result ? s.result.error.code : s.result.decision;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    // The grid reaches every outcome, so the comparison is not vacuous.
    expect(Object.keys(kinds)).toEqual(expect.arrayContaining(["Allow", "ExplicitDeny", "ImplicitDeny"]));
    expect(kinds["Allow"]).toBeGreaterThan(20);
    expect(kinds["ExplicitDeny"]).toBeGreaterThan(10);
  });

  it("puts key-policy statements in their key's slice, identity statements in their policy's, the rest in the common slice", () => {
    const split = splitPolicySet(loadCedar(), compiled.cedar!.policies);
    if ("error" in split) throw new Error(split.error);
    const slices = slicePolicySet(split.policies);
    // The text reading of every head agrees with Cedar's own JSON form of the policy.
    for (const [id, text] of Object.entries(split.policies)) {
      const answer = loadCedar().policyToJson(text);
      if (answer.type !== "success") throw new Error(id);
      expect(sliceOfText(text), id).toEqual(sliceOf(answer.json));
    }
    expect([...slices.byKey.keys()].sort()).toEqual([K1, K2, K3].sort());
    expect(slices.byPolicy.size).toBe(6); // APP has two policies, the session, Ops, Bob and Partner one each
    // Only the policies that apply to every request stay common (cross-account, grant-only, root).
    expect(Object.keys(slices.common).sort()).toEqual(["cross-account", "grant-only", "root"]);
    // The `*` Denies of K1 are in K1's slice: their head pins the key.
    expect(Object.keys(slices.byKey.get(K1)!)).toEqual(expect.arrayContaining(["deny-p0-s2", "deny-p0-s3", "gate-p0"]));
  });

  it("keeps heads it cannot pin to one key or one identity policy in the common slice", () => {
    const head = (text: string) => {
      const answer = loadCedar().policyToJson(text);
      if (answer.type !== "success") throw new Error(answer.errors.map((e) => e.message).join("; "));
      // The text reading is never more specific than Cedar's reading of the head.
      const fromText = sliceOfText(text);
      if (fromText.kind !== "common") expect(fromText).toEqual(sliceOf(answer.json));
      return sliceOf(answer.json);
    };
    expect(head(`permit (principal, action, resource == Kms::Key::"${K1}");`)).toEqual({ kind: "key", id: K1 });
    expect(head(`permit (principal in Iam::Policy::"p", action, resource);`)).toEqual({ kind: "policy", id: "p" });
    expect(head(`permit (principal in Iam::Policy::"p", action, resource == Kms::Key::"${K1}");`)).toEqual({ kind: "key", id: K1 });
    for (const text of [
      `permit (principal, action, resource in Kms::Key::"${K1}");`,
      `permit (principal, action, resource is Kms::Key);`,
      `permit (principal, action, resource) when { resource == Kms::Key::"${K1}" };`,
      `permit (principal == Iam::Policy::"p", action, resource);`,
      `permit (principal in Iam::Role::"${APP}", action, resource);`,
      `permit (principal, action, resource == Kms::Alias::"a");`,
    ]) {
      expect(head(text), text).toEqual({ kind: "common" });
      expect(sliceOfText(text), text).toEqual({ kind: "common" });
    }
    // Text forms the reader must not be fooled by: a key id in a comment or a condition, an escaped id.
    expect(sliceOfText(`// resource == Kms::Key::"k"\npermit (principal, action, resource);`)).toEqual({ kind: "common" });
    expect(sliceOfText(`@id("resource == Kms::Key::\\"k\\"")\npermit (principal, action, resource) when { resource == Kms::Key::"k" };`)).toEqual({ kind: "common" });
    expect(sliceOfText(`permit (principal, action, resource == Kms::Key::"a\\"b");`)).toEqual({ kind: "common" });
    expect(sliceOfText(`@id("x")\nforbid (principal in Iam::Policy::"p", action in [Kms::Action::"A", Kms::Action::"B"], resource);`)).toEqual({ kind: "policy", id: "p" });
  });
});
