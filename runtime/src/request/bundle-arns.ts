// The ARNs a bundle may name as its members (docs/request-model.md): key ARNs (`keys`) and caller
// ARNs (`principals`). Each is read by the request reader (parseTarget, parseCaller), so a member is
// always something a request can name, and narrowed to concrete ARNs of an AWS partition: no white
// space, no `*` or `?`, a key id of letters, digits, `_` and `-`. The compiler's bundle reader and
// the CLI's options use these; requests keep the reader's own reading (the oracle reads them alike).
import { parseCaller } from "./read-caller.js";
import { parseTarget } from "./read-target.js";

/** An ARN of an AWS partition (`aws`, `aws-cn`, `aws-us-gov`, …) without white space or wildcards. */
const CONCRETE = /^arn:aws[a-z-]*:[^\s*?]+$/;
const KEY_ID = /^[A-Za-z0-9_-]+$/;

/** Whether `text` is a concrete KMS key ARN (`arn:P:kms:R:A:key/ID`). */
export function isKeyArn(text: string): boolean {
  if (!CONCRETE.test(text)) return false;
  const target = parseTarget(text);
  return target?.kind === "key" && KEY_ID.test(target.name);
}

/** What a member of `principals` names: a caller with identity policies, the root, or nothing valid. */
export function classifyPrincipalArn(text: string): "caller" | "root" | "invalid" {
  const caller = CONCRETE.test(text) ? parseCaller(text) : undefined;
  if (caller === undefined || caller.kind === "service") return "invalid";
  // DEVIATION: §5.7 — a session ARN may own identity policies, added to its role's; AWS session policies only narrow.
  return caller.kind === "root" ? "root" : "caller";
}
