// Statement applicability (spec §5.2): action, resource and condition, each element read from the
// plain JSON statement; the principal of key-policy statements (§1.5, §5.3). An element IAM would
// reject is decided by the fail-closed rule (§0.2): it never lets an Allow apply, it lets a Deny apply.

import { actionListMatches, type ElementMatch } from "./action-match.js";
import type { Caller } from "./caller.js";
import { conditionHolds } from "./condition.js";
import { keyPolicyContext, type RequestContext } from "./context.js";
import { failClosed } from "./fail-closed.js";
import { ownProperty, strayMember } from "./json-shape.js";
import type { PolicyView, StatementView } from "./policy.js";
import { matchPrincipal, notPrincipalExcludes } from "./principal-match.js";
import { keyPolicyResourceMatches, resourceListMatches } from "./resource-match.js";
import type { StarOwner } from "./star-resource.js";
import type { PolicyKind } from "./types.js";

/** What a statement is matched against. */
export interface StatementTarget {
  readonly kind: PolicyKind;
  /** Canonical request action, `kms:Name`. */
  readonly action: string;
  /** The resource Resource patterns see: the request resource, or the key ARN for a key policy. */
  readonly resource: string;
  readonly context: RequestContext;
  /** Set when the request resource is `*`: the caller's partition and account it stands for (DESIGN §2). */
  readonly owner?: StarOwner;
}

export const MEMBERS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);

/** AWS: §5.2 `applies` without the principal test: action, resource and condition all match. */
export function statementApplies(statement: StatementView, policy: PolicyView, target: StatementTarget): boolean {
  const body = statement.body;
  if (body === undefined) return true; // INVARIANT: an unreadable statement is read as a Deny of everything
  const fcr = failClosed(statement.effect);
  // AWS: §5.6 — in a key policy, variables naming IAM-policy-only keys have no answer (FCR).
  const context = target.kind === "key" ? keyPolicyContext(target.context) : target.context;
  const decide = (match: ElementMatch): boolean => (typeof match === "boolean" ? match : fcr);
  const has = (member: string): boolean => ownProperty(body, member) !== undefined;

  // AWS: §1.3 — unknown members and a non-string Sid are syntax errors.
  const sid = ownProperty(body, "Sid");
  const shapeOk = strayMember(body, MEMBERS) === undefined && (sid === undefined || typeof sid === "string");
  // AWS: §1.9 — an identity policy must not name a principal.
  // docs/semantics: RCPs and endpoint policies ("resource") name a principal; statementPrincipal reads it.
  const principalOk = target.kind !== "identity" || (!has("Principal") && !has("NotPrincipal"));
  if (!(shapeOk && principalOk) && !decide("malformed")) return false;

  // AWS: §1.3 — in a key policy a statement without Action or without Resource has no effect.
  if (target.kind === "key" && ((!has("Action") && !has("NotAction")) || (!has("Resource") && !has("NotResource")))) {
    return false;
  }
  const action = readPair(body, "Action", "NotAction", (v) => actionListMatches(v, target.action));
  if (!decide(action)) return false;
  // AWS: §1.3, A21 — NotResource is not accepted in a key policy.
  // DEVIATION: §1.3, A21 — `NotResource` in a key policy (KMS does not document it) is FCR.
  const resource = target.kind === "key"
    ? (has("NotResource") ? "malformed" : keyPolicyResourceMatches(ownProperty(body, "Resource"), target.resource))
    : readPair(body, "Resource", "NotResource", (v) => resourceListMatches(v, target.resource, policy.version, context, target.owner));
  if (!decide(resource)) return false;

  const condition = ownProperty(body, "Condition");
  if (condition === undefined) return true;
  return conditionHolds(condition, {
    context, version: policy.version, effect: statement.effect, kind: target.kind,
  });
}

/**
 * How a key-policy (or RCP, endpoint) statement names the caller, after FCR for principals the grammar
 * rejects. `bounded`: the caller has a permissions boundary (chain.ts `Chain.bounded`), which a Deny's
 * NotPrincipal never exempts.
 */
export function statementPrincipal(statement: StatementView, caller: Caller, bounded = false): { direct: boolean; account: boolean; free: boolean } {
  const body = statement.body;
  const named = { direct: true, account: true, free: true };
  const notNamed = { direct: false, account: false, free: false };
  const fcr = failClosed(statement.effect) ? named : notNamed;
  if (body === undefined) return named; // INVARIANT: an unreadable statement is read as a Deny of everyone
  const principal = ownProperty(body, "Principal");
  const notPrincipal = ownProperty(body, "NotPrincipal");
  if ((principal === undefined) === (notPrincipal === undefined)) return fcr; // neither, or both
  if (principal !== undefined) {
    const match = matchPrincipal(principal, caller);
    return match === "malformed" ? fcr : { direct: match.direct, account: match.account, free: match.free };
  }
  // AWS: §1.5 — NotPrincipal is only supported with Deny; an Allow with it never applies.
  // DEVIATION: §1.5, A21 — `NotPrincipal` in a key policy: an Allow never applies, a Deny uses the §1.5 fallback.
  if (statement.effect === "Allow") return notNamed;
  const match = matchPrincipal(notPrincipal, caller);
  if (match === "malformed") return fcr;
  return notPrincipalExcludes(match, caller, bounded) ? notNamed : named;
}

/** `X` / `NotX`: exactly one must be present; NotX matches when X would not (§1.6, §1.7). */
export function readPair(
  body: Record<string, unknown>,
  name: string,
  notName: string,
  match: (value: unknown) => ElementMatch,
): ElementMatch {
  const value = ownProperty(body, name);
  const notValue = ownProperty(body, notName);
  if ((value === undefined) === (notValue === undefined)) return "malformed";
  if (value !== undefined) return match(value);
  const inverse = match(notValue);
  return typeof inverse === "boolean" ? !inverse : inverse;
}
