// The oracle's explanation of a decision (docs/explain.md), written from the semantics on its own:
// the decision and its reasons come from the oracle's decision; for an ImplicitDeny, every Allow
// statement whose Action matches is walked test by test (action, principal, resource, conditions in
// source order) and the closest on each side are kept. Shares no code with the other engines.

import { identityPoliciesOf, keyPolicyOf } from "./bundle.js";
import type { Caller } from "./caller.js";
import { withCallerKeys } from "./caller-keys.js";
import { keyHolds, type ConditionScope } from "./condition.js";
import { conditionContext, keyPolicyContext, type ContextEntry, type RequestContext } from "./context.js";
import { alwaysSetOf, decideCheck } from "./evaluate-reference.js";
import { actionListMatches } from "./action-match.js";
import { isObject, ownProperty, strayMember } from "./json-shape.js";
import { parseOperator } from "./operators.js";
import type { PolicyView, StatementView } from "./policy.js";
import { readRequest } from "./request.js";
import { readShape } from "./request-shape.js";
import { guardInput } from "./guard-input.js";
import { keyPolicyResourceMatches, resourceListMatches } from "./resource-match.js";
import { MEMBERS, readPair, statementPrincipal } from "./statement.js";
import type { StarOwner } from "./star-resource.js";
import type {
  ReferenceBundle, ReferenceClosest, ReferenceDecisionKind, ReferenceExplanation, ReferenceExplanationResult, ReferenceSeen,
  ReferenceTest,
} from "./types.js";

const SEVERITY: Readonly<Record<ReferenceDecisionKind, number>> = { Allow: 0, ImplicitDeny: 1, ExplicitDeny: 2 };

/**
 * Explains the decision of `request` (one check, or an operation: each check explained, the worst
 * decision on top). An undecidable request gives its error entry, as `evaluateReference` does.
 */
export function explainReference(bundle: ReferenceBundle, request: unknown): ReferenceExplanationResult {
  return guardInput(bundle, request, explainInput);
}

function explainInput(bundle: unknown, request: unknown): ReferenceExplanationResult {
  const shape = readShape(request);
  if (typeof shape !== "string") return shape;
  if (shape === "request") return explainCheck(bundle, request);
  const checks: ReferenceExplanation[] = [];
  for (const check of Array.from((request as { checks: unknown[] }).checks)) {
    const explained = explainCheck(bundle, check);
    if ("error" in explained) return explained;
    checks.push(explained);
  }
  const decision = checks.reduce((w, c) => (SEVERITY[c.decision] > SEVERITY[w] ? c.decision : w), checks[0]!.decision);
  return { decision, checks };
}

/** One check: the oracle's decision, and for an ImplicitDeny the closest Allow statements per side. */
function explainCheck(bundle: unknown, request: unknown): ReferenceExplanation | { error: { code: string; message: string } } {
  const decided = decideCheck(bundle, request);
  if ("error" in decided) return decided;
  if (decided.decision !== "ImplicitDeny") return { decision: decided.decision, reasons: decided.reasons };
  // INVARIANT: decideCheck succeeded, so the request reads and its caller keys fit.
  const parsed = readRequest(request);
  if ("error" in parsed) return parsed;
  const callerKeyed = withCallerKeys(parsed.context, parsed.rawContext, parsed.caller, parsed.action, parsed.target, bundle);
  if ("error" in callerKeyed) return callerKeyed;
  const context = conditionContext(callerKeyed, parsed.rawContext, alwaysSetOf(bundle, parsed));
  const raw = request as { principal: string; action: string; resource: string };
  const seen = { principal: raw.principal, action: raw.action, resource: raw.resource };
  const { caller, target } = parsed;
  // The key policy is consulted for a request on a key (decideKeyRequest); IAM-only requests have none.
  const keyPolicy = target.kind === "key" ? keyPolicyOf(bundle, target.arn) : undefined;
  const owner = target.arn === "*" && caller.kind !== "service" ? { partition: caller.partition, account: caller.account } : undefined;
  const walk = { action: parsed.actionName, resource: target.arn, context, caller, seen, owner };
  const key = keyPolicy === undefined ? [] : closestOf(keyPolicy.statements.flatMap((s) => walkStatement(s, keyPolicy, "key", walk)));
  const identity = closestOf(identityPoliciesOf(bundle, caller).flatMap((policy) =>
    policy.statements.flatMap((s) => walkStatement(s, policy, "identity", walk))));
  // docs/explain.md "Layers": an ImplicitDeny a ceiling caused keeps the oracle's one `no-allow` reason.
  return { decision: "ImplicitDeny", reasons: decided.reasons, closest: { key, identity } };
}

interface Walk {
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
  readonly caller: Caller;
  readonly seen: { readonly principal: string; readonly action: string; readonly resource: string };
  readonly owner: StarOwner | undefined;
}

/**
 * docs/explain.md "closest": the statements that apply, if any; otherwise those that passed the most
 * leading tests. Every candidate is listed in policy, then statement order.
 */
function closestOf(candidates: readonly ReferenceClosest[]): ReferenceClosest[] {
  const applying = candidates.filter((c) => c.failed === undefined);
  if (applying.length > 0) return applying;
  const best = Math.max(...candidates.map((c) => c.passed));
  return candidates.filter((c) => c.passed === best);
}

/**
 * One Allow statement, test by test. Not a candidate (empty list): a Deny, a statement the grammar
 * rejects, a key-policy statement without Action or Resource (no effect, §1.3), or one whose
 * Action does not match the request's action.
 */
function walkStatement(statement: StatementView, policy: PolicyView, kind: "key" | "identity", walk: Walk): ReferenceClosest[] {
  const body = statement.body;
  if (statement.effect !== "Allow" || body === undefined) return [];
  const has = (member: string): boolean => ownProperty(body, member) !== undefined;
  const sid = ownProperty(body, "Sid");
  if (strayMember(body, MEMBERS) !== undefined || (sid !== undefined && typeof sid !== "string")) return [];
  if (kind === "identity" && (has("Principal") || has("NotPrincipal"))) return [];
  if (kind === "key" && ((!has("Action") && !has("NotAction")) || (!has("Resource") && !has("NotResource")))) return [];
  // AWS: §0.2 — in an Allow an undecidable element counts as not matching.
  if (readPair(body, "Action", "NotAction", (v) => actionListMatches(v, walk.action)) !== true) return [];

  const context = kind === "key" ? keyPolicyContext(walk.context) : walk.context;
  const tests: { test: ReferenceTest; holds: () => boolean; seen: () => ReferenceSeen }[] = [];
  const value = (text: string): ReferenceSeen => ({ kind: "values", values: [text] });
  tests.push({ test: { kind: "action" }, holds: () => true, seen: () => value(walk.seen.action) });
  if (kind === "key") {
    tests.push({
      test: { kind: "principal" },
      holds: () => { const p = statementPrincipal(statement, walk.caller); return p.direct || p.account; },
      seen: () => value(walk.seen.principal),
    });
  }
  tests.push({
    test: { kind: "resource" },
    holds: () => (kind === "key"
      ? !has("NotResource") && keyPolicyResourceMatches(ownProperty(body, "Resource"), walk.resource) === true
      : readPair(body, "Resource", "NotResource", (v) => resourceListMatches(v, walk.resource, policy.version, context, walk.owner)) === true),
    seen: () => value(walk.seen.resource),
  });
  const scope: ConditionScope = { context, version: policy.version, effect: "Allow", kind };
  const block = ownProperty(body, "Condition");
  if (block !== undefined) {
    // A block or operator the grammar rejects cannot reach here (the compiler rejects it): it fails as one test.
    if (!isObject(block)) tests.push({ test: { kind: "condition", operator: "", key: "" }, holds: () => false, seen: () => ({ kind: "absent" }) });
    else {
      for (const [operatorName, keyMap] of Object.entries(block)) {
        const operator = parseOperator(operatorName);
        const keys = isObject(keyMap) ? Object.entries(keyMap) : [];
        if (operator === undefined || !isObject(keyMap)) {
          tests.push({ test: { kind: "condition", operator: operatorName, key: "" }, holds: () => false, seen: () => ({ kind: "absent" }) });
          continue;
        }
        for (const [keyName, raw] of keys) {
          tests.push({
            test: { kind: "condition", operator: operatorName, key: keyName.toLowerCase() },
            holds: () => keyHolds(operator, keyName, raw, scope),
            seen: () => seenOf(context.entry(keyName)),
          });
        }
      }
    }
  }
  const named = { policy: policy.location, statement: statement.index, ...(statement.sid === undefined ? {} : { sid: statement.sid }) };
  const failing = tests.findIndex((t) => !t.holds());
  if (failing < 0) return [{ ...named, passed: tests.length, tests: tests.length }];
  const failed = tests[failing]!;
  return [{ ...named, passed: failing, tests: tests.length, failed: { test: failed.test, seen: failed.seen() } }];
}

function seenOf(entry: ContextEntry): ReferenceSeen {
  if (entry.kind === "present") return { kind: "values", values: [...entry.values] };
  return { kind: entry.kind };
}
