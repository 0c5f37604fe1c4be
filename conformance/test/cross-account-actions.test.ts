// Spec §5.4: one fully granted cross-account request per KMS key action. The key policy of account A
// delegates to IAM and grants account B everything; B's role allows everything in its identity policy.
// A cross-account capable action is then allowed in all three engines, every other key action is
// denied; RetireGrant, cross-account capable but never allowed by a policy alone (§5.4, seed 004), is
// denied too. The expectations are written from the spec's list, not read from any engine.
import { describe, expect, it } from "vitest";
import { CROSS_ACCOUNT_ACTIONS, KMS_ACTIONS } from "../src/arbitraries/fixtures.js";
import { outcomeText } from "../src/compare/outcome.js";
import { prepareBundle } from "../src/engines/prepare-bundle.js";

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::444455556666:role/Ext";
const SESSION = "arn:aws:sts::444455556666:assumed-role/Ext/s1";
const bundle = {
  keys: {
    [KEY]: {
      policy: {
        Version: "2012-10-17",
        Statement: [
          { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
          { Sid: "CrossAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "kms:*", Resource: "*" },
        ],
      },
    },
  },
  principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }] } },
};

/** Key actions (resource: the key) and what a fully granted caller of another account gets. */
const KEY_ACTIONS = [...KMS_ACTIONS["key-cross"], ...KMS_ACTIONS["key-local"], ...KMS_ACTIONS["retire-grant"]];
const expected = (action: string): string => (CROSS_ACCOUNT_ACTIONS.includes(action) && action !== "RetireGrant" ? "Allow" : "ImplicitDeny");

describe("cross-account capable actions (spec §5.4)", () => {
  const prepared = prepareBundle(bundle);

  it("the fixture's classes agree with the spec's list", () => {
    expect([...KMS_ACTIONS["key-cross"], ...KMS_ACTIONS["retire-grant"]].sort()).toEqual([...CROSS_ACCOUNT_ACTIONS].sort());
    expect(prepared.errors).toEqual([]);
  });

  it.each(KEY_ACTIONS)("kms:%s from another account, fully granted", (action) => {
    const request = { principal: SESSION, action: `kms:${action}`, resource: KEY, context: {} };
    const got: Record<string, string> = {};
    for (const [engine, setup] of Object.entries(prepared.engines)) {
      if ("decide" in setup) got[engine] = outcomeText(setup.decide(request));
    }
    expect(got).toEqual({ reference: expected(action), graph: expected(action), cedar: expected(action) });
  });

  it("the same requests from the key's own account are allowed (the grant is not the reason they are denied)", () => {
    const own = { ...bundle, principals: { "arn:aws:iam::111122223333:role/Own": bundle.principals[ROLE] } };
    const p = prepareBundle(own);
    const denied = KEY_ACTIONS.filter((action) => action !== "RetireGrant").filter((action) => {
      const r = (p.engines.reference as { decide: (r: unknown) => never }).decide({ principal: "arn:aws:sts::111122223333:assumed-role/Own/s1", action: `kms:${action}`, resource: KEY, context: {} });
      return outcomeText(r) !== "Allow";
    });
    expect(denied).toEqual([]);
  });
});
