// Principal / NotPrincipal of key-policy statements (spec §1.5, §5.3 helpers, A22, A35) against
// the caller, as docs/request-model.md fixes it.

import type { Caller } from "./caller.js";
import { parseRoleArn } from "./caller.js";
import { isObject, readStringList } from "./json-shape.js";

/** How a Principal element names the caller. */
export interface PrincipalMatch {
  /** `*` or `{"AWS":"*"}`: everyone. */
  readonly everyone: boolean;
  /** §5.3 principalMatchesDirect: `*`, the caller's user/role/session/federated ARN, the role behind the session, or the service. */
  readonly direct: boolean;
  /** §5.3 principalIsAccount: the caller's account as root ARN or bare id (never for a service caller). */
  readonly account: boolean;
  /**
   * docs/semantics/permission-boundary.md §3 `KDfree`: named by a form boundaries and session policies do
   * not cap — the user, session or federated-user ARN itself, a `Service` value, or any form for the root
   * user. `direct` without `free` is `KDcap` (`*`, the role ARN, the role behind a session).
   */
  readonly free: boolean;
  /** An `AWS` value is the caller's own ARN, exactly (never the role behind a session; never for root or a service). */
  readonly own: boolean;
  /** An `AWS` value is the role behind the caller's session (partition, account, role name). */
  readonly behind: boolean;
}

/** The members a Principal element's map may have (§1.5). */
export const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

/**
 * AWS: §1.5 — reads a Principal element and says how it names the caller. Returns "malformed"
 * for a shape IAM rejects: not `"*"` or a map of the four principal keys, an empty list, a
 * partial wildcard (`role/App*`; wildcards are only allowed as the whole value `*`).
 */
export function matchPrincipal(element: unknown, caller: Caller): PrincipalMatch | "malformed" {
  if (element === "*") return { everyone: true, direct: true, account: false, free: caller.kind === "root", own: false, behind: false };
  if (!isObject(element) || Object.keys(element).length === 0) return "malformed";
  let everyone = false, direct = false, account = false, free = false, own = false, behind = false;
  for (const [principalKey, raw] of Object.entries(element)) {
    const values = readStringList(raw);
    if (!PRINCIPAL_KEYS.has(principalKey) || values === undefined) return "malformed";
    for (const value of values) {
      if (principalKey === "AWS" && value === "*") {
        everyone = direct = true;
        continue;
      }
      if (value.includes("*")) return "malformed";
      if (principalKey === "AWS") {
        const named = namesCallerDirectly(value, caller);
        direct ||= named;
        own ||= caller.kind !== "root" && caller.kind !== "service" && value === caller.arn;
        behind ||= named && caller.kind === "session" && value !== caller.arn;
        account ||= namesCallerAccount(value, caller);
        // permission-boundary.md §3: the caller's own user/session/federated ARN is not capped; a role ARN is.
        free ||= named && caller.kind !== "role" && caller.kind !== "service" && value === caller.arn;
      } else if (principalKey === "Service") {
        const named = caller.kind === "service" && value === caller.service;
        direct ||= named;
        free ||= named;
      }
      // Federated and CanonicalUser principals are not meaningful for KMS callers (§1.5): no match.
    }
  }
  // permission-boundary.md §3: every form that names the root user is `KDfree` (root has no ceiling of this kind).
  if (caller.kind === "root") free = direct || account;
  else if (everyone) free ||= caller.kind === "service";
  return { everyone, direct, account, free, own, behind };
}

/**
 * §1.5 run-time fallback for NotPrincipal (only read in Deny statements; the compiler rejects it):
 * the statement skips the caller only when the list names the caller's account AND the caller's own
 * ARN (or names everyone). For the root user, naming the account names the caller. A role session is
 * skipped only when the list also names its role: IAM's NotPrincipal page ("the NotPrincipal element
 * contains the ARN of the assumed-role user …, the role …, and the AWS account"; "Principals must always
 * name a specific session"), so naming the role does not skip its other sessions. A bare role ARN as
 * caller stands for a session whose name is unknown (docs/request-model.md): no list but everyone skips it.
 * A caller with a permissions boundary (`bounded`) is never skipped: see below.
 */
export function notPrincipalExcludes(match: PrincipalMatch, caller: Caller, bounded: boolean): boolean {
  // AWS: IAM User Guide, access_policies_boundaries.html and reference_policies_elements_notprincipal.html —
  // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
  // boundary policy attached, regardless of the values specified in the NotPrincipal element."
  if (bounded) return false;
  if (match.everyone) return true;
  if (caller.kind === "service") return match.direct;
  if (caller.kind === "root") return match.account;
  // DEVIATION: §1.5 — a session is skipped only when its own ARN, its role and its account are all listed (fail closed).
  if (caller.kind === "session") return match.account && match.own && match.behind;
  if (caller.kind === "role") return false;
  return match.account && match.own;
}

/** An `AWS` value that is the caller's own ARN, or (for a session) the role behind it. */
function namesCallerDirectly(value: string, caller: Caller): boolean {
  if (caller.kind === "service") return false;
  // Case-sensitive comparison of ARNs (§1.5: the name part is case-sensitive). Unique IDs such as
  // `AROA…` never equal an ARN, so they never match (A35).
  // DEVIATION: §1.5, A35 — ARNs compare exactly, so a unique ID (`AROA…`) never matches.
  if (caller.kind !== "root" && value === caller.arn) return true;
  if (caller.kind !== "session") return false;
  // The role behind a session, compared by partition, account and role name: the policy's role
  // ARN may carry a path that the session ARN does not show (docs/request-model.md).
  const role = parseRoleArn(value);
  return role !== undefined && role.partition === caller.partition &&
    role.account === caller.account && role.roleName === caller.roleName;
}

/** AWS: §1.5 — `arn:P:iam::A:root` or the bare 12-digit `A` is the account principal. */
function namesCallerAccount(value: string, caller: Caller): boolean {
  if (caller.kind === "service") return false;
  return value === caller.account || value === `arn:${caller.partition}:iam::${caller.account}:root`;
}
