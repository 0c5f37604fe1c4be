// Slicing the ceiling gates (runtime/src/cedar/ceiling-sets.ts): a request is asked only the boundary and
// session gates of the scopes its principal is a member of, and nothing when there is none; the sliced
// authorizer gives the same answer (result, determining policies, errors) as the whole ceiling set on every
// request of a grid that reaches both open and closed ceilings, and agrees with the reference evaluator.
import { describe, expect, it } from "vitest";
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle, DecisionResult, Request } from "@kms-cedar/runtime";
import { createCedarAuthorizer, loadCedar } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import type { CedarWasm } from "../../src/cedar/load-cedar.js";
import { CEILINGS_OPEN, slicedCeilings, splitCeilings } from "../../src/cedar/ceiling-sets.js";
import { createEncoder } from "../../src/cedar/encode-request.js";
import type { EncodedRequest } from "../../src/cedar/encode-request.js";
import { splitPolicySet } from "../../src/cedar/split-policy-set.js";
import type { CedarManifest, ManifestPolicy } from "../../src/cedar/cedar-manifest.js";

const A = "111122223333";
const KEY = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const APP = `arn:aws:iam::${A}:role/App`;
const OPS = `arn:aws:iam::${A}:role/Ops`;
const FREE = `arn:aws:iam::${A}:role/Free`;
const BOB = `arn:aws:iam::${A}:user/Bob`;
const APP_SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`;
const FREE_SESSION = `arn:aws:sts::${A}:assumed-role/Free/s2`;

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const allowAll = doc({ Effect: "Allow", Action: "kms:*", Resource: "*" });
const only = (...Action: string[]) => doc({ Effect: "Allow", Action, Resource: "*" });
const bundle = {
  keys: { [KEY]: { policy: doc({ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }) } },
  principals: {
    [APP]: { policies: [allowAll], boundary: only("kms:Decrypt", "kms:DescribeKey") },
    [OPS]: { policies: [allowAll], boundary: only("kms:Encrypt") },
    [FREE]: { policies: [allowAll] },
    [BOB]: { policies: [allowAll], boundary: only("kms:DescribeKey") },
    [APP_SESSION]: { sessionPolicies: [only("kms:Decrypt")] },
    [FREE_SESSION]: { sessionPolicies: [only("kms:Encrypt")] },
  },
} as unknown as Bundle;

const compiled = compileBundle(bundle);
if (compiled.cedar === undefined) throw new Error(`the test bundle does not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
const files = compiled.cedar;
const manifest = JSON.parse(files.manifest as string) as CedarManifest;
const roles = new Map<string, ManifestPolicy>(manifest.policies.map((p) => [p.id, p]));
const gateOf = (scope: string): string => {
  const split = splitPolicySet(loadCedar(), files.policies);
  if ("error" in split) throw new Error(split.error);
  const ids = Object.keys(split.policies).filter((id) => roles.get(id)?.role === "ceiling" && split.policies[id]!.includes(`"${scope}"`));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const boundaryGate = (arn: string): string => gateOf(`boundary:principals[${arn}].boundary`);
const sessionGate = (arn: string): string => gateOf(`session:principals[${arn}].sessionPolicies`);

const principals = [APP, OPS, FREE, BOB, APP_SESSION, FREE_SESSION, `arn:aws:sts::${A}:assumed-role/Ops/s3`, `arn:aws:iam::${A}:root`];
const actions = ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:ListKeys"];
const requests: Request[] = [];
for (const principal of principals) for (const action of actions) requests.push({ principal, action, resource: action === "kms:ListKeys" ? "*" : KEY, context: {} });

describe("Cedar ceiling slicing", () => {
  it("asks each request only the gates of its principal's boundary and session scopes, and no set when it has none", () => {
    const split = splitPolicySet(loadCedar(), files.policies);
    if ("error" in split) throw new Error(split.error);
    const { ceilings } = splitCeilings(split.policies, roles);
    // Three boundaries and two session entries: five gates in all.
    expect(Object.keys(ceilings!)).toHaveLength(5);
    // Records what each preparsed set holds (cedar-wasm itself does the work).
    const parsed = new Map<string, string[]>();
    const cedar = loadCedar();
    const recording = { ...cedar, preparsePolicySet: (id: string, set: { staticPolicies: Record<string, string> }) => {
      parsed.set(id, Object.keys(set.staticPolicies).sort());
      return cedar.preparsePolicySet(id, set);
    } } as unknown as CedarWasm;
    const ceilingsFor = slicedCeilings(recording, "test-ceilings", ceilings!);
    const encode = createEncoder(manifest);
    const gatesAsked = (principal: string): string[] | undefined => {
      const encoded = encode({ principal, action: "kms:Decrypt", resource: KEY, context: {} }) as EncodedRequest;
      const set = ceilingsFor(encoded);
      if (set === undefined) return undefined;
      if (typeof set !== "string") throw new Error(set.failed);
      return parsed.get(set)!.filter((id) => id !== CEILINGS_OPEN);
    };
    // A role caller: its own boundary (role/App as caller is refused, KR0012: the bundle names its session s1).
    expect(gatesAsked(OPS)).toEqual([boundaryGate(OPS)]);
    expect(gatesAsked(BOB)).toEqual([boundaryGate(BOB)]);
    // A session: its role's boundary (permission-boundary.md §2) and its own session policies.
    expect(gatesAsked(APP_SESSION)).toEqual([boundaryGate(APP), sessionGate(APP_SESSION)].sort());
    expect(gatesAsked(FREE_SESSION)).toEqual([sessionGate(FREE_SESSION)]);
    // No boundary, no session policies: nothing can close the ceiling, so no set is asked.
    // (A session of Free other than s2: role/Free as caller is refused, KR0012, the bundle naming its session s2.)
    expect(gatesAsked(`arn:aws:sts::${A}:assumed-role/Free/s9`)).toBeUndefined();
    expect(gatesAsked(`arn:aws:iam::${A}:root`)).toBeUndefined();
    // Every set also holds the permit for everything, and one set is kept per scope list.
    for (const ids of parsed.values()) expect(ids).toContain(CEILINGS_OPEN);
    gatesAsked(OPS);
    expect(parsed.size).toBe(4);
  });

  it("decides every request of the grid as the whole ceiling set does, and as the reference does", () => {
    const sliced = createCedarAuthorizer(files, { slicing: true });
    const whole = createCedarAuthorizer(files, { slicing: false });
    const kinds: Record<string, number> = {};
    for (const r of requests) {
      const s = sliced.authorize(r);
      expect(s, JSON.stringify(r)).toEqual(whole.authorize(r));
      const ref = evaluateReference(bundle as never, r as never) as DecisionResult;
      expect(outcome(s.result), JSON.stringify(r)).toBe(outcome(ref));
      const k = outcome(s.result);
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    // The grid reaches allows through open ceilings and denies by a closed one (the boundary or the session).
    expect(kinds["Allow"]).toBeGreaterThan(5);
    expect(kinds["ImplicitDeny:boundary"]).toBeGreaterThan(3);
    expect(kinds["ImplicitDeny:session"]).toBeGreaterThan(0);
  });
});

function outcome(r: DecisionResult): string {
  if ("error" in r) return r.error.code;
  const layers = [...new Set(r.reasons.map((reason) => reason.layer).filter((l) => l !== undefined))];
  return r.decision === "Allow" || layers.length === 0 ? r.decision : `${r.decision}:${layers.join(",")}`;
}
