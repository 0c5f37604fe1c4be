// The ARNs a bundle may name: key ARNs (members of `keys`) and caller ARNs (members of
// `principals`). Concrete ARNs only, no wildcards; the forms are those of docs/request-model.md.

/** `arn:P:kms:R:A:key/ID`. */
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9_-]+$/;

/** IAM users and roles: `arn:P:iam::A:user/PATH/NAME`, `…:role/PATH/NAME`. */
const USER_OR_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/([^\s*?/]+\/)*[^\s*?/]+$/;
/** Sessions: `arn:P:sts::A:assumed-role/NAME/SESSION`, `arn:P:sts::A:federated-user/NAME`. */
const SESSION_ARN = /^arn:aws[a-z-]*:sts::\d{12}:(assumed-role\/[^\s*?/]+\/[^\s*?/]+|federated-user\/[^\s*?/]+)$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::\d{12}:root$/;

/** Whether `text` is a concrete KMS key ARN. */
export function isKeyArn(text: string): boolean {
  return KEY_ARN.test(text);
}

/** What a member of `principals` names: a caller with identity policies, the root, or nothing valid. */
export function classifyPrincipalArn(text: string): "caller" | "root" | "invalid" {
  // DEVIATION: §5.7 — a session ARN may own identity policies, added to its role's; AWS session policies only narrow.
  if (USER_OR_ROLE_ARN.test(text) || SESSION_ARN.test(text)) return "caller";
  if (ROOT_ARN.test(text)) return "root";
  return "invalid";
}

/** The placeholder key a single key policy is attached to when `--key` is not given (DESIGN §2). */
export const PLACEHOLDER_KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000";
/** The placeholder role a single identity policy is attached to when `--principal` is not given. */
export const PLACEHOLDER_PRINCIPAL_ARN = "arn:aws:iam::111122223333:role/Policy";
