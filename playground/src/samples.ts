// What the playground starts with: the ABAC example (examples/abac/) as one bundle with inline
// documents, a broken policy to show diagnostics, and requests that reach each kind of decision.

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";

/** The ABAC bundle: the key policy delegates to the account; the role's policy allows by tag. */
export const SAMPLE_BUNDLE = `{
  "keys": {
    "${KEY}": {
      "policy": {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
            "Action": "kms:*",
            "Resource": "*"
          }
        ]
      }
    }
  },
  "principals": {
    "arn:aws:iam::111122223333:role/App": {
      "policies": [
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "UseProjectAlphaKeys",
              "Effect": "Allow",
              "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
              "Resource": "arn:aws:kms:*:111122223333:key/*",
              "Condition": { "StringEquals": { "aws:ResourceTag/Project": "Alpha" } }
            },
            {
              "Sid": "DenyReservedKeys",
              "Effect": "Deny",
              "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
              "Resource": "arn:aws:kms:*:111122223333:key/*",
              "Condition": { "StringEquals": { "aws:ResourceTag/Type": "Reserved" } }
            }
          ]
        }
      ]
    }
  }
}
`;

/** An identity policy with mistakes (examples/broken/identity-policy.json). */
export const SAMPLE_BROKEN = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Use project keys",
      "Effect": "allow",
      "Action": "kms:Decrypt",
      "Resource": "key/*",
      "Condition": {
        "stringEquals": { "aws:ResourceTag/Project": "Alpha" }
      }
    }
  ]
}
`;

const request = (action: string, context: Record<string, string>): string =>
  JSON.stringify({ principal: SESSION, action, resource: KEY, context }, null, 2);

/** Requests for the sample bundle, by what they show. */
export const SAMPLE_REQUESTS: readonly { readonly label: string; readonly text: string }[] = [
  { label: "Allow: tagged Project=Alpha", text: request("kms:Decrypt", { "aws:ResourceTag/Project": "Alpha" }) },
  { label: "ExplicitDeny: also Type=Reserved", text: request("kms:Decrypt", { "aws:ResourceTag/Project": "Alpha", "aws:ResourceTag/Type": "Reserved" }) },
  { label: "ImplicitDeny: Project=Beta", text: request("kms:Decrypt", { "aws:ResourceTag/Project": "Beta" }) },
  { label: "error: unknown action", text: request("kms:Frobnicate", {}) },
];
