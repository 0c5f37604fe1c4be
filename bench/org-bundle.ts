// The organisation-scale scenario of issue 14, generated from a seed (deterministic): 1,000 KMS keys
// whose key policies take the shapes of the corpus (the default root statement, key administrators
// and key users by role ARN, ABAC on aws:PrincipalTag, grants for AWS resources, cross-account
// grants to other accounts' roots, Deny statements), 2,000 roles with one identity policy each (ABAC
// on aws:ResourceTag against aws:PrincipalTag, statements scoped to named keys or `*`, Denies), about
// 12,000 statements in all; and thousands of distinct requests (varied callers, keys, actions and
// context values). `orgScenario({ keys, roles })` scales it down for the compile-cost curve.
import type { Bundle, Request } from "@kms-cedar/runtime";
import { createRandom } from "./prng.js";
import type { Random } from "./prng.js";

export const ORG_ACCOUNT = "111122223333";
const OTHER_ACCOUNTS = ["222233334444", "333344445555", "444455556666", "555566667777"];
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"];
const ENVS = ["prod", "staging", "dev"];
const TEAMS = 50;
const KINDS = ["app", "data", "ops", "admin"];

export interface OrgOptions {
  readonly keys?: number;
  readonly roles?: number;
  readonly requests?: number;
  readonly seed?: number;
}

export interface OrgScenario {
  readonly bundle: Bundle;
  readonly statements: number;
  readonly keyStatements: number;
  readonly identityStatements: number;
  readonly requests: readonly Request[];
}

interface Role {
  readonly name: string;
  readonly arn: string;
  readonly team: number;
  readonly kind: string;
}

interface Key {
  readonly arn: string;
  readonly team: number;
  readonly env: string;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0").slice(-width);
const teamName = (t: number): string => `team${String(t).padStart(2, "0")}`;

function makeRoles(count: number): Role[] {
  const roles: Role[] = [];
  for (let i = 0; i < count; i++) {
    const team = i % TEAMS;
    const kind = KINDS[Math.floor(i / TEAMS) % KINDS.length]!;
    const name = `${teamName(team)}-${kind}-${i}`;
    // Some roles have a path: a session ARN omits it, the engines match the role by name.
    const path = i % 10 === 0 ? "service/" : "";
    roles.push({ name, arn: `arn:aws:iam::${ORG_ACCOUNT}:role/${path}${name}`, team, kind });
  }
  return roles;
}

function makeKeys(count: number): Key[] {
  const keys: Key[] = [];
  for (let k = 0; k < count; k++) {
    const region = REGIONS[k % REGIONS.length]!;
    const id = `${hex(k * 2654435761, 8)}-${hex(k, 4)}-4${hex(k * 7, 3)}-8${hex(k * 13, 3)}-${hex(k * 40503, 12)}`;
    keys.push({ arn: `arn:aws:kms:${region}:${ORG_ACCOUNT}:key/${id}`, team: k % TEAMS, env: ENVS[k % ENVS.length]! });
  }
  return keys;
}

const ADMIN_ACTIONS = [
  "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
  "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
];
const USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

function keyPolicy(rnd: Random, key: Key, byTeam: readonly (readonly Role[])[]): unknown[] {
  const team = byTeam[key.team] ?? [];
  const admins = team.filter((r) => r.kind === "admin" || r.kind === "ops");
  const statements: unknown[] = [
    { Sid: "EnableIAMUserPermissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ORG_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
  ];
  if (admins.length > 0) {
    statements.push({ Sid: "AllowKeyAdministrators", Effect: "Allow", Principal: { AWS: rnd.sample(admins, 2).map((r) => r.arn) }, Action: ADMIN_ACTIONS, Resource: "*" });
  }
  if (team.length > 0 && rnd.chance(0.6)) {
    statements.push({ Sid: "AllowUseOfTheKey", Effect: "Allow", Principal: { AWS: rnd.sample(team, 3).map((r) => r.arn) }, Action: USE_ACTIONS, Resource: "*" });
  }
  if (rnd.chance(0.4)) {
    statements.push({ Sid: "AllowTeamByTag", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ORG_ACCOUNT}:root` }, Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalTag/team": teamName(key.team) } } });
  }
  if (rnd.chance(0.3)) {
    const other = rnd.pick(OTHER_ACCOUNTS);
    const region = key.arn.split(":")[3]!;
    statements.push({ Sid: "AllowExternalAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"], Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } } });
  }
  if (rnd.chance(0.3)) {
    statements.push(rnd.chance(0.5)
      ? { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }
      : { Sid: "DenyDeletionByNonAdmins", Effect: "Deny", Principal: { AWS: "*" }, Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey"], Resource: "*",
          Condition: { StringNotEquals: { "aws:PrincipalTag/admin": "true" } } });
  }
  if (team.length > 0 && rnd.chance(0.2)) {
    statements.push({ Sid: "AllowAttachmentOfPersistentResources", Effect: "Allow", Principal: { AWS: rnd.pick(team).arn }, Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], Resource: "*",
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } });
  }
  return statements;
}

function identityPolicy(rnd: Random, role: Role, keys: readonly Key[], byTeamKeys: readonly (readonly Key[])[]): unknown[] {
  const own = byTeamKeys[role.team] ?? [];
  const tagValue = rnd.chance(0.5) ? "${aws:PrincipalTag/team}" : teamName(role.team);
  const statements: unknown[] = [
    { Sid: "UseTeamKeys", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], Resource: `arn:aws:kms:*:${ORG_ACCOUNT}:key/*`,
      Condition: { StringEquals: { "aws:ResourceTag/team": tagValue } } },
    { Sid: "DescribeNamedKeys", Effect: "Allow", Action: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListGrants"],
      Resource: rnd.sample(own.length > 0 ? own : keys, 3).map((k) => k.arn) },
  ];
  if (rnd.chance(0.7)) {
    statements.push({ Sid: "SignInEnvironment", Effect: "Allow", Action: ["kms:Sign", "kms:Verify"], Resource: "*",
      Condition: { StringEquals: { "aws:ResourceTag/env": rnd.pick(ENVS) }, Bool: { "aws:MultiFactorAuthPresent": "true" } } });
  }
  if (rnd.chance(0.7)) {
    statements.push({ Sid: "DenyKeyChangesToNonAdmins", Effect: "Deny", Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy"], Resource: "*",
      Condition: { StringNotEquals: { "aws:PrincipalTag/admin": "true" } } });
  }
  if (rnd.chance(0.65)) {
    statements.push({ Sid: "DenyDecryptOutsideNetwork", Effect: "Deny", Action: "kms:Decrypt", Resource: "*",
      Condition: { NotIpAddress: { "aws:SourceIp": [`10.${role.team}.0.0/16`, "192.0.2.0/24"] }, Bool: { "aws:ViaAWSService": "false" } } });
  }
  return statements;
}

const REQUEST_ACTIONS = [
  "kms:Decrypt", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
  "kms:Sign", "kms:Verify", "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:ListGrants",
  "kms:ReEncryptFrom", "kms:GetKeyPolicy", "kms:TagResource",
];

function makeRequest(rnd: Random, n: number, roles: readonly Role[], keys: readonly Key[], byTeamKeys: readonly (readonly Key[])[]): Request {
  const roll = rnd.next();
  const role = rnd.pick(roles);
  let principal: string;
  const context: Record<string, string> = {};
  if (roll < 0.85) {
    principal = rnd.chance(0.9) ? `arn:aws:sts::${ORG_ACCOUNT}:assumed-role/${role.name}/session-${n}` : role.arn;
    context["aws:PrincipalArn"] = role.arn;
    context["aws:PrincipalTag/team"] = rnd.chance(0.9) ? teamName(role.team) : teamName(rnd.int(TEAMS));
    if (role.kind === "admin" || rnd.chance(0.05)) context["aws:PrincipalTag/admin"] = "true";
  } else if (roll < 0.95) {
    const other = rnd.pick(OTHER_ACCOUNTS);
    principal = `arn:aws:sts::${other}:assumed-role/Partner${rnd.int(20)}/session-${n}`;
    context["aws:PrincipalArn"] = `arn:aws:iam::${other}:role/Partner`;
  } else {
    principal = `arn:aws:iam::${ORG_ACCOUNT}:root`;
  }
  const own = byTeamKeys[role.team] ?? [];
  const key = own.length > 0 && rnd.chance(0.6) ? rnd.pick(own) : rnd.pick(keys);
  context["aws:ResourceTag/team"] = teamName(key.team);
  context["aws:ResourceTag/env"] = key.env;
  context["aws:SecureTransport"] = rnd.chance(0.9) ? "true" : "false";
  context["aws:SourceIp"] = rnd.chance(0.8) ? `10.${role.team}.${rnd.int(256)}.${rnd.int(256)}` : `203.0.113.${rnd.int(256)}`;
  context["aws:ViaAWSService"] = rnd.chance(0.2) ? "true" : "false";
  context["aws:MultiFactorAuthPresent"] = rnd.chance(0.7) ? "true" : "false";
  context["aws:CurrentTime"] = new Date(Date.UTC(2026, 0, 1) + rnd.int(365 * 86400) * 1000).toISOString().replace(".000Z", "Z");
  context["aws:RequestId"] = `req-${n}-${rnd.int(1e9)}`;
  if (rnd.chance(0.3)) context["kms:ViaService"] = `s3.${key.arn.split(":")[3]}.amazonaws.com`;
  if (rnd.chance(0.2)) context["kms:GrantIsForAWSResource"] = "true";
  return { principal, action: rnd.pick(REQUEST_ACTIONS), resource: key.arn, context };
}

/** Generates the scenario; by default 1,000 keys, 2,000 roles and 4,096 distinct requests. */
export function orgScenario(options: OrgOptions = {}): OrgScenario {
  const rnd = createRandom(options.seed ?? 14);
  const roles = makeRoles(options.roles ?? 2000);
  const keys = makeKeys(options.keys ?? 1000);
  const byTeam: Role[][] = Array.from({ length: TEAMS }, () => []);
  for (const r of roles) byTeam[r.team]!.push(r);
  const byTeamKeys: Key[][] = Array.from({ length: TEAMS }, () => []);
  for (const k of keys) byTeamKeys[k.team]!.push(k);

  const bundleKeys: Record<string, { policy: unknown; tags?: Record<string, string> }> = {};
  let keyStatements = 0;
  for (const key of keys) {
    const Statement = keyPolicy(rnd, key, byTeam);
    keyStatements += Statement.length;
    bundleKeys[key.arn] = { policy: { Version: "2012-10-17", Statement } };
  }
  const principals: Record<string, { policies: unknown[] }> = {};
  let identityStatements = 0;
  for (const role of roles) {
    const Statement = identityPolicy(rnd, role, keys, byTeamKeys);
    identityStatements += Statement.length;
    principals[role.arn] = { policies: [{ Version: "2012-10-17", Statement }] };
  }
  const requests: Request[] = [];
  const seen = new Set<string>();
  for (let n = 0; requests.length < (options.requests ?? 4096); n++) {
    const request = makeRequest(rnd, n, roles, keys, byTeamKeys);
    const id = JSON.stringify(request);
    if (!seen.has(id)) seen.add(id), requests.push(request);
  }
  return {
    bundle: { keys: bundleKeys, principals } as Bundle,
    statements: keyStatements + identityStatements, keyStatements, identityStatements, requests,
  };
}

/**
 * The seed requests' shape (bench/seed-abac.ts) for the org bundle: the same requests keeping only
 * the five context keys of the kinds a seed request gives (a resource tag, aws:SourceIp, a principal
 * tag, aws:CurrentTime, aws:RequestId). It measures what the org/seed ratio owes to the bundle alone,
 * apart from the org requests' own size (twice the context keys, more statements that apply).
 */
export const SEED_SHAPED_KEYS = ["aws:ResourceTag/team", "aws:SourceIp", "aws:PrincipalTag/team", "aws:CurrentTime", "aws:RequestId"] as const;

export function seedShaped(requests: readonly Request[]): Request[] {
  return requests.map((r) => {
    const context: Record<string, string | readonly string[]> = {};
    for (const k of SEED_SHAPED_KEYS) {
      const v = r.context?.[k];
      if (v !== undefined) context[k] = v;
    }
    return { principal: r.principal, action: r.action, resource: r.resource, context };
  });
}

const MANAGEMENT_ACCOUNT = "999999999999";
const ENDPOINT = "vpce-0a1b2c3d4e5f60718";
const ENDPOINT_VPC = "vpc-0a1b2c3d";
const KEY_USE_OPERATIONS = ["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey"];

/**
 * The organisation with the rest of the authorization chain (issue 14: "grants and ceilings once the
 * layers issue lands"; docs/request-model.md "Layers"): the same keys, roles and requests as
 * `orgScenario`, plus
 *   - an organization: the org account in a production OU with an SCP (FullAWSAccess is replaced by an
 *     Allow of KMS, and key changes without MFA are denied), the partner accounts in another OU, an RCP
 *     at the root denying KMS without TLS;
 *   - a permissions boundary on one role in four (key use only);
 *   - grants on one key in five (to a role of another team, key use, some with an encryption-context
 *     constraint);
 *   - one VPC endpoint with its policy (no key deletion through it); a quarter of the requests go through it.
 * Its own random stream, so the base bundle and requests are exactly `orgScenario`'s.
 */
export function orgLayeredScenario(options: OrgOptions = {}): OrgScenario & { readonly grants: number; readonly boundaries: number } {
  const base = orgScenario(options);
  const rnd = createRandom((options.seed ?? 14) + 1000);
  const roles = Object.keys(base.bundle.principals ?? {});
  const keys = base.bundle.keys as Record<string, { policy: unknown; grants?: unknown[] }>;
  const principals = base.bundle.principals as Record<string, { policies: unknown[]; boundary?: unknown }>;
  let boundaries = 0;
  const withLayers: Record<string, { policies: unknown[]; boundary?: unknown }> = {};
  for (const arn of roles) {
    const entry = { ...principals[arn]! };
    if (rnd.chance(0.25)) {
      entry.boundary = { Version: "2012-10-17", Statement: [{ Sid: "KeyUseOnly", Effect: "Allow", Action: USE_ACTIONS, Resource: "*" }] };
      boundaries++;
    }
    withLayers[arn] = entry;
  }
  let grants = 0;
  const layeredKeys: Record<string, { policy: unknown; grants?: unknown[] }> = {};
  for (const [arn, entry] of Object.entries(keys)) {
    const out: { policy: unknown; grants?: unknown[] } = { ...entry };
    if (rnd.chance(0.2)) {
      out.grants = Array.from({ length: 1 + rnd.int(3) }, (_, g) => ({
        name: `grant-${g}`, granteePrincipal: rnd.pick(roles), operations: rnd.sample(KEY_USE_OPERATIONS, 2),
        ...(rnd.chance(0.5) ? { constraints: { encryptionContextSubset: { app: teamName(rnd.int(TEAMS)) } } } : {}),
      }));
      grants += out.grants.length;
    }
    layeredKeys[arn] = out;
  }
  const organization = {
    managementAccount: MANAGEMENT_ACCOUNT,
    root: {
      id: "r-org1",
      rcps: [{ Version: "2012-10-17", Statement: [{ Sid: "RequireTls", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
        Condition: { Bool: { "aws:SecureTransport": "false" } } }] }],
      children: [
        { ou: "ou-org1-prod", scps: [{ Version: "2012-10-17", Statement: [
          { Sid: "AllowKms", Effect: "Allow", Action: "kms:*", Resource: "*" },
          { Sid: "DenyKeyChangesWithoutMfa", Effect: "Deny", Action: ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"], Resource: "*",
            Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
        ] }], children: [{ account: ORG_ACCOUNT }] },
        { ou: "ou-org1-partners", children: OTHER_ACCOUNTS.map((account) => ({ account })) },
        { account: MANAGEMENT_ACCOUNT },
      ],
    },
  };
  const endpoints = { [ENDPOINT]: { vpc: ENDPOINT_VPC, policy: { Version: "2012-10-17", Statement: [
    { Sid: "AllowKms", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" },
    { Sid: "NoDeletionThroughTheEndpoint", Effect: "Deny", Principal: "*", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
  ] } } };
  const granted = Object.entries(layeredKeys).filter(([, k]) => k.grants !== undefined);
  const requests = base.requests.map((base, n) => {
    let r = base;
    if (granted.length > 0 && rnd.chance(0.15)) {
      // A grantee using its grant (the caller is otherwise rarely a grantee of the key it asks for).
      const [key, entry] = rnd.pick(granted);
      const grant = rnd.pick(entry.grants as { granteePrincipal: string; operations: string[]; constraints?: { encryptionContextSubset: Record<string, string> } }[]);
      const name = grant.granteePrincipal.slice(grant.granteePrincipal.lastIndexOf("/") + 1);
      const context: Record<string, string> = { ...(base.context as Record<string, string>), "aws:PrincipalArn": grant.granteePrincipal };
      if (grant.constraints !== undefined && rnd.chance(0.6)) context["kms:EncryptionContext:app"] = grant.constraints.encryptionContextSubset["app"]!;
      r = { principal: `arn:aws:sts::${ORG_ACCOUNT}:assumed-role/${name}/grant-session-${n}`, action: `kms:${rnd.pick(grant.operations)}`, resource: key, context };
    }
    const context: Record<string, string | readonly string[]> = { ...r.context };
    if (rnd.chance(0.25)) {
      // Through the endpoint: AWS sets aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp, not aws:SourceIp.
      const ip = context["aws:SourceIp"];
      delete context["aws:SourceIp"];
      context["aws:SourceVpce"] = ENDPOINT;
      context["aws:SourceVpc"] = ENDPOINT_VPC;
      if (typeof ip === "string") context["aws:VpcSourceIp"] = ip;
    }
    if (rnd.chance(0.3)) context["kms:EncryptionContext:app"] = teamName(rnd.int(TEAMS));
    return { ...r, context };
  });
  return {
    ...base, requests, grants, boundaries,
    bundle: { keys: layeredKeys, principals: withLayers, organization, endpoints } as Bundle,
  };
}
