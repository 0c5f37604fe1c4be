// What the playground starts from: the ABAC example (examples/abac/) as one bundle with inline
// documents, a key policy and an identity policy to paste alone, and a broken policy to show
// diagnostics. The sample requests are made from whatever is pasted (sample-requests.ts).

const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";

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

/** A key policy alone (paste it, set the key ARN): the account's administrators, and a role that may encrypt with a context. */
export const SAMPLE_KEY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "KeyAdministrators",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:role/KeyAdmin" },
      "Action": ["kms:Describe*", "kms:Put*", "kms:Enable*", "kms:Disable*", "kms:ScheduleKeyDeletion"],
      "Resource": "*"
    },
    {
      "Sid": "AppUsesKeyForProjectAlpha",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:role/App" },
      "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
      "Resource": "*",
      "Condition": { "StringEquals": { "kms:EncryptionContext:Project": "Alpha" } }
    }
  ]
}
`;

/** An identity policy alone (paste it, set the principal ARN): key-less actions decide without a key policy. */
export const SAMPLE_IDENTITY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ListAndCreateKeys",
      "Effect": "Allow",
      "Action": ["kms:ListKeys", "kms:ListAliases", "kms:CreateKey"],
      "Resource": "*"
    },
    {
      "Sid": "CreateOnlyTaggedKeys",
      "Effect": "Deny",
      "Action": "kms:CreateKey",
      "Resource": "*",
      "Condition": { "Null": { "aws:RequestTag/Project": "true" } }
    }
  ]
}
`;

/** The starting points of the "Start from" menu, by its option values. */
export const STARTING_POINTS: ReadonlyMap<string, string> = new Map([
  ["bundle", SAMPLE_BUNDLE], ["key", SAMPLE_KEY_POLICY], ["identity", SAMPLE_IDENTITY_POLICY], ["broken", SAMPLE_BROKEN],
]);
