// The grant term `G` (docs/semantics/grants.md §2): a grant on the request's key allows when its grantee
// matches the caller, the action is one of its operations and its constraints hold. A grant never
// denies. Reads the grant entries of the request's context as the context reader read them (once).
import type { CallerInfo } from "../request/read-caller.js";
import { childGrantWithin, grantConstraintsHold } from "../conditions/grant-constraints.js";
import type { GrantEntries } from "../conditions/grant-constraints.js";
import type { CompiledGrant } from "./compile-layers.js";

/** Whether `grant` allows `operation` (the action name without `kms:`) to the caller. */
export function grantAllows(grant: CompiledGrant, caller: CallerInfo, operation: string, entries: GrantEntries): boolean {
  if (!grant.operationSet.has(operation)) return false;
  const constraints = grant.constraints;
  if (grant.granteeServicePrincipal !== undefined) {
    // grants.md §1: "The SourceArn constraint is always required when the grant specifies a GranteeServicePrincipal."
    if (caller.kind !== "service" || caller.arn !== grant.granteeServicePrincipal || constraints?.sourceArn === undefined) return false;
  } else if (grant.granteePrincipal === undefined || !granteeMatches(grant, caller)) {
    return false;
  }
  // The meaning of the constraints and of a created grant has one home (conditions/grant-constraints.ts),
  // shared with the Cedar encoder.
  if (operation === "CreateGrant" && !childGrantWithin(grant.operationSet, entries)) return false;
  return constraints === undefined || grantConstraintsHold(constraints, operation, entries);
}

/**
 * grants.md §2 `granteeMatches` (Our rule, fail closed): user, session and federated-user ARNs by exact
 * equality; a role ARN matches the role itself or a session of it (partition, account, name); an
 * account root ARN only that root user.
 */
function granteeMatches(grant: CompiledGrant, caller: CallerInfo): boolean {
  if (caller.kind === "service") return false;
  if (grant.granteePrincipal === caller.arn) return true;
  return caller.kind === "session" && grant.granteeRoleKey !== undefined && grant.granteeRoleKey === caller.roleKey;
}
