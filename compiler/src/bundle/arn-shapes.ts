// The ARNs a bundle may name (key ARNs, caller ARNs) have one home, the runtime's request model
// (runtime/src/request/bundle-arns.ts), so a bundle member is always something a request can name.
// Here: the placeholders a single policy file is attached to (DESIGN §2).
export { classifyPrincipalArn, isKeyArn } from "@kms-cedar/runtime";

/** The placeholder key a single key policy is attached to when `--key` is not given (DESIGN §2). */
export const PLACEHOLDER_KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000";
/** The placeholder role a single identity policy is attached to when `--principal` is not given. */
export const PLACEHOLDER_PRINCIPAL_ARN = "arn:aws:iam::111122223333:role/Policy";
