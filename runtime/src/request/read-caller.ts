// Reads the request's `principal` into a caller (docs/request-model.md "The caller"): root, IAM
// user, role, role session, federated user or service. Anything else is malformed (KR0001). Also
// reads key-policy `AWS` values (the compiler's Cedar emitter and the graph's principal tests).

export type CallerKind = "root" | "user" | "role" | "session" | "federated" | "service";

/** What principal matching, identity-policy lookup and the caller-derived keys need. */
export interface CallerInfo {
  readonly kind: CallerKind;
  /** The principal string as given. */
  readonly arn: string;
  /** Empty for a service caller. */
  readonly partition: string;
  /** Empty for a service caller (its account is the key's account). */
  readonly account: string;
  /** The role name of a role or a role session (the last path segment), else empty. */
  readonly roleName: string;
  /** The user name of an IAM user (the last path segment), else empty. */
  readonly userName: string;
  /** `partition:account:name` of a role or of the role behind a role session, else empty. */
  readonly roleKey: string;
}

const PARTITION = "([a-z][a-z0-9-]*)";
const ACCOUNT = "(\\d{12})";
const ROOT = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:root$`);
// `user/PATH/NAME` and `role/PATH/NAME`: the path is optional, the name is the last segment.
const USER = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:user/(?:[^/:]+/)*([^/:]+)$`);
const ROLE = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[^/:]+/)*([^/:]+)$`);
const SESSION = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:assumed-role/([^/:]+)/([^/:]+)$`);
const FEDERATED = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:federated-user/([^/:]+)$`);
const SERVICE = /^[^:/\s]+\.amazonaws\.com$/;
/** A bare 12-digit account id (a key-policy account principal). */
export const BARE_ACCOUNT = /^\d{12}$/;

/** Parses a principal string, or `undefined` when it is malformed. */
export function parseCaller(principal: string): CallerInfo | undefined {
  // PERF: only the forms that can match are tried (the patterns exclude one another): a service name
  // has no `:`, every ARN starts with `arn:`, and `:sts::` can occur only in the STS forms (the
  // partition, account and name parts of the IAM forms cannot hold it).
  if (!principal.startsWith("arn:")) {
    return SERVICE.test(principal) ? { kind: "service", arn: principal, partition: "", account: "", roleName: "", userName: "", roleKey: "" } : undefined;
  }
  let m: RegExpExecArray | null;
  if (principal.includes(":sts::")) {
    if ((m = SESSION.exec(principal)) !== null) return named("session", principal, m, m[3]!);
    if ((m = FEDERATED.exec(principal)) !== null) return named("federated", principal, m);
    return undefined;
  }
  if ((m = ROOT.exec(principal)) !== null) return named("root", principal, m);
  if ((m = USER.exec(principal)) !== null) return named("user", principal, m, "", m[3]!);
  if ((m = ROLE.exec(principal)) !== null) return named("role", principal, m, m[3]!);
  return undefined;
}

// PERF: a module-level function, not a closure made per call (it ran for every request).
function named(kind: CallerKind, principal: string, m: RegExpExecArray, roleName = "", userName = ""): CallerInfo {
  return {
    kind, arn: principal, partition: m[1]!, account: m[2]!, roleName, userName,
    roleKey: roleName === "" ? "" : roleKey(m[1]!, m[2]!, roleName),
  };
}

/** The role key of a role ARN (`arn:P:iam::A:role/PATH/NAME`, path ignored), or `undefined`. */
export function roleKeyOf(arn: string): string | undefined {
  const info = parseCaller(arn);
  return info?.kind === "role" ? info.roleKey : undefined;
}

function roleKey(partition: string, account: string, name: string): string {
  return `${partition}:${account}:${name}`;
}
