// The most transitive parents a caller of the bundle can have in a request, as the Cedar encoder
// builds the hierarchy (runtime/src/cedar/encode-request.ts): its account twice (root ARN form, then
// the bare id), for a session the role behind it, and every identity policy attached (deduplicated).
import type { CedarManifest } from "@kms-cedar/runtime";
import { identityPolicyParents, parseCallerName } from "@kms-cedar/runtime/cedar-names";

/** The worst caller and its count (0 when the bundle names no principal). */
export function countMostParents(manifest: CedarManifest): { readonly caller: string; readonly count: number } {
  const policiesOf = identityPolicyParents(manifest.identity);
  let worst = { caller: "", count: 0 };
  const consider = (caller: string, count: number): void => {
    if (count > worst.count) worst = { caller, count };
  };
  for (const { principal } of manifest.identity) {
    const named = parseCallerName(principal);
    if (named === undefined || named.kind === "service") continue;
    // The account twice (root ARN form, bare id); a session also the role behind it.
    consider(principal, (named.kind === "session" ? 3 : 2) + policiesOf(named).length);
    // Any session of a role: the role's policies (sessions not in the bundle).
    if (named.kind === "role") consider(`a session of ${principal}`, 3 + policiesOf({ ...named, kind: "session", arn: "" }).length);
  }
  return worst;
}
