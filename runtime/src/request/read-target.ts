// Reads the request's `resource` (docs/request-model.md "The resource"): a KMS key ARN, an alias ARN,
// or no specific resource (`arn:P:kms:R:A:*` or `*`, spec §1.7). Anything else is malformed (KR0003).
// Only the shape is read here; how `*` is matched by Resource patterns is the engines' business.

export type TargetKind = "key" | "alias" | "none";

export interface TargetInfo {
  readonly kind: TargetKind;
  /** The resource string as given. */
  readonly arn: string;
  /** The target's partition and account; empty for `*` (the caller's own). */
  readonly partition: string;
  readonly account: string;
  /** What follows `key/` or `alias/` (the key id, the alias name); empty for no specific resource. */
  readonly name: string;
}

const KMS_ARN = /^arn:([a-z][a-z0-9-]*):kms:[a-z0-9-]+:(\d{12}):(.*)$/;
const KEY = /^key\/[^/:]+$/;
const ALIAS = /^alias\/[^:]+$/;

/** Parses a resource string, or `undefined` when it is malformed. */
export function parseTarget(resource: string): TargetInfo | undefined {
  if (resource === "*") return { kind: "none", arn: resource, partition: "", account: "", name: "" };
  const m = KMS_ARN.exec(resource);
  if (m === null) return undefined;
  const partition = m[1]!;
  const account = m[2]!;
  const rest = m[3]!;
  // DEVIATION: §1.7, A20 — resource-less operations name the synthetic `arn:P:kms:R:A:*` (literal `*`) or `*`.
  if (rest === "*") return { kind: "none", arn: resource, partition, account, name: "" };
  const name = rest.slice(rest.indexOf("/") + 1);
  if (KEY.test(rest)) return { kind: "key", arn: resource, partition, account, name };
  if (ALIAS.test(rest)) return { kind: "alias", arn: resource, partition, account, name };
  return undefined;
}
