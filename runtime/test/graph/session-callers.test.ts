// Role sessions in the graph evaluator (runtime/src/evaluate/create-authorizer.ts): sessions of one
// role that no policy names share one caller object, so what one session is named for must never
// reach another: a key policy naming one session's ARN, and identity policies listed under one
// session's ARN (DEVIATION §5.7), stay that session's, in any order of requests.
import { describe, expect, it } from "vitest";
import { createAuthorizer, GRAPH_FORMAT, GRAPH_VERSION, sealGraph } from "@kms-cedar/runtime";
import type { DecisionResult, GraphAction } from "@kms-cedar/runtime";

const A = "111122223333";
const K1 = `arn:aws:kms:us-west-2:${A}:key/k1`;
const ROLE = `arn:aws:iam::${A}:role/App`;
const session = (name: string): string => `arn:aws:sts::${A}:assumed-role/App/${name}`;
const span = { start: 0, end: 1 };
const ACTIONS: GraphAction[] = [
  { name: "kms:Decrypt", target: "key", keyPolicy: true, policyAllows: true, crossAccount: true },
  { name: "kms:ScheduleKeyDeletion", target: "key", keyPolicy: true, policyAllows: true, crossAccount: false },
  { name: "kms:ListKeys", target: "none", keyPolicy: false, policyAllows: true, crossAccount: false },
];

// Key policy: #0 names session s1 for ScheduleKeyDeletion, #1 the account for Decrypt.
// Identity: the role allows Decrypt; policies under session s2's ARN allow ListKeys.
const g = sealGraph({
  format: GRAPH_FORMAT, version: GRAPH_VERSION, actions: ACTIONS,
  policies: [
    { location: `keys[${K1}]`, kind: "key", owner: K1, byAction: { "kms:ScheduleKeyDeletion": { deny: [], allow: [0] }, "kms:Decrypt": { deny: [], allow: [1] } } },
    { location: `principals[${ROLE}][0]`, kind: "identity", owner: ROLE, byAction: { "kms:Decrypt": { deny: [], allow: [2] } } },
    { location: `principals[${session("s2")}][0]`, kind: "identity", owner: session("s2"), byAction: { "kms:ListKeys": { deny: [], allow: [3] } } },
  ],
  keys: { [K1]: 0 }, principals: { [ROLE]: [1], [session("s2")]: [2] },
  nodes: [
    { kind: "principal", any: false, aws: [session("s1")], service: [], origin: [{ policy: 0, span }] },
    { kind: "principal", any: false, aws: [`arn:aws:iam::${A}:root`], service: [], origin: [{ policy: 0, span }] },
  ],
  statements: [
    { policy: 0, statement: 0, effect: "Allow", actions: ["kms:ScheduleKeyDeletion"], tests: [], principal: 0 },
    { policy: 0, statement: 1, effect: "Allow", actions: ["kms:Decrypt"], tests: [], principal: 1 },
    { policy: 1, statement: 0, effect: "Allow", actions: ["kms:Decrypt"], tests: [] },
    { policy: 2, statement: 0, effect: "Allow", actions: ["kms:ListKeys"], tests: [] },
  ],
});
const outcome = (r: DecisionResult): string => ("error" in r ? r.error.code : r.decision);

describe("sessions of one role", () => {
  it("keep what names one session to that session, whatever the order of requests", () => {
    const expected: Record<string, Record<string, string>> = {
      s1: { "kms:ScheduleKeyDeletion": "Allow", "kms:Decrypt": "Allow", "kms:ListKeys": "ImplicitDeny" },
      s2: { "kms:ScheduleKeyDeletion": "ImplicitDeny", "kms:Decrypt": "Allow", "kms:ListKeys": "Allow" },
      s3: { "kms:ScheduleKeyDeletion": "ImplicitDeny", "kms:Decrypt": "Allow", "kms:ListKeys": "ImplicitDeny" },
      s4: { "kms:ScheduleKeyDeletion": "ImplicitDeny", "kms:Decrypt": "Allow", "kms:ListKeys": "ImplicitDeny" },
    };
    for (const order of [["s3", "s1", "s2", "s4"], ["s1", "s2", "s3", "s4"], ["s2", "s4", "s1", "s3"]]) {
      const auth = createAuthorizer(g);
      for (let round = 0; round < 2; round++) {
        for (const name of order) {
          for (const [action, want] of Object.entries(expected[name]!)) {
            const resource = action === "kms:ListKeys" ? "*" : K1;
            expect(`${name} ${action} ${outcome(auth.decide({ principal: session(name), action, resource }))}`).toBe(`${name} ${action} ${want}`);
          }
        }
      }
    }
  });
});
