// The KMS decision (spec §5.3, DESIGN §3, docs/request-model.md): a key request combines the key
// policy and the caller's identity policies; IAM-only requests use identity policies alone.

import type { ReadRequest } from "./request.js";
import type { PolicyView } from "./policy.js";
import { reasonOf, uniqueReasons, type Found } from "./reasons.js";
import { statementApplies, statementPrincipal, type StatementTarget } from "./statement.js";
import type { ReferenceDecision } from "./types.js";

/**
 * AWS: §5.3 kmsDecision, for a request on a key (the target is the key ARN):
 * Allow iff ¬D ∧ (KD ∨ KA) ∧ ((same ∧ KD) ∨ I) ∧ (same ∨ action is cross-account capable).
 */
export function decideKeyRequest(request: ReadRequest, keyPolicy: PolicyView, identity: readonly PolicyView[]): ReferenceDecision {
  const { caller, target } = request;
  // DEVIATION: §1.7, A21 — a key-policy Resource other than `*` or this key's ARN is undecided (resource-match.ts).
  const key: StatementTarget = { kind: "key", action: request.actionName, resource: target.arn, context: request.context };
  const iam: StatementTarget = { ...key, kind: "identity" };

  // DEVIATION: §5.7 — grants, SCPs, RCPs, permission boundaries, session and VPC endpoint policies are not modelled.
  // 1. Explicit deny anywhere. A key-policy Deny applies when its principal names the caller
  //    directly or names the caller's account (A22).
  // DEVIATION: §5.3, A22 — a Deny naming the caller's account (root ARN or id) applies to every principal of it.
  const keyDenies = applicable(keyPolicy, key, "Deny")
    .filter((found) => { const p = statementPrincipal(found.statement, caller); return p.direct || p.account; });
  const denies = [...keyDenies, ...identity.flatMap((policy) => applicable(policy, iam, "Deny"))];
  if (denies.length > 0) return explicitDeny(denies);

  // AWS: §5.4, seed 004 — RetireGrant: "A policy alone cannot allow access to this operation".
  // DEVIATION: §5.4, §5.7 — grants are not modelled, so no grant lets the caller retire: never allowed.
  if (request.action.class === "grant") return implicitDeny();

  // 2. Cross-account capability (§5.4). A service caller acts in the key's account.
  // DEVIATION: request model — a service principal acts in the key's account and has no identity policies.
  const same = caller.kind === "service" || caller.account === target.account;
  if (!same && !request.action.crossAccount) return implicitDeny();

  // 3. Allows: KD (direct), KA (account principal, delegation to IAM), I (identity side).
  const keyAllows = applicable(keyPolicy, key, "Allow").map((found) => ({ found, principal: statementPrincipal(found.statement, caller) }));
  const kd = keyAllows.filter((a) => a.principal.direct).map((a) => reasonOf(a.found, "key-direct"));
  const ka = keyAllows.filter((a) => a.principal.account).map((a) => reasonOf(a.found, "key-account"));
  const identityAllows = identity.flatMap((policy) => applicable(policy, iam, "Allow")).map((found) => reasonOf(found, "identity"));
  // AWS: §5.3 — the root user's identity side counts as allowed (also cross-account, A28).
  // DEVIATION: §5.3, A28 — the root user's identity side counts as allowed, also across accounts.
  const identitySide = caller.kind === "root" || identityAllows.length > 0;

  const directPath = same && kd.length > 0; // fact 5: a direct grant needs no IAM policy
  const delegatedPath = (kd.length > 0 || ka.length > 0) && identitySide; // facts 2, 4, 6
  if (!directPath && !delegatedPath) return implicitDeny();
  const reasons = delegatedPath ? uniqueReasons(kd, ka, identityAllows) : kd;
  return { decision: "Allow", reasons: uniqueReasons(reasons) };
}

/**
 * AWS: §5.3 iamOnlyDecision — identity policies only: the alias half of the alias operations and the
 * operations without a resource. The target must be in the caller's account.
 */
export function decideIdentityOnlyRequest(request: ReadRequest, identity: readonly PolicyView[]): ReferenceDecision {
  const { caller, target } = request;
  // DESIGN §2 — the request resource `*` stands for the caller's own `arn:P:kms:R:A:*`.
  const owner = target.arn === "*" && caller.kind !== "service" ? { partition: caller.partition, account: caller.account } : undefined;
  const iam: StatementTarget = {
    kind: "identity", action: request.actionName, resource: target.arn, context: request.context,
    ...(owner === undefined ? {} : { owner }),
  };
  const denies = identity.flatMap((policy) => applicable(policy, iam, "Deny"));
  if (denies.length > 0) return explicitDeny(denies);
  // A service caller has no identity policies (docs/request-model.md).
  if (caller.kind === "service") return implicitDeny();
  if (!request.action.crossAccount && target.account !== undefined && target.account !== caller.account) return implicitDeny();
  const allows = identity.flatMap((policy) => applicable(policy, iam, "Allow")).map((found) => reasonOf(found, "identity"));
  if (caller.kind !== "root" && allows.length === 0) return implicitDeny();
  return { decision: "Allow", reasons: allows };
}

/** The statements of `policy` with the given effect that apply to the target (principal aside). */
function applicable(policy: PolicyView, target: StatementTarget, effect: "Allow" | "Deny"): Found[] {
  return policy.statements
    .filter((statement) => statement.effect === effect && statementApplies(statement, policy, target))
    .map((statement) => ({ policy, statement }));
}

function explicitDeny(denies: readonly Found[]): ReferenceDecision {
  return { decision: "ExplicitDeny", reasons: uniqueReasons(denies.map((found) => reasonOf(found, "deny"))) };
}

function implicitDeny(): ReferenceDecision {
  return { decision: "ImplicitDeny", reasons: [] };
}
