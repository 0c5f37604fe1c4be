// fast-check arbitraries for policy statements and documents: every Principal form of spec §1.5,
// Action/NotAction with `*` and `?` patterns (§1.6), Resource/NotResource with wildcards and
// variables (§1.7, §4), both Versions, and conditions that carry the case's focus operator.
// Phase: conformance generators. Generates only what checkPolicyText accepts (warnings allowed).
import fc from "fast-check";
import { anyConditionArb, buildConditionBlock, conditionArb } from "./condition-arbitraries.js";
import type { GeneratedCondition, PolicyKind } from "./condition-arbitraries.js";
import {
  ACCOUNT_A, ACCOUNT_B, FEDERATED_FED, HOT_ACTIONS, KEY_A1, KEY_B, ROLE_ADMIN, ROLE_APP, ROLE_EXT, SERVICE_EC2,
  ROLE_APP_B, SERVICE_LOGS, SESSION_APP, USER_BOB, USER_CAROL_B,
} from "./fixtures.js";
import type { OperatorVariant } from "./operators.js";

/** AWS: §1.5 — every accepted Principal form, for both accounts. */
export const KEY_POLICY_PRINCIPALS: readonly unknown[] = [
  "*", { AWS: "*" }, { AWS: ACCOUNT_A }, { AWS: `arn:aws:iam::${ACCOUNT_A}:root` }, { AWS: `arn:aws:iam::${ACCOUNT_B}:root` },
  { AWS: ACCOUNT_B }, { AWS: ROLE_APP }, { AWS: `arn:aws:iam::${ACCOUNT_A}:role/App` }, { AWS: SESSION_APP },
  { AWS: USER_BOB }, { AWS: FEDERATED_FED }, { AWS: ROLE_EXT }, { AWS: ROLE_ADMIN }, { AWS: [USER_BOB, ROLE_EXT] },
  { AWS: USER_CAROL_B }, { Service: SERVICE_LOGS }, { Service: [SERVICE_LOGS, SERVICE_EC2] },
  { AWS: `arn:aws:iam::${ACCOUNT_A}:root`, Service: SERVICE_LOGS }, { AWS: "AROAEXAMPLEROLEID1234" },
  { AWS: [`arn:aws:iam::${ACCOUNT_B}:root`, ROLE_APP] }, { AWS: ROLE_APP_B },
];

/** Action patterns: exact names, `*` and `?` wildcards, odd case, another service. */
export const ACTION_PATTERNS: readonly string[] = [
  ...HOT_ACTIONS, ...HOT_ACTIONS, "kms:*", "*", "kms:Re*", "kms:*crypt", "kms:Generate*", "kms:Describe?ey", "KMS:decrypt",
  "kms:Create?lias", "kms:List*", "kms:Get*", "kms:*Key", "kms:?ign", "s3:GetObject", "kms:UpdateAlias", "kms:DeleteAlias",
  "kms:ReEncryptTo", "kms:GenerateRandom", "kms:CreateCustomKeyStore",
];

/** Identity-policy resources: keys, aliases, the no-resource form, wildcards, variables (after the fifth colon). */
export const IDENTITY_RESOURCES: readonly string[] = [
  "*", "*", `arn:aws:kms:*:${ACCOUNT_A}:key/*`, KEY_A1, KEY_B, `arn:aws:kms:*:${ACCOUNT_B}:key/*`,
  `arn:aws:kms:us-west-2:${ACCOUNT_A}:alias/*`, `arn:aws:kms:us-west-2:${ACCOUNT_A}:alias/\${aws:PrincipalTag/team}-*`,
  `arn:aws:kms:us-west-2:${ACCOUNT_A}:*`, "arn:aws:kms:*:*:*", `arn:aws:kms:us-west-?:${ACCOUNT_A}:key/*`,
  "arn:aws:kms:us-*-2:*:key/1111*", `arn:aws:kms:us-west-2:${ACCOUNT_A}:key/\${aws:PrincipalTag/team, '1111aaaa'}*`,
  "arn:aws:kms:*:*:alias/test/*", `arn:aws:kms:us-west-2:${ACCOUNT_A}:key/1111AAAA*`, "arn:aws:s3:::bucket-1",
  `arn:aws:kms:us-west-2:${ACCOUNT_B}:alias/*`,
  // Short prefixes ending in `*`, and a trailing `*` segment: they match the synthetic resource `*` too.
  // (Not `arn:aws:*`: a wildcard may not stand for the service, §1.7 rule 5, and the checks reject it.)
  "arn:aws:kms:*", "arn:aws:kms:us-*", `arn:aws:kms:us-west-2:*`, `arn:aws:kms:us-east-1:${ACCOUNT_A}:*`, `arn:aws:kms:*:${ACCOUNT_B}:*`,
];

/** Key-policy resources: `*` (this key), and rarely a pattern matched against the key ARN (KC2061 warning). */
const KEY_RESOURCES: readonly string[] = ["*", "*", "*", "*", "*", "*", "*", "*", `arn:aws:kms:*:${ACCOUNT_A}:key/*`, KEY_A1];

/** Where the case's focus operator goes: this statement carries it, some other condition, or none. */
export type ConditionChoice = "focus" | "noise" | "none";

export interface StatementOptions {
  readonly kind: PolicyKind;
  readonly variables: boolean;
  readonly focus: OperatorVariant;
  /** Always carry the focus operator (the anchor statement of a bundle). */
  readonly forceFocus?: boolean;
}

const uniqueList = (pool: readonly string[], max: number): fc.Arbitrary<string[]> =>
  fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: max }).map((l) => [...new Set(l)]);

function actionElement(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ list: uniqueList(ACTION_PATTERNS, 3), not: fc.integer({ min: 0, max: 9 }), bare: fc.boolean() })
    .map(({ list, not, bare }) => {
      const value = bare && list.length === 1 ? list[0] : list;
      return not === 0 ? { NotAction: value } : { Action: value };
    });
}

function resourceElement(kind: PolicyKind): fc.Arbitrary<Record<string, unknown>> {
  if (kind === "key") return fc.constantFrom(...KEY_RESOURCES).map((r) => ({ Resource: r }));
  return fc.record({ list: uniqueList(IDENTITY_RESOURCES, 2), not: fc.integer({ min: 0, max: 7 }) })
    .map(({ list, not }) => (not === 0 ? { NotResource: list } : { Resource: list.length === 1 ? list[0] : list }));
}

/** A statement (without Sid) and which conditions it carries. */
export function statementArb(o: StatementOptions): fc.Arbitrary<{ statement: Record<string, unknown>; focused: boolean }> {
  return fc.record({
    effect: fc.constantFrom("Allow", "Allow", "Allow", "Deny"),
    principal: o.kind === "key" ? fc.constantFrom(...KEY_POLICY_PRINCIPALS) : fc.constant(undefined),
    action: actionElement(),
    resource: resourceElement(o.kind),
    choice: o.forceFocus === true ? fc.constant<ConditionChoice>("focus") : fc.constantFrom<ConditionChoice>("focus", "focus", "noise", "none", "none"),
    focus: conditionArb(o.focus, o.kind, o.variables),
    noise: fc.array(anyConditionArb(o.kind, o.variables), { minLength: 1, maxLength: 2 }),
    extra: fc.integer({ min: 0, max: 3 }),
  }).map((s) => {
    const conditions: GeneratedCondition[] = s.choice === "focus" ? [s.focus, ...(s.extra === 0 ? s.noise.slice(0, 1) : [])]
      : s.choice === "noise" ? s.noise : [];
    const condition = buildConditionBlock(conditions);
    return {
      focused: s.choice === "focus",
      statement: {
        Effect: s.effect,
        ...(s.principal !== undefined ? { Principal: s.principal } : {}),
        ...s.action,
        ...s.resource,
        ...(condition !== undefined ? { Condition: condition } : {}),
      },
    };
  });
}

/** A Version: mostly 2012-10-17, sometimes the old language, rarely none (identity policies only). */
export function versionArb(kind: PolicyKind): fc.Arbitrary<string | undefined> {
  return kind === "key"
    ? fc.constantFrom<string | undefined>("2012-10-17", "2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17")
    : fc.constantFrom<string | undefined>("2012-10-17", "2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17", undefined);
}

/** A policy document of `kind`: statements with unique Sids, and whether one carries the focus operator. */
export function policyArb(kind: PolicyKind, focus: OperatorVariant, maxStatements = 3): fc.Arbitrary<{ policy: Record<string, unknown>; focused: boolean }> {
  return versionArb(kind).chain((version) =>
    fc.array(statementArb({ kind, variables: version === "2012-10-17", focus }), { minLength: 1, maxLength: maxStatements })
      .map((list) => ({
        focused: list.some((s) => s.focused),
        policy: {
          ...(version !== undefined ? { Version: version } : {}),
          Statement: list.map((s, i) => ({ Sid: `S${i}`, ...s.statement })),
        },
      })));
}
