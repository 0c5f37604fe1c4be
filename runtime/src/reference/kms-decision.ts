// The KMS decision (spec §5.3, DESIGN §3, docs/request-model.md): a key request combines the key
// policy and the caller's identity policies; IAM-only requests use identity policies alone.

import type { Caller } from "./caller.js";
import type { Chain } from "./chain.js";
import type { ReadRequest } from "./request.js";
import type { PolicyView } from "./policy.js";
import { reasonOf, uniqueReasons, type Found } from "./reasons.js";
import { statementApplies, statementPrincipal, type StatementTarget } from "./statement.js";
import type { ReferenceDecision, ReferenceReason } from "./types.js";

/** What the chain adds to a key request (docs/semantics/README.md §1). No layer: `chain` holds everywhere, no grant. */
export interface KeyLayers {
  readonly chain: Chain;
  /** Grants on this key that allow the request (grants.md §2), as reasons. */
  readonly grants: readonly ReferenceReason[];
  /** A federated user's federating IAM user (`federatedBy`): a key policy naming it is `KDcap` (permission-boundary.md §3). */
  readonly federatedBy: Caller | undefined;
}

/**
 * AWS: §5.3 kmsDecision with the chain of docs/semantics/README.md §1.2, for a request on a key:
 * Allow iff ¬D ∧ SCP ∧ RCP ∧ E ∧ (PathSame ∨ PathCross), where
 * PathSame  = same ∧ (KDfree ∨ (KDcap ∧ C) ∨ (KA ∧ I ∧ C) ∨ (G ∧ C)),
 * PathCross = ¬same ∧ X ∧ (((KD ∨ KA) ∧ I ∧ C) ∨ (G ∧ I ∧ C)), C = B ∧ S.
 * Without layers (C true, no grant) this is §5.3: ¬D ∧ (KD ∨ KA) ∧ ((same ∧ KD) ∨ I) ∧ (same ∨ X).
 */
export function decideKeyRequest(request: ReadRequest, keyPolicy: PolicyView, identity: readonly PolicyView[], layers: KeyLayers): ReferenceDecision {
  const { caller, target } = request;
  const { chain } = layers;
  // DEVIATION: §1.7, A21 — a key-policy Resource other than `*` or this key's ARN is undecided (resource-match.ts).
  const key: StatementTarget = { kind: "key", action: request.actionName, resource: target.arn, context: request.context };
  const iam: StatementTarget = { ...key, kind: "identity" };

  // 1. Explicit deny anywhere (README §1.5 step 1). A key-policy Deny applies when its principal names the
  //    caller directly or names the caller's account (A22), or names the federating user of a federated caller.
  // DEVIATION: §5.3, A22 — a Deny naming the caller's account (root ARN or id) applies to every principal of it.
  //    A NotPrincipal never exempts a caller with a permissions boundary (principal-match.ts, `chain.bounded`).
  const namesCaller = (found: Found): boolean => {
    const p = statementPrincipal(found.statement, caller, chain.bounded);
    if (p.direct || p.account) return true;
    return layers.federatedBy !== undefined && statementPrincipal(found.statement, layers.federatedBy, chain.bounded).direct;
  };
  const keyDenies = applicable(keyPolicy, key, "Deny").filter(namesCaller);
  const denies = [...keyDenies, ...identity.flatMap((policy) => applicable(policy, iam, "Deny"))];
  if (denies.length > 0 || chain.denies.length > 0) return explicitDeny(denies, chain.denies);

  // AWS: §5.4, seed 004 — RetireGrant: "A policy alone cannot allow access to this operation".
  // DEVIATION: §5.4, §5.7 — a request cannot name the grant to retire (grants.md §4 awaits a request member), so never allowed.
  if (request.action.class === "grant") return implicitDeny();

  // 2. Ceilings without an applicable Allow (README §1.5 steps 2 and 4; RCPs never lack one, rcp.md §3).
  if (!chain.scp.holds) return implicitDeny(chain.scp.gap);
  if (!chain.endpoint.holds) return implicitDeny(chain.endpoint.gap);

  // 3. Cross-account capability (§5.4). A service caller acts in the key's account.
  // DEVIATION: request model — a service principal acts in the key's account and has no identity policies.
  const same = caller.kind === "service" || caller.account === target.account;
  if (!same && !request.action.crossAccount) return implicitDeny();

  // 4. Allows: KD (direct: KDfree or KDcap), KA (account principal), I (identity side), G (grants).
  const keyAllows = applicable(keyPolicy, key, "Allow").map((found) => ({ found, principal: statementPrincipal(found.statement, caller) }));
  const byFederating = layers.federatedBy === undefined ? [] : applicable(keyPolicy, key, "Allow")
    .filter((found) => statementPrincipal(found.statement, layers.federatedBy!).direct)
    .map((found) => reasonOf(found, "key-direct"));
  const kdFree = keyAllows.filter((a) => a.principal.direct && a.principal.free).map((a) => reasonOf(a.found, "key-direct"));
  const kdCap = uniqueReasons(keyAllows.filter((a) => a.principal.direct && !a.principal.free).map((a) => reasonOf(a.found, "key-direct")), byFederating);
  const ka = keyAllows.filter((a) => a.principal.account).map((a) => reasonOf(a.found, "key-account"));
  const identityAllows = identity.flatMap((policy) => applicable(policy, iam, "Allow")).map((found) => reasonOf(found, "identity"));
  // AWS: §5.3 — the root user's identity side counts as allowed (also cross-account, A28).
  // DEVIATION: §5.3, A28 — the root user's identity side counts as allowed, also across accounts.
  const identitySide = caller.kind === "root" || identityAllows.length > 0;
  const grants = layers.grants;

  const paths = (ceiling: boolean) => {
    // The direct statements usable: KDfree always, KDcap only under a ceiling that holds (statement order kept).
    const usable = keyAllows.filter((a) => a.principal.direct && (ceiling || a.principal.free)).map((a) => reasonOf(a.found, "key-direct"));
    const kd = ceiling ? uniqueReasons(usable, byFederating) : usable;
    const direct = same && kd.length > 0; // fact 5: a direct grant needs no IAM policy
    // facts 2, 4, 6: the key policy names the caller or its account, and the identity side allows.
    const delegated = ceiling && (kdFree.length > 0 || kdCap.length > 0 || ka.length > 0) && identitySide;
    // grants.md §3: same account, a grant alone; across accounts (Our rule) with the identity side too.
    const granted = ceiling && grants.length > 0 && (same || identitySide);
    return { kd, direct, delegated, granted };
  };
  const withCeiling = chain.boundary.holds && chain.session.holds;
  const open = paths(withCeiling);
  if (!open.direct && !open.delegated && !open.granted) {
    // README §1.5 step 6: name the ceiling that closed an otherwise open path.
    const uncapped = paths(true);
    if (!withCeiling && (uncapped.direct || uncapped.delegated || uncapped.granted)) {
      return implicitDeny(!chain.boundary.holds ? chain.boundary.gap : chain.session.gap);
    }
    return implicitDeny();
  }
  const reasons = open.delegated ? uniqueReasons(open.kd, ka, identityAllows) : open.kd;
  return { decision: "Allow", reasons: uniqueReasons(reasons, open.granted ? grants : [], open.granted && !same ? identityAllows : []) };
}

/**
 * AWS: §5.3 iamOnlyDecision — identity policies only: the alias half of the alias operations and the
 * operations without a resource. The target must be in the caller's account. With the chain
 * (README §1.4): Allow iff ¬D ∧ SCP ∧ E ∧ I ∧ C.
 */
export function decideIdentityOnlyRequest(request: ReadRequest, identity: readonly PolicyView[], chain: Chain): ReferenceDecision {
  const { caller, target } = request;
  const iam = identityTarget(request);
  const denies = identity.flatMap((policy) => applicable(policy, iam, "Deny"));
  if (denies.length > 0 || chain.denies.length > 0) return explicitDeny(denies, chain.denies);
  // A service caller has no identity policies (docs/request-model.md).
  if (caller.kind === "service") return implicitDeny();
  if (!chain.scp.holds) return implicitDeny(chain.scp.gap);
  if (!chain.endpoint.holds) return implicitDeny(chain.endpoint.gap);
  if (!request.action.crossAccount && target.account !== undefined && target.account !== caller.account) return implicitDeny();
  const allows = identity.flatMap((policy) => applicable(policy, iam, "Allow")).map((found) => reasonOf(found, "identity"));
  if (caller.kind !== "root" && allows.length === 0) return implicitDeny();
  if (!chain.boundary.holds) return implicitDeny(chain.boundary.gap);
  if (!chain.session.holds) return implicitDeny(chain.session.gap);
  return { decision: "Allow", reasons: allows };
}

/** The identity-policy view of a request (what SCPs, boundaries and session policies are matched against too). */
export function identityTarget(request: ReadRequest): StatementTarget {
  const { caller, target } = request;
  // DESIGN §2 — the request resource `*` stands for the caller's own `arn:P:kms:R:A:*`.
  const owner = target.arn === "*" && caller.kind !== "service" ? { partition: caller.partition, account: caller.account } : undefined;
  return {
    kind: "identity", action: request.actionName, resource: target.arn, context: request.context,
    ...(owner === undefined ? {} : { owner }),
  };
}

/** The statements of `policy` with the given effect that apply to the target (principal aside). */
function applicable(policy: PolicyView, target: StatementTarget, effect: "Allow" | "Deny"): Found[] {
  return policy.statements
    .filter((statement) => statement.effect === effect && statementApplies(statement, policy, target))
    .map((statement) => ({ policy, statement }));
}

function explicitDeny(denies: readonly Found[], layered: readonly ReferenceReason[]): ReferenceDecision {
  return { decision: "ExplicitDeny", reasons: uniqueReasons(denies.map((found) => reasonOf(found, "deny")), layered) };
}

/** ImplicitDeny; with a ceiling's reason when a layer decided (docs/semantics/README.md §3). */
function implicitDeny(gap?: ReferenceReason): ReferenceDecision {
  return { decision: "ImplicitDeny", reasons: gap === undefined ? [] : [gap] };
}
