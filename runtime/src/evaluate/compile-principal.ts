// Compiles a key-policy Principal node into a classifier of callers (docs/request-model.md
// "Key-policy principal matching", spec §1.5, §5.3): DIRECT when it names the caller (its own ARN,
// the role behind a session by partition+account+name, the service, or `*`), ACCOUNT when it names
// the caller's account (root ARN or bare id; never for a service caller).
import type { PrincipalNode } from "../graph/graph-types.js";
import type { CallerInfo } from "../request/read-caller.js";
import { parseCaller, roleKeyOf } from "../request/read-caller.js";

export const DIRECT = 1;
export const ACCOUNT = 2;

export type PrincipalTest = (caller: CallerInfo) => number;

export function compilePrincipal(node: PrincipalNode): PrincipalTest {
  if (node.any) return () => DIRECT;
  const exact = new Set<string>();
  const roles = new Set<string>();
  const bareAccounts = new Set<string>();
  const roots = new Set<string>();
  for (const value of node.aws) {
    if (/^\d{12}$/.test(value)) {
      bareAccounts.add(value);
      continue;
    }
    const named = parseCaller(value);
    if (named === undefined || named.kind === "service") continue; // never matches (A35)
    if (named.kind === "root") roots.add(`${named.partition}:${named.account}`);
    else exact.add(value);
    if (named.kind === "role") roles.add(roleKeyOf(value)!);
  }
  const services = new Set(node.service);
  // PERF: the root ARNs as account → partitions, so no `partition:account` string is built per request.
  const rootPartitions = new Map<string, string[]>();
  for (const root of roots) {
    const colon = root.indexOf(":");
    const account = root.slice(colon + 1);
    rootPartitions.set(account, [...(rootPartitions.get(account) ?? []), root.slice(0, colon)]);
  }
  const hasExact = exact.size > 0;
  const hasRoles = roles.size > 0;
  const hasAccounts = bareAccounts.size > 0 || rootPartitions.size > 0;
  return (caller) => {
    if (caller.kind === "service") return services.has(caller.arn) ? DIRECT : 0;
    let bits = 0;
    // The caller's own ARN (case-sensitive), or for a session the role behind it, whatever its path.
    if ((hasExact && caller.kind !== "root" && exact.has(caller.arn)) || (hasRoles && caller.kind === "session" && roles.has(caller.roleKey))) bits |= DIRECT;
    if (hasAccounts && (bareAccounts.has(caller.account) || rootPartitions.get(caller.account)?.includes(caller.partition) === true)) bits |= ACCOUNT;
    return bits;
  };
}
