// The oracle's entry point: decides one request or one operation against a bundle of plain JSON
// policy documents, straight from spec/iam-semantics.md (§5.3–§5.5) and docs/request-model.md.

import { identityPoliciesOf, keyPolicyOf } from "./bundle.js";
import { isObject } from "./json-shape.js";
import { decideIdentityOnlyRequest, decideKeyRequest } from "./kms-decision.js";
import { combineChecks } from "./operation.js";
import { readRequest } from "./request.js";
import type { ReferenceBundle, ReferenceOperation, ReferenceRequest, ReferenceResult } from "./types.js";

/**
 * Decides `request` — one check (DESIGN §2) or an operation `{ operation, checks }` (§5.5) — for the
 * policies of `bundle` (`{ keys: { [keyArn]: { policy } }, principals: { [arn]: { policies } } }`,
 * documents inline as JSON values). Returns a decision with its reasons, or an error entry
 * (KR0001–KR0007) for a request it cannot decide. Never throws on user input.
 */
export function evaluateReference(bundle: ReferenceBundle, request: ReferenceRequest | ReferenceOperation): ReferenceResult {
  if (isObject(request) && "operation" in request) {
    const { operation, checks } = request as { operation?: unknown; checks?: unknown };
    if (typeof operation !== "string" || !Array.isArray(checks) || checks.length === 0) {
      return { error: { code: "KR0007", message: "an operation needs a string `operation` and a non-empty `checks` array" } };
    }
    return combineChecks(checks.map((check) => decideCheck(bundle, check)));
  }
  return decideCheck(bundle, request);
}

/** One check: read it, find its policies, pick the kind of decision (docs/request-model.md). */
function decideCheck(bundle: unknown, request: unknown): ReferenceResult {
  const read = readRequest(request);
  if ("error" in read) return read;
  const identity = identityPoliciesOf(bundle, read.caller);
  if (read.target.kind !== "key") return decideIdentityOnlyRequest(read, identity);
  const keyPolicy = keyPolicyOf(bundle, read.target.arn);
  if (keyPolicy === undefined) {
    return { error: { code: "KR0004", message: `unknown key \`${read.target.arn}\`` } };
  }
  // RetireGrant (class "grant") is decided here too: its Denies apply, its Allows never do.
  return decideKeyRequest(read, keyPolicy, identity);
}
