// Small local generators of key-policy bundles and of requests for the analysis properties: a
// vocabulary chosen so that class boundaries matter (a glob and the literal it contains, numeric
// bounds 0.5 apart, a CIDR and its halves, accounts in and out), and requests drawn from a wider pool
// than the analysis's own representatives (near misses, other accounts, unmentioned names).
import fc from "fast-check";
import type { Bundle, Request } from "@kms-cedar/runtime";

export const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
export const ROLE = "arn:aws:iam::111122223333:role/App";

const PRINCIPALS = ["*", "arn:aws:iam::111122223333:root", ROLE, "444455556666", "arn:aws:iam::444455556666:user/Ext"];
const ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:Describe*", "kms:*", "kms:ReEncrypt*"];
const CONDITIONS: readonly [string, string, readonly string[]][] = [
  ["StringEquals", "kms:EncryptionContext:Project", ["Alpha"]],
  ["StringLike", "kms:EncryptionContext:Project", ["Alpha*"]],
  ["StringNotLike", "kms:EncryptionContext:Project", ["A?pha", "Beta"]],
  ["ForAnyValue:StringEquals", "kms:EncryptionContextKeys", ["Project", "Dept"]],
  ["ForAllValues:StringLike", "kms:EncryptionContextKeys", ["Pro*"]],
  ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"]],
  ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600.5"]],
  ["NumericGreaterThanEquals", "aws:MultiFactorAuthAge", ["10"]],
  ["IpAddress", "aws:SourceIp", ["10.0.0.0/23"]],
  ["IpAddress", "aws:SourceIp", ["10.0.0.0/24", "10.0.1.0/24"]],
  ["NotIpAddress", "aws:SourceIp", ["10.0.1.0/24"]],
  ["Bool", "aws:SecureTransport", ["true"]],
  ["StringEquals", "kms:CallerAccount", ["111122223333"]],
  ["StringLike", "kms:ViaService", ["ec2.*.amazonaws.com"]],
  ["StringEquals", "kms:ViaService", ["ec2.us-west-2.amazonaws.com"]],
  ["Null", "kms:ViaService", ["true"]],
  ["DateLessThan", "aws:CurrentTime", ["2026-01-01T00:00:00Z"]],
  ["DateLessThan", "aws:CurrentTime", ["2026-01-01T00:00:00.5Z"]],
  // Whole-value policy variables (variable-pairs.ts): the context value equals the caller's tag, with and without a default.
  ["StringEquals", "kms:EncryptionContext:Project", ["${aws:PrincipalTag/project}"]],
  ["StringNotEquals", "kms:EncryptionContext:Project", ["${aws:PrincipalTag/project, 'Alpha'}"]],
  ["StringEqualsIfExists", "kms:EncryptionContext:Project", ["Beta", "${aws:PrincipalTag/project}"]],
  ["StringEquals", "aws:PrincipalTag/project", ["Alpha"]],
  ["StringNotLikeIfExists", "kms:EncryptionContext:Project", ["${aws:PrincipalTag/project}"]],
];

export type Statement = Record<string, unknown>;

const statement: fc.Arbitrary<Statement> = fc.record({
  effect: fc.constantFrom("Allow", "Allow", "Deny"),
  principals: fc.subarray(PRINCIPALS, { minLength: 1, maxLength: 2 }),
  actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
  conditions: fc.subarray(CONDITIONS.map((_, i) => i), { maxLength: 2 }),
}).map(({ effect, principals, actions, conditions }) => {
  const s: Statement = { Effect: effect, Principal: { AWS: principals.length === 1 ? principals[0] : principals }, Action: actions, Resource: "*" };
  if (conditions.length > 0) {
    const block: Record<string, Record<string, readonly string[]>> = {};
    for (const i of conditions) {
      const [op, key, values] = CONDITIONS[i]!;
      (block[op] ??= {})[key] = values;
    }
    s["Condition"] = block;
  }
  return s;
});

export const statements = fc.array(statement, { minLength: 1, maxLength: 3 });

/** A bundle: one key policy, and App's identity policy allowing kms:* (so the delegated path exists). */
export function bundleOf(list: readonly Statement[], identity = true): Bundle {
  return {
    keys: { [KEY]: { policy: { Version: "2012-10-17", Statement: list } } },
    ...(identity ? { principals: { [ROLE]: { policies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }] } } } : {}),
  };
}

const CALLERS = [
  "arn:aws:iam::111122223333:root", ROLE, "arn:aws:sts::111122223333:assumed-role/App/s1", "arn:aws:iam::111122223333:role/Other",
  "arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:user/Ext",
  "arn:aws:iam::999988887777:role/Far", "s3.amazonaws.com",
];
const CONTEXT_VALUES: Readonly<Record<string, readonly (string | string[])[]>> = {
  "kms:EncryptionContext:Project": ["Alpha", "Alphabet", "Alpha*", "Apha", "A.pha", "Beta", "alpha", "", ["Alpha", "Beta"]],
  // The caller's tag, often equal to the encryption context's value (variables compare them).
  "aws:PrincipalTag/project": ["Alpha", "Beta", "Alphabet", "Apha", "", ["Alpha", "Beta"]],
  "kms:EncryptionContextKeys": [["Project"], ["Project", "Dept"], ["Dept"], ["Other"], "Pro", ["Pro", "Project"]],
  "aws:MultiFactorAuthAge": ["5", "3600", "3600.25", "3600.5", "3601", "10", "9.99", "-1", "x"],
  "aws:SourceIp": ["10.0.0.1", "10.0.1.255", "10.0.2.0", "192.168.0.1", "::1", "x"],
  "aws:SecureTransport": ["true", "false", "TRUE", "yes"],
  "kms:ViaService": ["ec2.us-west-2.amazonaws.com", "ec2.eu-west-1.amazonaws.com", "s3.us-west-2.amazonaws.com", "ec2..amazonaws.com"],
  "aws:CurrentTime": ["2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.25Z", "2026-01-01T00:00:00.5Z", "2026-06-01T00:00:00Z"],
};

export const requests: fc.Arbitrary<Request> = fc.record({
  principal: fc.constantFrom(...CALLERS),
  action: fc.constantFrom("kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:ReEncryptFrom", "kms:ScheduleKeyDeletion"),
  keys: fc.subarray(Object.keys(CONTEXT_VALUES), { maxLength: 4 }),
  pick: fc.array(fc.nat(100), { minLength: 7, maxLength: 7 }),
  mirror: fc.nat(3),
}).map(({ principal, action, keys, pick, mirror }) => {
  const context: Record<string, string | string[]> = {};
  keys.forEach((k, i) => {
    const pool = CONTEXT_VALUES[k]!;
    const v = pool[pick[i]! % pool.length]!;
    context[k] = typeof v === "string" ? v : [...v];
  });
  // One request in four gives the encryption context and the caller's tag the same value, the case a policy variable compares.
  if (mirror === 0) {
    const v = context["kms:EncryptionContext:Project"] ?? context["aws:PrincipalTag/project"] ?? "Alpha";
    context["kms:EncryptionContext:Project"] = v;
    context["aws:PrincipalTag/project"] = typeof v === "string" ? v : [...v];
  }
  return Object.keys(context).length === 0 ? { principal, action, resource: KEY } : { principal, action, resource: KEY, context };
});

/** The same policy in other words: statements reordered, split one action per statement, actions re-cased, values reordered. */
export function rephrase(list: readonly Statement[], seed: number): Statement[] {
  const out: Statement[] = [];
  for (const s of list) {
    const actions = s["Action"] as string[];
    for (const a of actions) {
      const copy: Statement = { ...s, Action: seed % 2 === 0 ? a.toUpperCase().replace("KMS:", "kms:") : a.toLowerCase() };
      if (s["Condition"] !== undefined) {
        const block: Record<string, Record<string, readonly string[]>> = {};
        for (const [op, m] of Object.entries(s["Condition"] as Record<string, Record<string, readonly string[]>>)) {
          block[op] = {};
          for (const [k, v] of Object.entries(m)) block[op]![k] = [...v].reverse();
        }
        copy["Condition"] = block;
      }
      out.push(copy);
    }
  }
  return seed % 3 === 0 ? out.reverse() : out;
}
