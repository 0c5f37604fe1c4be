// fast-check arbitrary for bundles around one focus operator variant: key policies for two keys of
// account A and one of account B (with or without the delegation statement, §5.3), identity
// policies for users, roles and a federated user of both accounts, and an anchor statement that
// carries the focus operator. Phase: conformance generators.
import fc from "fast-check";
import { conditionArb } from "./condition-arbitraries.js";
import { ACCOUNT_A, ACCOUNT_B, KEY_A1, KEY_A2, KEY_B, POLICY_HOLDERS, ROLE_APP, ROLE_EXT, USER_BOB, USER_CAROL_B } from "./fixtures.js";
import type { OperatorVariant } from "./operators.js";
import { buildConditionBlock } from "./condition-arbitraries.js";
import { sometimes } from "./sometimes.js";
import { policyArb, statementArb } from "./statement-arbitraries.js";

export type PlainBundle = {
  keys: Record<string, { policy: Record<string, unknown> }>;
  principals: Record<string, { policies: Record<string, unknown>[] }>;
};

/** Where the anchor statement goes: a key policy or the first identity policy of a holder. */
const ANCHOR_TARGETS = [KEY_A1, KEY_A1, KEY_B, ...POLICY_HOLDERS] as const;

/** The delegation statement (§5.3 fact 2), sometimes narrowed to some actions or by the focus condition. */
function delegationArb(account: string, focus: OperatorVariant): fc.Arbitrary<Record<string, unknown> | undefined> {
  return fc.record({
    present: fc.integer({ min: 0, max: 9 }),
    bare: fc.boolean(),
    actions: fc.constantFrom<unknown>("kms:*", "kms:*", "kms:*", "kms:*", ["kms:Decrypt", "kms:Encrypt", "kms:CreateGrant"], "kms:Describe*"),
    condition: sometimes(conditionArb(focus, "key", true), 20),
  }).map((d) => {
    if (d.present < 3) return undefined;
    const condition = d.condition === null ? undefined : buildConditionBlock([d.condition]);
    return {
      Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: d.bare ? account : `arn:aws:iam::${account}:root` },
      Action: d.actions, Resource: "*", ...(condition !== undefined ? { Condition: condition } : {}),
    };
  });
}

/** A grant to the other account (§5.3 fact 6): its root, a role or a user of it, on cross-account actions or all. */
function crossGrantArb(account: string, focus: OperatorVariant): fc.Arbitrary<Record<string, unknown> | null> {
  const other = account === ACCOUNT_A ? ACCOUNT_B : ACCOUNT_A;
  const principals = account === ACCOUNT_A
    ? [`arn:aws:iam::${other}:root`, other, ROLE_EXT, USER_CAROL_B, [ROLE_EXT, USER_CAROL_B]]
    : [`arn:aws:iam::${other}:root`, other, ROLE_APP, USER_BOB];
  return sometimes(fc.record({
    principal: fc.constantFrom<unknown>(...principals),
    actions: fc.constantFrom<unknown>("kms:*", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"], ["kms:CreateGrant", "kms:ScheduleKeyDeletion"], "kms:ReEncrypt*"),
    condition: sometimes(conditionArb(focus, "key", true), 30),
  }).map((g) => {
    const condition = g.condition === null ? undefined : buildConditionBlock([g.condition]);
    return { Sid: "CrossAccount", Effect: "Allow", Principal: { AWS: g.principal }, Action: g.actions, Resource: "*", ...(condition ? { Condition: condition } : {}) };
  }), 40);
}

/**
 * A perimeter Deny (the corpus's VPC-endpoint policy, where the audit found RetireGrant allowed
 * despite it): everyone outside the account, or everyone under the focus condition, is denied
 * RetireGrant among other actions. Spec §5.1: it applies to RetireGrant like to any action.
 */
function perimeterDenyArb(account: string, focus: OperatorVariant): fc.Arbitrary<Record<string, unknown> | null> {
  return sometimes(fc.record({
    actions: fc.constantFrom<unknown>("kms:RetireGrant", "kms:*", ["kms:RetireGrant", "kms:Decrypt"], "kms:Re*", "kms:RetireGrant"),
    condition: fc.oneof(
      conditionArb(focus, "key", true).map((c) => buildConditionBlock([c])),
      fc.constantFrom<Record<string, unknown> | undefined>(
        { StringNotEquals: { "aws:PrincipalAccount": account } }, { StringNotEquals: { "kms:CallerAccount": account } },
        { ArnNotLike: { "aws:PrincipalArn": `arn:aws:iam::${account}:*` } }, undefined,
      ),
    ),
  }).map((d) => ({ Sid: "Perimeter", Effect: "Deny", Principal: "*", Action: d.actions, Resource: "*", ...(d.condition ? { Condition: d.condition } : {}) })), 30);
}

function keyPolicyArb(account: string, focus: OperatorVariant): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(delegationArb(account, focus), crossGrantArb(account, focus), perimeterDenyArb(account, focus), policyArb("key", focus))
    .map(([dkp, grant, perimeter, p]) => {
      const statements = p.policy["Statement"] as Record<string, unknown>[];
      return { ...p.policy, Statement: [...(dkp ? [dkp] : []), ...(grant ? [grant] : []), ...(perimeter ? [perimeter] : []), ...statements] };
    });
}

const identityPoliciesArb = (focus: OperatorVariant): fc.Arbitrary<Record<string, unknown>[]> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<Record<string, unknown>[]>([]) },
    { weight: 5, arbitrary: fc.array(policyArb("identity", focus), { minLength: 1, maxLength: 2 }).map((l) => l.map((p) => p.policy)) },
  );

/** A bundle around `focus`: at least one statement (the anchor) tests the focus operator. */
export function bundleArb(focus: OperatorVariant): fc.Arbitrary<PlainBundle> {
  return fc.record({
    keyA1: keyPolicyArb(ACCOUNT_A, focus),
    keyA2: sometimes(keyPolicyArb(ACCOUNT_A, focus), 35),
    keyB: keyPolicyArb(ACCOUNT_B, focus),
    holders: fc.tuple(...POLICY_HOLDERS.map(() => identityPoliciesArb(focus))),
    anchorTarget: fc.constantFrom(...ANCHOR_TARGETS),
    anchorKey: statementArb({ kind: "key", variables: true, focus, forceFocus: true }),
    anchorIdentity: statementArb({ kind: "identity", variables: true, focus, forceFocus: true }),
  }).map((r) => {
    const keys: PlainBundle["keys"] = { [KEY_A1]: { policy: r.keyA1 } };
    if (r.keyA2 !== null) keys[KEY_A2] = { policy: r.keyA2 };
    keys[KEY_B] = { policy: r.keyB };
    const principals: PlainBundle["principals"] = {};
    POLICY_HOLDERS.forEach((holder, i) => {
      const policies = r.holders[i]!;
      if (policies.length > 0 || holder === r.anchorTarget) principals[holder] = { policies: [...policies] };
    });
    const anchor = (target: Record<string, unknown> | undefined, statement: Record<string, unknown>): Record<string, unknown> => {
      const base = target ?? { Version: "2012-10-17", Statement: [] };
      const list = base["Statement"] as Record<string, unknown>[];
      return { ...base, Version: "2012-10-17", Statement: [...list, { Sid: "Anchor", ...statement }] };
    };
    const target = r.anchorTarget;
    if (target in keys) keys[target] = { policy: anchor(keys[target]!.policy, r.anchorKey.statement) };
    else {
      const entry = principals[target]!;
      entry.policies[0] = anchor(entry.policies[0], r.anchorIdentity.statement);
    }
    return { keys, principals };
  });
}
