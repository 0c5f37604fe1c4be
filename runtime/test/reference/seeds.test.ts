// Every example policy of the seed pages (/work/shared/seeds), copied verbatim, with requests that
// make each statement both match and not match. Expected decisions follow the pages' own prose.

import { describe, expect, it } from "vitest";
import { A, B, DKP, K1, decide, doc, type Ctx } from "./fixtures.js";

const ROLE = `arn:aws:iam::${A}:role/AlphaTeam`;
const CALLER = `arn:aws:sts::${A}:assumed-role/AlphaTeam/s1`;
const K_SG = `arn:aws:kms:ap-southeast-1:${A}:key/4444dddd-4444-4444-4444-444444444444`;
const K_EXT = `arn:aws:kms:us-west-2:${B}:key/5555eeee-5555-5555-5555-555555555555`;
const KEYS = {
  [K1]: { policy: doc(DKP) },
  [K_SG]: { policy: doc(DKP) },
  [K_EXT]: { policy: doc({ Effect: "Allow", Principal: { AWS: A }, Action: "kms:*", Resource: "*" }) },
};

/** The seed text is parsed exactly as written on the page. */
const identityBundle = (policyText: string): object => ({ keys: KEYS, principals: { [ROLE]: { policies: [JSON.parse(policyText)] } } });

interface Case { readonly name: string; readonly action: string; readonly resource: string; readonly context: Ctx; readonly expected: string; readonly deniedBy?: number }

function check(bundle: object, cases: readonly Case[], principal = CALLER, location = `principals[${ROLE}][0]`): void {
  it.each(cases)("$name → $expected", ({ action, resource, context, expected, deniedBy }) => {
    const result = decide(bundle, { principal, action, resource, context });
    expect(result.decision).toBe(expected);
    if (deniedBy !== undefined) expect(result.reasons.map((r) => [r.policy, r.statement])).toEqual([[location, deniedBy]]);
  });
}

describe("seed 000/001: Project=Alpha (IAMPolicyWithResourceTag)", () => {
  const policy = `{ "Version": "2012-10-17", "Statement": [ { "Sid": "IAMPolicyWithResourceTag", "Effect": "Allow", "Action": [ "kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt" ], "Resource": "arn:aws:kms:ap-southeast-1:111122223333:key/*", "Condition": { "StringEquals": { "aws:ResourceTag/Project": "Alpha" } } } ] }`;
  check(identityBundle(policy), [
    { name: "Singapore key tagged Project=Alpha, Decrypt", action: "kms:Decrypt", resource: K_SG, context: { "aws:ResourceTag/Project": "Alpha" }, expected: "Allow" },
    { name: "tag key in another case still names the tag", action: "kms:GenerateDataKeyWithoutPlaintext", resource: K_SG, context: { "aws:ResourceTag/project": "Alpha" }, expected: "Allow" },
    { name: "tag value Beta", action: "kms:Decrypt", resource: K_SG, context: { "aws:ResourceTag/Project": "Beta" }, expected: "ImplicitDeny" },
    { name: "tag value alpha (values are case-sensitive)", action: "kms:Decrypt", resource: K_SG, context: { "aws:ResourceTag/Project": "alpha" }, expected: "ImplicitDeny" },
    { name: "untagged key", action: "kms:Decrypt", resource: K_SG, context: {}, expected: "ImplicitDeny" },
    { name: "key in another Region", action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" }, expected: "ImplicitDeny" },
    { name: "action not listed", action: "kms:Encrypt", resource: K_SG, context: { "aws:ResourceTag/Project": "Alpha" }, expected: "ImplicitDeny" },
  ]);
});

describe("seed 000: Type=Reserved or no Type tag (IAMDenyOnTag, IAMDenyNoTag)", () => {
  const policy = `{ "Version": "2012-10-17", "Statement": [ { "Sid": "IAMAllowCryptographicOperations", "Effect": "Allow", "Action": [ "kms:Encrypt", "kms:GenerateDataKey*", "kms:Decrypt", "kms:ReEncrypt*" ], "Resource": "arn:aws:kms:*:111122223333:key/*" }, { "Sid": "IAMDenyOnTag", "Effect": "Deny", "Action": [ "kms:Encrypt", "kms:GenerateDataKey*", "kms:Decrypt", "kms:ReEncrypt*" ], "Resource": "arn:aws:kms:*:111122223333:key/*", "Condition": { "StringEquals": { "aws:ResourceTag/Type": "Reserved" } } }, { "Sid": "IAMDenyNoTag", "Effect": "Deny", "Action": [ "kms:Encrypt", "kms:GenerateDataKey*", "kms:Decrypt", "kms:ReEncrypt*" ], "Resource": "arn:aws:kms:*:111122223333:key/*", "Condition": { "Null": { "aws:ResourceTag/Type": "true" } } } ] }`;
  check(identityBundle(policy), [
    { name: "Type=General: only the Allow applies", action: "kms:Encrypt", resource: K1, context: { "aws:ResourceTag/Type": "General" }, expected: "Allow" },
    { name: "Type=General in Singapore (any Region of the account)", action: "kms:GenerateDataKeyPair", resource: K_SG, context: { "aws:ResourceTag/Type": "General" }, expected: "Allow" },
    { name: "Type=Reserved: IAMDenyOnTag", action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Type": "Reserved" }, expected: "ExplicitDeny", deniedBy: 1 },
    { name: "Type=Reserved on ReEncryptTo", action: "kms:ReEncryptTo", resource: K1, context: { "aws:ResourceTag/Type": "Reserved" }, expected: "ExplicitDeny", deniedBy: 1 },
    { name: "Type=reserved is another value", action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Type": "reserved" }, expected: "Allow" },
    { name: "no Type tag: IAMDenyNoTag", action: "kms:Decrypt", resource: K1, context: { "aws:ResourceTag/Project": "Alpha" }, expected: "ExplicitDeny", deniedBy: 2 },
    { name: "action outside all three statements", action: "kms:DescribeKey", resource: K1, context: {}, expected: "ImplicitDeny" },
    { name: "key of another account matches no statement", action: "kms:Decrypt", resource: K_EXT, context: {}, expected: "ImplicitDeny" },
  ]);
});

describe("seed 001: Purpose=Test (AliasBasedIAMPolicy with aws:ResourceTag)", () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AliasBasedIAMPolicy",
      "Effect": "Allow",
      "Action": [
        "kms:Decrypt",
        "kms:Encrypt",
        "kms:GenerateDataKey*",
        "kms:DescribeKey"
      ],
      "Resource": "arn:aws:kms:*:111122223333:key/*",
      "Condition": {
        "StringEquals": {
          "aws:ResourceTag/Purpose": "Test"
        }
      }
    }
  ]
}`;
  check(identityBundle(policy), [
    { name: "Purpose=Test, DescribeKey", action: "kms:DescribeKey", resource: K1, context: { "aws:ResourceTag/Purpose": "Test" }, expected: "Allow" },
    { name: "Purpose=Test, GenerateDataKeyPairWithoutPlaintext via GenerateDataKey*", action: "kms:GenerateDataKeyPairWithoutPlaintext", resource: K_SG, context: { "aws:ResourceTag/Purpose": "Test" }, expected: "Allow" },
    { name: "Purpose=Prod", action: "kms:Encrypt", resource: K1, context: { "aws:ResourceTag/Purpose": "Prod" }, expected: "ImplicitDeny" },
    { name: "no Purpose tag", action: "kms:Encrypt", resource: K1, context: {}, expected: "ImplicitDeny" },
    { name: "Sign is not listed", action: "kms:Sign", resource: K1, context: { "aws:ResourceTag/Purpose": "Test" }, expected: "ImplicitDeny" },
    { name: "Purpose and purpose tags on one key: ambiguous → FCR", action: "kms:Encrypt", resource: K1, context: { "aws:ResourceTag/Purpose": "Test", "aws:ResourceTag/purpose": "Test" }, expected: "ImplicitDeny" },
  ]);
});

describe("seed 001: kms:ResourceAliases with ForAnyValue", () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AliasBasedIAMPolicy",
      "Effect": "Allow",
      "Action": [
        "kms:List*",
        "kms:Describe*",
        "kms:Decrypt"
      ],
      "Resource": "arn:aws:kms:*:111122223333:key/*",
      "Condition": {
        "ForAnyValue:StringEquals": {
          "kms:ResourceAliases": [
            "alias/ProjectAlpha",
            "alias/ProjectAlpha_Test",
            "alias/ProjectAlpha_Dev"
          ]
        }
      }
    }
  ]
}`;
  const aliases = (...names: string[]): Ctx => ({ "kms:ResourceAliases": names });
  check(identityBundle(policy), [
    { name: "one of the key's aliases is listed", action: "kms:Decrypt", resource: K1, context: aliases("alias/other", "alias/ProjectAlpha_Test"), expected: "Allow" },
    { name: "List* covers ListGrants", action: "kms:ListGrants", resource: K1, context: aliases("alias/ProjectAlpha"), expected: "Allow" },
    { name: "Describe* covers DescribeKey", action: "kms:DescribeKey", resource: K_SG, context: aliases("alias/ProjectAlpha_Dev"), expected: "Allow" },
    { name: "no listed alias", action: "kms:Decrypt", resource: K1, context: aliases("alias/ProjectBeta"), expected: "ImplicitDeny" },
    { name: "aliases are case-sensitive", action: "kms:Decrypt", resource: K1, context: aliases("alias/projectalpha"), expected: "ImplicitDeny" },
    { name: "a key without aliases", action: "kms:Decrypt", resource: K1, context: {}, expected: "ImplicitDeny" },
    { name: "ListKeys has no key: key/* does not match", action: "kms:ListKeys", resource: `arn:aws:kms:us-west-2:${A}:*`, context: aliases("alias/ProjectAlpha"), expected: "ImplicitDeny" },
    { name: "Encrypt is not listed", action: "kms:Encrypt", resource: K1, context: aliases("alias/ProjectAlpha"), expected: "ImplicitDeny" },
  ]);
});

describe("seed 002: key policy with tagging permissions", () => {
  const policy = `{
  "Version": "2012-10-17",
  "Id": "example-key-policy",
  "Statement": [
    { 
      "Sid": "Enable IAM policies",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "Allow all tagging permissions",
      "Effect": "Allow",
      "Principal": {"AWS": [
        "arn:aws:iam::111122223333:user/LeadAdmin",
        "arn:aws:iam::111122223333:user/SupportLead"
      ]},
      "Action": [
          "kms:TagResource",
          "kms:ListResourceTags",
          "kms:UntagResource"
      ],
      "Resource": "*"
    },
    {
      "Sid": "Allow roles to view tags",
      "Effect": "Allow",
      "Principal": {"AWS": [
        "arn:aws:iam::111122223333:role/Administrator",
        "arn:aws:iam::111122223333:role/Developer"
      ]},
      "Action": "kms:ListResourceTags",
      "Resource": "*"
    }
  ]
}`;
  const DEV_ROLE = `arn:aws:iam::${A}:role/Developer`;
  const bundle = (withDeveloperIam: boolean): object => ({
    keys: { [K1]: { policy: JSON.parse(policy) } },
    principals: withDeveloperIam ? { [DEV_ROLE]: { policies: [doc({ Effect: "Allow", Action: "kms:TagResource", Resource: "*" })] } } : {},
  });
  const run = (b: object, principal: string, action: string): { decision: string; sids: Array<string | undefined> } => {
    const result = decide(b, { principal, action, resource: K1, context: {} });
    return { decision: result.decision, sids: result.reasons.map((r) => r.sid) };
  };
  it.each([
    { name: "LeadAdmin tags directly", principal: `arn:aws:iam::${A}:user/LeadAdmin`, action: "kms:TagResource", expected: { decision: "Allow", sids: ["Allow all tagging permissions"] } },
    { name: "SupportLead untags directly", principal: `arn:aws:iam::${A}:user/SupportLead`, action: "kms:UntagResource", expected: { decision: "Allow", sids: ["Allow all tagging permissions"] } },
    { name: "an Administrator session views tags", principal: `arn:aws:sts::${A}:assumed-role/Administrator/s`, action: "kms:ListResourceTags", expected: { decision: "Allow", sids: ["Allow roles to view tags"] } },
    { name: "a Developer session cannot tag without IAM", principal: `arn:aws:sts::${A}:assumed-role/Developer/s`, action: "kms:TagResource", expected: { decision: "ImplicitDeny", sids: [] } },
    { name: "another user cannot view tags", principal: `arn:aws:iam::${A}:user/Intern`, action: "kms:ListResourceTags", expected: { decision: "ImplicitDeny", sids: [] } },
  ])("$name", ({ principal, action, expected }) => {
    expect(run(bundle(false), principal, action)).toEqual(expected);
  });
  it("a Developer session with an IAM allow tags through 'Enable IAM policies'", () => {
    expect(run(bundle(true), `arn:aws:sts::${A}:assumed-role/Developer/s`, "kms:TagResource"))
      .toEqual({ decision: "Allow", sids: ["Enable IAM policies", undefined] });
  });
});

describe("seed 002: IAMPolicyCreateKeys + IAMPolicyTags", () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "IAMPolicyCreateKeys",
      "Effect": "Allow",
      "Action": "kms:CreateKey",
      "Resource": "*"
    },
    {
      "Sid": "IAMPolicyTags",
      "Effect": "Allow",
      "Action": [
        "kms:TagResource",
        "kms:UntagResource",
        "kms:ListResourceTags"
      ],
      "Resource": "arn:aws:kms:*:111122223333:key/*"
    }    
  ]
}`;
  check(identityBundle(policy), [
    { name: "CreateKey", action: "kms:CreateKey", resource: "*", context: {}, expected: "Allow" },
    { name: "CreateKey with the account/Region resource", action: "kms:CreateKey", resource: `arn:aws:kms:us-west-2:${A}:*`, context: {}, expected: "Allow" },
    { name: "TagResource on a key of the account", action: "kms:TagResource", resource: K1, context: {}, expected: "Allow" },
    { name: "TagResource on another account's key (not cross-account, not matched)", action: "kms:TagResource", resource: K_EXT, context: {}, expected: "ImplicitDeny" },
    { name: "Decrypt is in neither statement", action: "kms:Decrypt", resource: K1, context: {}, expected: "ImplicitDeny" },
    { name: "ListKeys is in neither statement", action: "kms:ListKeys", resource: "*", context: {}, expected: "ImplicitDeny" },
  ]);
});

describe("seed 002: aws:TagKeys with ForAllValues (IAMPolicyManageTags)", () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "IAMPolicyCreateKey",
      "Effect": "Allow",
      "Action": "kms:CreateKey",
      "Resource": "*"
    },
    {
      "Sid": "IAMPolicyViewAllTags",
      "Effect": "Allow",
      "Action": "kms:ListResourceTags",
      "Resource": "arn:aws:kms:*:111122223333:key/*"
    },
    {
      "Sid": "IAMPolicyManageTags",
      "Effect": "Allow",
      "Action": [
        "kms:TagResource",
        "kms:UntagResource"
      ],
      "Resource": "arn:aws:kms:*:111122223333:key/*",
      "Condition": {
          "ForAllValues:StringEquals": {"aws:TagKeys": "Project"}
      }
    }
  ]
}`;
  check(identityBundle(policy), [
    { name: "TagResource with only Project", action: "kms:TagResource", resource: K1, context: { "aws:TagKeys": ["Project"], "aws:RequestTag/Project": "Alpha" }, expected: "Allow" },
    { name: "UntagResource with Project and Owner", action: "kms:UntagResource", resource: K1, context: { "aws:TagKeys": ["Project", "Owner"] }, expected: "ImplicitDeny" },
    { name: "TagResource with no tags: ForAllValues is vacuously true (§3.2)", action: "kms:TagResource", resource: K1, context: {}, expected: "Allow" },
    { name: "tag keys are values here: project ≠ Project", action: "kms:TagResource", resource: K1, context: { "aws:TagKeys": ["project"] }, expected: "ImplicitDeny" },
    { name: "IAMPolicyViewAllTags", action: "kms:ListResourceTags", resource: K1, context: {}, expected: "Allow" },
    { name: "IAMPolicyCreateKey", action: "kms:CreateKey", resource: "*", context: { "aws:TagKeys": ["Owner"] }, expected: "Allow" },
  ]);
});

describe("seed 003: ListKeys and ListAliases (a single Statement object)", () => {
  const policy = `{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": [ "kms:ListKeys", "kms:ListAliases" ], "Resource": "*" } }`;
  check(identityBundle(policy), [
    { name: "ListKeys", action: "kms:ListKeys", resource: "*", context: {}, expected: "Allow" },
    { name: "ListAliases on the account/Region resource", action: "kms:ListAliases", resource: `arn:aws:kms:us-west-2:${A}:*`, context: {}, expected: "Allow" },
    { name: "ListKeys on another account", action: "kms:ListKeys", resource: `arn:aws:kms:us-west-2:${B}:*`, context: {}, expected: "ImplicitDeny" },
    { name: "CreateKey is not listed", action: "kms:CreateKey", resource: "*", context: {}, expected: "ImplicitDeny" },
    { name: "a key action is not listed", action: "kms:DescribeKey", resource: K1, context: {}, expected: "ImplicitDeny" },
  ]);
});
