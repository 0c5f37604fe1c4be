// fast-check arbitraries for bundles that pass the checks: a key policy for a key of account A and
// one for a key of account B, identity policies for a role, a user and an external role. Principals,
// actions, resources (with variables, NotResource) and versions vary; conditions come from
// condition-arbitraries.ts. The generators of the graph and Cedar property tests (graph-properties.test.ts,
// cedar-properties.test.ts), decided through the conformance engine harness.
import fc from "fast-check";
import { ACCOUNT_A as A, ACCOUNT_B as B, KEY_A1 as KEY_A, ROLE_APP as APP_ROLE_WITH_PATH, ROLE_EXT as EXT_ROLE, SERVICE_LOGS as SERVICE, USER_BOB as BOB } from "../../src/arbitraries/fixtures.js";
import { conditionBlockArb } from "./condition-arbitraries.js";

// The conformance world's accounts, key, role with a path, user, external role and service.
export { A, APP_ROLE_WITH_PATH, B, BOB, EXT_ROLE, KEY_A, SERVICE };
export const KEY_B = `arn:aws:kms:us-west-2:${B}:key/2222bbbb-2222-2222-2222-222222222222`;
export const APP_ROLE = `arn:aws:iam::${A}:role/App`;

/** Actions of every kind: cross-account key actions, same-account ones, alias, IAM-only, RetireGrant. */
export const ACTIONS = [
  "kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:ScheduleKeyDeletion", "kms:TagResource",
  "kms:CreateAlias", "kms:CreateKey", "kms:ListKeys", "kms:RetireGrant", "kms:ReEncryptFrom", "kms:ReEncryptTo",
] as const;

const ACTION_PATTERNS = [...ACTIONS, "kms:*", "kms:Re*", "kms:*crypt", "kms:List*", "KMS:decrypt", "kms:Create?lias", "s3:GetObject"];

const actionElement = fc.record({
  list: fc.array(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
  notAction: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
}).map((r) => (r.notAction ? { NotAction: [...new Set(r.list)] } : { Action: [...new Set(r.list)] }));

const KEY_PRINCIPALS: readonly unknown[] = [
  "*", { AWS: "*" }, { AWS: A }, { AWS: `arn:aws:iam::${A}:root` }, { AWS: `arn:aws:iam::${B}:root` },
  { AWS: APP_ROLE }, { AWS: APP_ROLE_WITH_PATH }, { AWS: `arn:aws:sts::${A}:assumed-role/App/s1` }, { AWS: BOB },
  { AWS: EXT_ROLE }, { AWS: [BOB, EXT_ROLE] }, { Service: SERVICE }, { AWS: `arn:aws:iam::${A}:root`, Service: SERVICE },
];

const IDENTITY_RESOURCES: readonly string[] = [
  "*", `arn:aws:kms:*:${A}:key/*`, KEY_A, KEY_B, `arn:aws:kms:*:${B}:key/*`, `arn:aws:kms:us-west-2:${A}:alias/*`,
  `arn:aws:kms:us-west-2:${A}:alias/\${aws:PrincipalTag/team}*`, `arn:aws:kms:us-west-2:${A}:*`, `arn:aws:kms:*:*:*`,
  `arn:aws:kms:us-west-2:${A}:key/\${aws:PrincipalTag/team, '1111aaaa'}*`,
  // The request resource `*` (DESIGN §2): every Region of A's callers, some Regions, another account.
  `arn:aws:kms:*:${A}:*`, `arn:aws:kms:us-east-1:${A}:*`, `arn:aws:kms:*:${B}:*`,
];

/** Key-policy Resource values (spec §1.7, issue 10 item 6): mostly `*`; the exact key ARN; others are undecided. */
const KEY_RESOURCES: readonly string[] = [...Array<string>(12).fill("*"), KEY_A, KEY_B];

function statementArb(kind: "key" | "identity", version: string | undefined) {
  const variables = version === "2012-10-17";
  const resource = kind === "key"
    ? fc.constantFrom(...KEY_RESOURCES).map((r) => ({ Resource: r }))
    : fc.record({ not: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), list: fc.array(fc.constantFrom(...IDENTITY_RESOURCES), { minLength: 1, maxLength: 2 }) })
      .map((r) => (r.not ? { NotResource: [...new Set(r.list)] } : { Resource: [...new Set(r.list)] }));
  return fc.record({
    effect: fc.constantFrom("Allow", "Allow", "Allow", "Deny"),
    principal: kind === "key" ? fc.constantFrom(...KEY_PRINCIPALS) : fc.constant(undefined),
    action: actionElement,
    resource,
    condition: conditionBlockArb(kind, variables),
  }).map((s) => ({
    Effect: s.effect,
    ...(s.principal !== undefined ? { Principal: s.principal } : {}),
    ...s.action,
    ...s.resource,
    ...(s.condition !== undefined ? { Condition: s.condition } : {}),
  }));
}

const versionArb = fc.constantFrom<string | undefined>("2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17");

/** A policy document of `kind` (key policies always name a Version, as KMS requires). */
export function policyArb(kind: "key" | "identity"): fc.Arbitrary<unknown> {
  return versionArb.chain((version) =>
    fc.array(statementArb(kind, version), { minLength: 1, maxLength: 4 }).map((statements) => ({
      ...(version !== undefined ? { Version: version } : {}),
      Statement: statements.map((s, i) => ({ Sid: `S${i}`, ...s })),
    })));
}

/** A bundle: keys in accounts A and B, identity policies for App (role with a path), Bob and Ext. */
export const bundleArb = fc.record({
  keyA: policyArb("key"),
  keyB: policyArb("key"),
  app: fc.array(policyArb("identity"), { minLength: 0, maxLength: 2 }),
  bob: fc.array(policyArb("identity"), { minLength: 0, maxLength: 1 }),
  ext: fc.array(policyArb("identity"), { minLength: 0, maxLength: 1 }),
}).map((p) => ({
  keys: { [KEY_A]: { policy: p.keyA }, [KEY_B]: { policy: p.keyB } },
  principals: { [APP_ROLE_WITH_PATH]: { policies: p.app }, [BOB]: { policies: p.bob }, [EXT_ROLE]: { policies: p.ext } },
}));
