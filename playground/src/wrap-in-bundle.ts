// An identity policy alone cannot decide a key action: the key's policy is missing (KR0004). This makes
// the bundle that can: the pasted policy, verbatim, under its principal, and the key with AWS's default
// key policy ("Enable IAM User Permissions": the account's root, so IAM policies decide). The page
// puts the result in the editor, so what is decided is what is shown, and the CLI reads the same text.
import { isKeyArn, parseTarget } from "@kms-cedar/runtime";

/** The bundle text, or `undefined` when `key` is not a key ARN a bundle may hold (`arn:P:kms:R:A:key/ID`). */
export function bundleWithDefaultKeyPolicy(policyText: string, principal: string, key: string): string | undefined {
  const target = isKeyArn(key) ? parseTarget(key) : undefined;
  if (target === undefined) return undefined;
  const root = `arn:${target.partition}:iam::${target.account}:root`;
  const policy = policyText.trim().split("\n").map((line) => `      ${line}`).join("\n");
  return `{
  "keys": {
    ${JSON.stringify(key)}: {
      "policy": {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": { "AWS": ${JSON.stringify(root)} },
            "Action": "kms:*",
            "Resource": "*"
          }
        ]
      }
    }
  },
  "principals": {
    ${JSON.stringify(principal)}: {
      "policies": [
${policy}
      ]
    }
  }
}
`;
}
