// The most transitive parents a caller of the bundle can have in a request, as the Cedar encoder
// builds the hierarchy (runtime/src/cedar/encode-request.ts): its account twice (root ARN form, then
// the bare id), for a session the role behind it, and every identity policy attached (deduplicated).
import type { CedarManifest } from "@kms-cedar/runtime";
import { parseCallerName, sessionRoleId } from "@kms-cedar/runtime/cedar-names";

/** The worst caller and its count (0 when the bundle names no principal). */
export function countMostParents(manifest: CedarManifest): { readonly caller: string; readonly count: number } {
  const exact = new Map<string, string[]>();
  const byRole = new Map<string, string[]>();
  for (const { principal, policies } of manifest.identity) {
    exact.set(principal, [...(exact.get(principal) ?? []), ...policies]);
    const named = parseCallerName(principal);
    if (named?.kind === "role") {
      const role = sessionRoleId(named.partition, named.account, named.roleName);
      byRole.set(role, [...(byRole.get(role) ?? []), ...policies]);
    }
  }
  let worst = { caller: "", count: 0 };
  const consider = (caller: string, count: number): void => {
    if (count > worst.count) worst = { caller, count };
  };
  for (const { principal } of manifest.identity) {
    const named = parseCallerName(principal);
    if (named === undefined || named.kind === "service") continue;
    if (named.kind === "root") consider(principal, 2);
    else if (named.kind === "session") {
      const role = sessionRoleId(named.partition, named.account, named.roleName);
      consider(principal, 3 + new Set([...(byRole.get(role) ?? []), ...(exact.get(principal) ?? [])]).size);
    } else consider(principal, 2 + new Set(exact.get(principal) ?? []).size);
    // Any session of a role: the role's policies (sessions not in the bundle).
    if (named.kind === "role") {
      const role = sessionRoleId(named.partition, named.account, named.roleName);
      consider(`a session of ${principal}`, 3 + new Set(byRole.get(role) ?? []).size);
    }
  }
  return worst;
}
