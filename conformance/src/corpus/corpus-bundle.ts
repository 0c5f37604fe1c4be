// Makes a bundle around one corpus policy so every KMS path can be exercised: a key policy is
// attached to a key of the account its principals name, with a role of that account holding an
// identity policy that allows `kms:*` (so the delegation path is reachable); an identity policy is
// held by a role, and every concrete key ARN it names gets the default key policy (DKP) of its
// account, plus one placeholder key when it names none. Phase: conformance corpus.
import type { PlainBundleShape } from "../laws/bundle-transforms.js";

const DEFAULT_ACCOUNT = "111122223333";
const KEY_ID = "0000aaaa-0000-0000-0000-000000000000";
const CONCRETE_KEY = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

function delegation(account: string): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: [{ Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}

/** The account a key policy's principals name first (root ARNs first), else the default. */
function ownerAccount(policy: unknown): string {
  const text = JSON.stringify(policy);
  const root = /arn:aws[a-z-]*:iam::(\d{12}):root/.exec(text);
  if (root !== null) return root[1]!;
  const any = /arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(text) ?? /"(\d{12})"/.exec(text);
  return any?.[1] ?? DEFAULT_ACCOUNT;
}

/** A bundle around a key policy. */
export function keyPolicyBundle(policy: unknown): PlainBundleShape {
  const account = ownerAccount(policy);
  const role = `arn:aws:iam::${account}:role/CorpusCaller`;
  const allowAll = { Version: "2012-10-17", Statement: [{ Sid: "AllowKms", Effect: "Allow", Action: "kms:*", Resource: "*" }] };
  return { keys: { [`arn:aws:kms:us-west-2:${account}:key/${KEY_ID}`]: { policy } }, principals: { [role]: { policies: [allowAll] } } };
}

/** A bundle around an identity policy. */
export function identityPolicyBundle(policy: unknown): PlainBundleShape {
  const keys: Record<string, { policy: unknown }> = {};
  for (const m of JSON.stringify(policy).matchAll(/"(arn:[^"]+)"/g)) {
    const arn = m[1]!;
    if (CONCRETE_KEY.test(arn)) keys[arn] = { policy: delegation(arn.split(":")[4]!) };
  }
  if (Object.keys(keys).length === 0) keys[`arn:aws:kms:us-west-2:${DEFAULT_ACCOUNT}:key/${KEY_ID}`] = { policy: delegation(DEFAULT_ACCOUNT) };
  const account = Object.keys(keys)[0]!.split(":")[4]!;
  return { keys, principals: { [`arn:aws:iam::${account}:role/CorpusCaller`]: { policies: [policy] } } };
}
