// The oracle's entry point: decides one request or one operation against a bundle of plain JSON
// policy documents, straight from spec/iam-semantics.md (§5.3–§5.5) and docs/request-model.md.

import { identityPoliciesOf, keyPolicyOf } from "./bundle.js";
import { withCallerKeys } from "./caller-keys.js";
import { decideIdentityOnlyRequest, decideKeyRequest } from "./kms-decision.js";
import { combineChecks } from "./operation.js";
import { readRequest } from "./request.js";
import { readShape } from "./request-shape.js";
import type { ReferenceBundle, ReferenceOperation, ReferenceRequest, ReferenceResult } from "./types.js";

/**
 * Decides `request` — one check (DESIGN §2) or an operation `{ operation, checks }` (§5.5) — for the
 * policies of `bundle` (`{ keys: { [keyArn]: { policy } }, principals: { [arn]: { policies } } }`,
 * documents inline as JSON values). Returns a decision with its reasons, or an error entry
 * (KR0001–KR0009) for a request it cannot decide. Never throws on user input.
 */
export function evaluateReference(bundle: ReferenceBundle, request: ReferenceRequest | ReferenceOperation | unknown): ReferenceResult {
  // docs/request-model.md "Errors": the shape of the whole input (every check) first, then each check.
  const shape = readShape(request);
  if (typeof shape !== "string") return shape;
  if (shape === "operation") {
    const checks = Array.from((request as { checks: unknown[] }).checks);
    const results: ReferenceResult[] = [];
    for (const check of checks) {
      const result = decideCheck(bundle, check);
      results.push(result);
      if ("error" in result) break;
    }
    return combineChecks(results);
  }
  return decideCheck(bundle, request);
}

/** One check: read it, find its policies, pick the kind of decision (docs/request-model.md). */
export function decideCheck(bundle: unknown, request: unknown): ReferenceResult {
  const parsed = readRequest(request);
  if ("error" in parsed) return parsed;
  const keyPolicy = parsed.target.kind === "key" ? keyPolicyOf(bundle, parsed.target.arn) : undefined;
  if (parsed.target.kind === "key" && keyPolicy === undefined) {
    return { error: { code: "KR0004", message: `unknown key \`${parsed.target.arn}\`` } };
  }
  // AWS: §6.4, §6.5 — the keys AWS sets from the caller; a context that contradicts one is KR0009.
  const context = withCallerKeys(parsed.context, parsed.rawContext, parsed.caller, parsed.action, parsed.target, bundle);
  if ("error" in context) return context;
  const read = { ...parsed, context };
  const identity = identityPoliciesOf(bundle, read.caller);
  if (read.target.kind !== "key" || keyPolicy === undefined) return decideIdentityOnlyRequest(read, identity);
  // RetireGrant (class "grant") is decided here too: its Denies apply, its Allows never do.
  return decideKeyRequest(read, keyPolicy, identity);
}
