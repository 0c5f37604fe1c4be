// The two bundles bench/decide.ts measures, each with its requests and an equivalent Cedar policy set
// written by hand (not by our compiler): (a) the seed ABAC bundle, (b) 50 varied statements. The
// Cedar calls are encoded once, outside the timed loops (that favours cedar-wasm).
import type { Bundle, Request } from "@kms-cedar/runtime";

export const A = "111122223333";
const KEY_AP = `arn:aws:kms:ap-southeast-1:${A}:key/0000aaaa-0000-0000-0000-000000000000`;
export const K1 = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const DKP = { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" };

/** A Cedar request, encoded by hand for the hand-written policies. */
export interface CedarCall {
  readonly principal: { type: string; id: string };
  readonly action: { type: string; id: string };
  readonly resource: { type: string; id: string };
  readonly context: Record<string, unknown>;
  readonly entities: unknown[];
}

export interface BenchBundle {
  readonly name: string;
  readonly bundle: Bundle;
  readonly statements: number;
  readonly requests: readonly Request[];
  readonly cedar: Record<string, string>;
  readonly cedarCalls: readonly CedarCall[];
}

const uid = (type: string, id: string) => ({ type: `Kms::${type}`, id });

/** Principal entity (a session whose parent is its role) and key entity (account, ARN, tags). */
function entities(role: string, key: string, tags: Record<string, string>): unknown[] {
  return [
    { uid: uid("Session", `${role}/s1`), attrs: { account: A }, parents: [uid("Role", role)] },
    { uid: uid("Role", role), attrs: {}, parents: [] },
    { uid: uid("Key", key), attrs: { arn: key, account: A }, parents: [], tags },
  ];
}

function cedarCall(role: string, action: string, key: string, tags: Record<string, string>, context: Record<string, unknown>): CedarCall {
  return { principal: uid("Session", `${role}/s1`), action: uid("Action", action), resource: uid("Key", key), context, entities: entities(role, key, tags) };
}

/** (a) Seed 000/001: IAMPolicyWithResourceTag, and a key policy that delegates to IAM. */
export function seedAbac(): BenchBundle {
  const app = `arn:aws:iam::${A}:role/App`;
  const policy = { Version: "2012-10-17", Statement: [{ Sid: "IAMPolicyWithResourceTag", Effect: "Allow",
    Action: ["kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt"], Resource: `arn:aws:kms:ap-southeast-1:${A}:key/*`,
    Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } }] };
  const session = `arn:aws:sts::${A}:assumed-role/App/s1`;
  const cases: [string, Record<string, string>][] = [
    ["kms:Decrypt", { Project: "Alpha" }], ["kms:GenerateDataKeyWithoutPlaintext", { Project: "Alpha" }],
    ["kms:Decrypt", { Project: "Beta" }], ["kms:Decrypt", {}],
  ];
  const requests = cases.map(([action, tags]) => ({
    principal: session, action, resource: KEY_AP,
    context: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])),
  }));
  const cedar = {
    "identity-IAMPolicyWithResourceTag": `permit (
  principal in Kms::Role::"App",
  action in [Kms::Action::"kms:GenerateDataKeyWithoutPlaintext", Kms::Action::"kms:Decrypt"],
  resource is Kms::Key
) when { resource.arn like "arn:aws:kms:ap-southeast-1:${A}:key/*" && resource.hasTag("project") && resource.getTag("project") == "Alpha" };`,
    "gate-key-policy": `forbid (principal, action, resource is Kms::Key) unless { principal.account == "${A}" && resource.account == "${A}" };`,
  };
  const lower = (tags: Record<string, string>) => Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  const cedarCalls = cases.map(([action, tags]) => cedarCall("App", action, KEY_AP, lower(tags), {}));
  return {
    name: "(a) seed ABAC", statements: 2, requests, cedar, cedarCalls,
    bundle: { keys: { [KEY_AP]: { policy: { Version: "2012-10-17", Statement: [DKP] } } }, principals: { [app]: { policies: [policy] } } },
  };
}

/** (b) 50 statements: 10 roles × 4 identity statements, and a key policy of 10 statements. */
export function fiftyStatements(): BenchBundle {
  const principals: Record<string, { policies: unknown[] }> = {};
  const cedar: Record<string, string> = {};
  const keyStatements: unknown[] = [DKP];
  const keyArns = `arn:aws:kms:*:${A}:key/*`;
  for (let i = 0; i < 10; i++) {
    const role = `R${i}`;
    principals[`arn:aws:iam::${A}:role/${role}`] = { policies: [{ Version: "2012-10-17", Statement: [
      { Sid: "Team", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt"], Resource: keyArns, Condition: { StringEquals: { "aws:ResourceTag/Team": `team${i}` } } },
      { Sid: "Network", Effect: "Allow", Action: "kms:DescribeKey", Resource: keyArns, Condition: { IpAddress: { "aws:SourceIp": `10.${i}.0.0/16` } } },
      { Sid: "App", Effect: "Allow", Action: "kms:GenerateDataKey", Resource: keyArns, Condition: { StringLike: { "kms:EncryptionContext:app": `app${i}-*` } } },
      { Sid: "Tls", Effect: "Deny", Action: "kms:Decrypt", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ] }] };
    const p = `principal in Kms::Role::"${role}"`;
    const onKeys = `resource.arn like "arn:aws:kms:*:${A}:key/*"`;
    cedar[`${role}-team`] = `permit (${p}, action in [Kms::Action::"kms:Encrypt", Kms::Action::"kms:Decrypt"], resource is Kms::Key) when { ${onKeys} && resource.hasTag("team") && resource.getTag("team") == "team${i}" };`;
    cedar[`${role}-network`] = `permit (${p}, action == Kms::Action::"kms:DescribeKey", resource is Kms::Key) when { ${onKeys} && context has sourceIp && context.sourceIp.isInRange(ip("10.${i}.0.0/16")) };`;
    cedar[`${role}-app`] = `permit (${p}, action == Kms::Action::"kms:GenerateDataKey", resource is Kms::Key) when { ${onKeys} && context has ecApp && context.ecApp like "app${i}-*" };`;
    cedar[`${role}-tls`] = `forbid (${p}, action == Kms::Action::"kms:Decrypt", resource) when { context has secureTransport && context.secureTransport == false };`;
  }
  for (let i = 0; i < 5; i++) {
    keyStatements.push({ Sid: `Sign${i}`, Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:role/R${i}` }, Action: "kms:Sign", Resource: "*", Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } });
    cedar[`key-sign${i}`] = `permit (principal in Kms::Role::"R${i}", action == Kms::Action::"kms:Sign", resource == Kms::Key::"${K1}") when { context has mfaAge && context.mfaAge < 3600 };`;
  }
  keyStatements.push({ Sid: "AdminsDelete", Effect: "Deny", Principal: "*", Action: "kms:ScheduleKeyDeletion", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalTag/admin": "true" } } });
  cedar["key-admins-delete"] = `forbid (principal, action == Kms::Action::"kms:ScheduleKeyDeletion", resource == Kms::Key::"${K1}") unless { context has principalTagAdmin && context.principalTagAdmin == "true" };`;
  for (let i = 5; i < 8; i++) {
    keyStatements.push({ Sid: `Grants${i}`, Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:role/R${i}` }, Action: "kms:ListGrants", Resource: "*", Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } });
    cedar[`key-grants${i}`] = `permit (principal in Kms::Role::"R${i}", action == Kms::Action::"kms:ListGrants", resource == Kms::Key::"${K1}") when { context has currentTime && context.currentTime < datetime("2030-01-01T00:00:00Z") };`;
  }
  cedar["gate-key-policy"] = `forbid (principal, action, resource == Kms::Key::"${K1}") unless { principal.account == "${A}" };`;

  const requests: Request[] = [];
  const cedarCalls: CedarCall[] = [];
  const add = (i: number, action: string, tags: Record<string, string>, ctx: Record<string, string>, cedarCtx: Record<string, unknown>) => {
    const tagContext = Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
    requests.push({ principal: `arn:aws:sts::${A}:assumed-role/R${i}/s1`, action, resource: K1, context: { ...tagContext, ...ctx } });
    cedarCalls.push(cedarCall(`R${i}`, action, K1, Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v])), cedarCtx));
  };
  for (let i = 0; i < 10; i++) {
    const ip = { __extn: { fn: "ip", arg: `10.${i % 3}.1.1` } };
    add(i, "kms:Decrypt", { Team: `team${i % 4}` }, { "aws:SecureTransport": "true" }, { secureTransport: true });
    add(i, "kms:Decrypt", { Team: `team${i}` }, { "aws:SecureTransport": "false" }, { secureTransport: false });
    add(i, "kms:DescribeKey", {}, { "aws:SourceIp": `10.${i % 3}.1.1` }, { sourceIp: ip });
    add(i, "kms:GenerateDataKey", {}, { "kms:EncryptionContext:app": `app${i % 5}-web` }, { ecApp: `app${i % 5}-web` });
    add(i, "kms:Sign", {}, { "aws:MultiFactorAuthAge": String(1800 * (i % 3)) }, { mfaAge: 1800 * (i % 3) });
    add(i, "kms:ListGrants", {}, { "aws:CurrentTime": "2026-11-23T00:00:00Z" }, { currentTime: { __extn: { fn: "datetime", arg: "2026-11-23T00:00:00Z" } } });
    add(i, "kms:ScheduleKeyDeletion", {}, i % 2 === 0 ? { "aws:PrincipalTag/admin": "true" } : {}, i % 2 === 0 ? { principalTagAdmin: "true" } : {});
  }
  return {
    name: "(b) 50 statements", statements: 40 + keyStatements.length, requests, cedar, cedarCalls,
    bundle: { keys: { [K1]: { policy: { Version: "2012-10-17", Statement: keyStatements } } }, principals },
  };
}
