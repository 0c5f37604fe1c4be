// The ceilings of the authorization chain for one request (docs/semantics/README.md §1): SCPs of the
// caller's account, RCPs of the resource's account, the caller's permissions boundary and session
// policies, and the VPC endpoint the request goes through. Each contributes its applicable Deny
// statements to `D`, and (except RCPs) a yes/no "some Allow applies" term. No layer in the bundle:
// no Deny, every term true.

import type { Caller } from "./caller.js";
import {
  boundariesOf, federationModelled, isServiceLinked, organizationOf, placeOf, sessionPoliciesOf, type OrgLevel,
} from "./layers-bundle.js";
import type { PolicyView } from "./policy.js";
import { reasonOf, type Layer } from "./reasons.js";
import type { ReadRequest } from "./request.js";
import { statementApplies, statementPrincipal, type StatementTarget } from "./statement.js";
import type { ReferenceReason } from "./types.js";

/** A ceiling's "some Allow applies" term, and the reason to give when it is false. */
export interface CeilingTerm {
  readonly holds: boolean;
  readonly gap: ReferenceReason | undefined;
}

export interface Chain {
  /** Applicable Deny statements of every ceiling, as reasons naming their layer. */
  readonly denies: readonly ReferenceReason[];
  /** SCP: every level of the caller's path has an applicable Allow (scp.md §3). */
  readonly scp: CeilingTerm;
  /** Endpoint policy allows (vpc-endpoint-policy.md §3). */
  readonly endpoint: CeilingTerm;
  /** Boundary `B` (permission-boundary.md §4). */
  readonly boundary: CeilingTerm;
  /** Session policies `S` (session-policy.md §2). */
  readonly session: CeilingTerm;
  /** The caller has a permissions boundary (permission-boundary.md §2): a Deny's NotPrincipal never exempts it (§4). */
  readonly bounded: boolean;
}

const HOLDS: CeilingTerm = { holds: true, gap: undefined };

/** What the chain needs besides the request. */
export interface ChainInput {
  readonly bundle: unknown;
  readonly request: ReadRequest;
  /** Identity-policy view of the request (SCPs, boundaries and session policies are read as identity policies). */
  readonly iam: StatementTarget;
  /** RCPs apply (rcp.md §2): the resource's account chain, for a key or alias resource. */
  readonly rcp: boolean;
  /** The endpoint policy of `aws:SourceVpce`, when the request goes through a modelled endpoint. */
  readonly endpoint: PolicyView | undefined;
  /** A federated user's federating IAM user (`federatedBy`): a resource-kind Deny naming it reaches the session. */
  readonly federatedBy: Caller | undefined;
}

/** The ceilings of one request. */
export function chainOf(input: ChainInput): Chain {
  const { bundle, request, iam } = input;
  const caller = request.caller;
  const denies: ReferenceReason[] = [];
  const organization = organizationOf(bundle);
  const serviceLinked = isServiceLinked(bundle, caller);
  const boundaries = boundariesOf(bundle, caller);
  const bounded = boundaries.length > 0;

  // SCPs (scp.md §2): IAM callers of member accounts, not the management account, not service-linked roles.
  let scp = HOLDS;
  if (organization !== undefined && caller.kind !== "service" && !serviceLinked) {
    const place = placeOf(organization, caller.account);
    if (place.kind === "member") scp = scpTerm(place.levels, iam, denies);
  }

  // RCPs (rcp.md §2): Deny statements of the resource account's chain; RCPFullAWSAccess makes the Allow term true.
  if (organization !== undefined && input.rcp && !serviceLinked && request.target.kind !== "none") {
    const place = placeOf(organization, request.target.account);
    if (place.kind === "member") {
      const resource: StatementTarget = { ...iam, kind: "resource" };
      for (const level of place.levels) {
        for (const policy of level.rcps) denies.push(...resourceDenies(policy, resource, caller, bounded, input.federatedBy, "rcp"));
      }
    }
  }

  // VPC endpoint policy (vpc-endpoint-policy.md §3).
  let endpoint = HOLDS;
  if (input.endpoint !== undefined) {
    const policy = input.endpoint;
    const resource: StatementTarget = { ...iam, kind: "resource" };
    denies.push(...resourceDenies(policy, resource, caller, bounded, input.federatedBy, "endpoint"));
    // vpc-endpoint-policy.md §3 (Our rule): an account principal in an endpoint Allow names only its root user.
    const allowed = policy.statements.some((statement) => {
      if (statement.effect !== "Allow" || !statementApplies(statement, policy, resource)) return false;
      const named = statementPrincipal(statement, caller);
      return named.direct || (named.account && caller.kind === "root");
    });
    endpoint = allowed ? HOLDS : { holds: false, gap: gapReason(policy.location, "endpoint") };
  }

  // Permissions boundaries (permission-boundary.md §2, §4): every boundary that caps the caller must allow.
  let boundary = HOLDS;
  for (const policy of boundaries) {
    denies.push(...identityStatements(policy, iam, "Deny").map((found) => reasonOf(found, "deny", "boundary")));
    if (boundary.holds && identityStatements(policy, iam, "Allow").length === 0) {
      boundary = { holds: false, gap: gapReason(policy.location, "boundary") };
    }
  }

  // Session policies (session-policy.md §2): the union of their Allows.
  let session = HOLDS;
  const sessionPolicies = sessionPoliciesOf(bundle, caller);
  const listed = sessionPolicies ?? [];
  for (const policy of listed) {
    denies.push(...identityStatements(policy, iam, "Deny").map((found) => reasonOf(found, "deny", "session")));
  }
  const sessionAllows = listed.some((policy) => identityStatements(policy, iam, "Allow").length > 0);
  if (listed.length > 0 && !sessionAllows) {
    session = { holds: false, gap: gapReason(`principals[${caller.kind === "service" ? "" : caller.arn}].sessionPolicies`, "session") };
  } else if (listed.length === 0 && federationModelled(bundle, caller)) {
    // AWS: session-policy.md §2 — a federated-user session without a session policy is implicitly denied
    // (only when the bundle models the federation: `federatedBy` or `sessionPolicies` given).
    session = { holds: false, gap: gapReason(`principals[${caller.kind === "service" ? "" : caller.arn}].sessionPolicies`, "session") };
  }

  return { denies, scp, endpoint, boundary, session, bounded };
}

/** scp.md §3: Deny statements of every level go to `denies`; the first level (root down) without an Allow is the gap. */
function scpTerm(levels: readonly OrgLevel[], iam: StatementTarget, denies: ReferenceReason[]): CeilingTerm {
  let term = HOLDS;
  for (const level of levels) {
    // scp.md §3 (Our rule): `scps` absent ⇒ FullAWSAccess only: allows everything, denies nothing.
    if (level.scps === undefined) continue;
    let allowed = false;
    for (const policy of level.scps) {
      denies.push(...identityStatements(policy, iam, "Deny").map((found) => reasonOf(found, "deny", "scp")));
      allowed ||= identityStatements(policy, iam, "Allow").length > 0;
    }
    if (!allowed && term.holds) term = { holds: false, gap: gapReason(`${level.location}.scps`, "scp") };
  }
  return term;
}

function identityStatements(policy: PolicyView, iam: StatementTarget, effect: "Allow" | "Deny") {
  return policy.statements
    .filter((statement) => statement.effect === effect && statementApplies(statement, policy, iam))
    .map((statement) => ({ policy, statement }));
}

/**
 * Deny statements of a resource-kind policy (RCP, endpoint) whose principal names the caller or its account,
 * or (a federated user) its federating user, as a key-policy Deny does (kms-decision.ts).
 */
function resourceDenies(
  policy: PolicyView, target: StatementTarget, caller: Caller, bounded: boolean, federatedBy: Caller | undefined, layer: Layer,
): ReferenceReason[] {
  return policy.statements
    .filter((statement) => statement.effect === "Deny" && statementApplies(statement, policy, target))
    .filter((statement) => {
      const named = statementPrincipal(statement, caller, bounded);
      return named.direct || named.account || (federatedBy !== undefined && statementPrincipal(statement, federatedBy, bounded).direct);
    })
    .map((statement) => reasonOf({ policy, statement }, "deny", layer));
}

/** The reason of an ImplicitDeny by a ceiling without an applicable Allow (docs/semantics/README.md §3). */
function gapReason(location: string, layer: Layer): ReferenceReason {
  return { policy: location, statement: 0, effect: "Deny", path: "no-allow", layer };
}
