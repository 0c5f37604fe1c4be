// Key-policy principals in Cedar (spec §1.5, §5.3, docs/request-model.md): who a statement names
// directly (users, roles with their sessions, sessions, services, `*`) and which accounts it names
// (root ARN: one partition; bare id: any partition). Phase: emit.
import type { PrincipalNode } from "@kms-cedar/runtime";
import {
  accountId, BARE_ACCOUNT, callerType, CedarType, parseCallerName, sessionRoleId,
} from "@kms-cedar/runtime/cedar-names";
import { FALSE, or, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { entity, inChunks } from "./cedar-literal.js";

export interface PrincipalTerms {
  /** KD: the statement names the caller directly. */
  readonly direct: Expr;
  /** KA: the statement names the caller's account (never a service). */
  readonly account: Expr;
  /**
   * The part of `direct` that ceilings do not cap (permission-boundary.md §3 `KDfree`): a user, session,
   * federated-user or service named by itself. The rest (`*`, a role and its sessions) is `KDcap`.
   */
  readonly free: Expr;
  readonly capped: Expr;
}

/** The Cedar tests of a key-policy Principal node. */
export function emitPrincipal(node: PrincipalNode): PrincipalTerms {
  if (node.any) return { direct: TRUE, account: accountTerms(node), free: FALSE, capped: TRUE };
  const members: string[] = [];
  const roles: string[] = [];
  const others: Expr[] = [];
  for (const value of node.aws) {
    if (BARE_ACCOUNT.test(value)) continue;
    const named = parseCallerName(value);
    // Unique ids (`AROA…`), malformed ARNs and service names under `AWS` never match (A35).
    if (named === undefined || named.kind === "service" || named.kind === "root") continue;
    if (named.kind !== "role") {
      members.push(entity(callerType(named.kind), value));
      continue;
    }
    const pathless = sessionRoleId(named.partition, named.account, named.roleName);
    if (value === pathless) {
      roles.push(entity(CedarType.role, value)); // the role itself and every session of it
    } else {
      // A role caller matches its exact ARN; a session matches its role by name, whatever the path.
      others.push(relation(`principal == ${entity(CedarType.role, value)}`));
      others.push(relation(`principal is ${CedarType.session} in ${entity(CedarType.role, pathless)}`));
    }
  }
  for (const value of node.service) {
    if (parseCallerName(value)?.kind === "service") members.push(entity(CedarType.service, value));
  }
  const free = inAny(members);
  const capped = or(inAny(roles), ...others);
  return { direct: or(inAny([...members, ...roles]), ...others), account: accountTerms(node), free, capped };
}

function accountTerms(node: PrincipalNode): Expr {
  const accounts: string[] = [];
  for (const value of node.aws) {
    if (BARE_ACCOUNT.test(value)) accounts.push(entity(CedarType.account, value));
    else {
      const named = parseCallerName(value);
      if (named?.kind === "root") accounts.push(entity(CedarType.account, accountId(named.partition, named.account)));
    }
  }
  return inAny(accounts);
}

/**
 * `principal in E` or `principal in [E1, E2, …]`, one per entity type (Cedar's validator wants the
 * members of a set to have one type); `false` for none.
 */
function inAny(entities: readonly string[]): Expr {
  const byType = new Map<string, string[]>();
  for (const e of new Set(entities)) {
    const type = e.slice(0, e.indexOf('::"'));
    byType.set(type, [...(byType.get(type) ?? []), e]);
  }
  // Long lists are split into runs (an OR of `in` tests: the same value within cedar-wasm's limits).
  return or(...[...byType.values()].flatMap((list) => inChunks(list).map((run) =>
    relation(run.length === 1 ? `principal in ${run[0]}` : `principal in [${run.join(", ")}]`))));
}
