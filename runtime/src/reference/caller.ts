// The caller, read from the request's `principal` (docs/request-model.md "The caller"): root,
// IAM user, role, role session, federated user, or an AWS service principal.

/** Fields every IAM caller has. */
interface AccountCaller {
  readonly arn: string;
  readonly partition: string;
  readonly account: string;
}

export type Caller =
  | (AccountCaller & { readonly kind: "root" })
  | (AccountCaller & { readonly kind: "user" })
  | (AccountCaller & { readonly kind: "role"; readonly roleName: string })
  | (AccountCaller & { readonly kind: "session"; readonly roleName: string })
  | (AccountCaller & { readonly kind: "federated" })
  | { readonly kind: "service"; readonly service: string };

const PARTITION = "([a-z][a-z0-9-]*)";
const ACCOUNT = "(\\d{12})";
const ROOT = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:root$`);
// `user/PATH/NAME` and `role/PATH/NAME`: the path is optional, the name is the last segment.
const USER = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:user/(?:[^/:]+/)*([^/:]+)$`);
const ROLE = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[^/:]+/)*([^/:]+)$`);
const SESSION = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:assumed-role/([^/:]+)/([^/:]+)$`);
const FEDERATED = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:federated-user/([^/:]+)$`);
const SERVICE = /^[^:/\s]+\.amazonaws\.com$/;

/** Reads a request principal; undefined when it is none of the forms of the table (KR0001). */
export function parseCaller(principal: string): Caller | undefined {
  if (SERVICE.test(principal)) return { kind: "service", service: principal };
  const base = (m: RegExpExecArray): AccountCaller => ({ arn: principal, partition: m[1]!, account: m[2]! });
  let m: RegExpExecArray | null;
  if ((m = ROOT.exec(principal)) !== null) return { ...base(m), kind: "root" };
  if ((m = USER.exec(principal)) !== null) return { ...base(m), kind: "user" };
  if ((m = ROLE.exec(principal)) !== null) return { ...base(m), kind: "role", roleName: m[3]! };
  if ((m = SESSION.exec(principal)) !== null) return { ...base(m), kind: "session", roleName: m[3]! };
  if ((m = FEDERATED.exec(principal)) !== null) return { ...base(m), kind: "federated" };
  return undefined;
}

/** A role ARN's partition, account and name (path ignored), or undefined if it is not a role ARN. */
export function parseRoleArn(arn: string): { partition: string; account: string; roleName: string } | undefined {
  const m = ROLE.exec(arn);
  return m === null ? undefined : { partition: m[1]!, account: m[2]!, roleName: m[3]! };
}
