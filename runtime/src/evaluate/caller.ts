// Reads the request's `principal` into a caller (docs/request-model.md "The caller"): root, IAM
// user, role, role session, federated user or service. Anything else is malformed (KR0001).

export type CallerKind = "root" | "user" | "role" | "session" | "federated" | "service";

/** What principal matching and identity-policy lookup need to know about the caller. */
export interface CallerInfo {
  readonly kind: CallerKind;
  /** The principal string as given. */
  readonly arn: string;
  /** Empty for a service caller. */
  readonly partition: string;
  /** Empty for a service caller (its account is the key's account). */
  readonly account: string;
  /** `partition:account:name` of the role behind a role session, else empty. */
  readonly roleKey: string;
}

const PARTITION = /^[a-z][a-z0-9-]*$/;
const ACCOUNT = /^\d{12}$/;
const SERVICE = /^[^:/\s]+\.amazonaws\.com$/;
/** A path segment or name: non-empty, no `/` (the ARN was split at colons already). */
const NAME = /^[^/]+$/;

/** Parses a principal string, or `undefined` when it is malformed. */
export function parseCaller(principal: string): CallerInfo | undefined {
  if (SERVICE.test(principal)) return { kind: "service", arn: principal, partition: "", account: "", roleKey: "" };
  const parts = principal.split(":");
  if (parts.length !== 6 || parts[0] !== "arn" || parts[3] !== "") return undefined;
  const [, partition, service, , account, resource] = parts as [string, string, string, string, string, string];
  if (!PARTITION.test(partition) || !ACCOUNT.test(account)) return undefined;
  const base = { arn: principal, partition, account, roleKey: "" };
  const names = resource.split("/");
  const type = names.shift();
  if (!names.every((n) => NAME.test(n))) return undefined;
  if (service === "iam") {
    if (resource === "root") return { kind: "root", ...base };
    if (names.length === 0) return undefined;
    if (type === "user") return { kind: "user", ...base };
    if (type === "role") return { kind: "role", ...base };
    return undefined;
  }
  if (service === "sts") {
    if (type === "assumed-role" && names.length === 2) return { kind: "session", ...base, roleKey: roleKey(partition, account, names[0]!) };
    if (type === "federated-user" && names.length === 1) return { kind: "federated", ...base };
  }
  return undefined;
}

/** The role key of a role ARN (`arn:P:iam::A:role/PATH/NAME`, path ignored), or `undefined`. */
export function roleKeyOf(arn: string): string | undefined {
  const info = parseCaller(arn);
  if (info?.kind !== "role") return undefined;
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  return roleKey(info.partition, info.account, name);
}

function roleKey(partition: string, account: string, name: string): string {
  return `${partition}:${account}:${name}`;
}
