// The oracle's entry point: decides one request or one operation against a bundle of plain JSON
// policy documents, straight from spec/iam-semantics.md (§5.3–§5.5) and docs/request-model.md.

import { ambiguousRoleCaller } from "./bare-role.js";
import { identityPoliciesOf, keyPolicyOf, strayMemberOf } from "./bundle.js";
import { withCallerKeys } from "./caller-keys.js";
import { parseCaller } from "./caller.js";
import { chainOf } from "./chain.js";
import type { RequestContext } from "./context.js";
import { alwaysSetKeys, conditionContext } from "./context.js";
import { allowingGrants } from "./grants.js";
import { guardInput } from "./guard-input.js";
import { ownProperty } from "./json-shape.js";
import { decideIdentityOnlyRequest, decideKeyRequest, identityTarget } from "./kms-decision.js";
import { endpointOf, endpointsOf, federatedByOf, federatingUserPolicies, keyEntryOf, organizationOf, placeOf } from "./layers-bundle.js";
import type { PolicyView } from "./policy.js";
import { combineChecks } from "./operation.js";
import { readRequest, type ReadRequest } from "./request.js";
import { readShape } from "./request-shape.js";
import type { ReferenceBundle, ReferenceError, ReferenceOperation, ReferenceRequest, ReferenceResult } from "./types.js";

/**
 * Decides `request` — one check (DESIGN §2) or an operation `{ operation, checks }` (§5.5) — for the
 * policies of `bundle` (`{ keys: { [keyArn]: { policy } }, principals: { [arn]: { policies } } }`,
 * documents inline as JSON values). Returns a decision with its reasons, or an error entry
 * (KR0001–KR0013) for a request it cannot decide. Never throws on user input.
 */
export function evaluateReference(bundle: ReferenceBundle, request: ReferenceRequest | ReferenceOperation | unknown): ReferenceResult {
  return guardInput(bundle, request, evaluateInput);
}

function evaluateInput(bundle: unknown, request: unknown): ReferenceResult {
  // docs/request-model.md "Errors": the shape of the whole input (every check) first, then each check.
  const shape = readShape(request);
  if (typeof shape !== "string") return shape;
  if (shape === "operation") {
    // The copy readOnce made (its checks read once, bounded): a plain array.
    const checks = (request as { checks: unknown[] }).checks;
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

/** One check: read it, find its policies and layers, pick the kind of decision (docs/request-model.md). */
export function decideCheck(bundle: unknown, request: unknown): ReferenceResult {
  const parsed = readRequest(request);
  if ("error" in parsed) return parsed;
  const keyPolicy = parsed.target.kind === "key" ? keyPolicyOf(bundle, parsed.target.arn) : undefined;
  if (parsed.target.kind === "key" && keyPolicy === undefined) {
    return { error: { code: "KR0004", message: `unknown key \`${parsed.target.arn}\`` } };
  }
  // docs/request-model.md "The caller": a role ARN as caller that the bundle makes ambiguous (KR0012).
  const ambiguous = ambiguousRoleCaller(bundle, parsed.caller);
  if (ambiguous !== undefined) return ambiguous;
  // AWS: §6.4, §6.5 — the keys AWS sets from the caller; a context that contradicts one is KR0009.
  const context = withCallerKeys(parsed.context, parsed.rawContext, parsed.caller, parsed.action, parsed.target, bundle);
  if ("error" in context) return context;
  // docs/semantics/vpc-endpoint-policy.md §2: the endpoint named by aws:SourceVpce (KR0010, KR0011).
  const endpoint = endpointOfRequest(bundle, context);
  if (endpoint !== undefined && "error" in endpoint) return endpoint;
  const read = { ...parsed, context: conditionContext(context, parsed.rawContext, alwaysSetOf(bundle, parsed)) };
  const stray = strayMemberOf(bundle, read.caller, read.target.kind === "key" ? read.target.arn : undefined);
  if (stray !== undefined) return { decision: "ExplicitDeny", reasons: [{ policy: stray, statement: 0, effect: "Deny", path: "deny" }] };
  const identity = [...identityPoliciesOf(bundle, read.caller), ...federatingUserPolicies(bundle, read.caller)];
  const keyEntry = read.target.kind === "key" ? keyEntryOf(bundle, read.target.arn) : undefined;
  // rcp.md §2: RCPs apply to key and alias resources, not to AWS managed keys, not to RetireGrant.
  const awsManaged = keyEntry !== undefined && ownProperty(keyEntry, "awsManaged") === true;
  const federating = federatedByOf(bundle, read.caller);
  const federatingCaller = federating === undefined ? undefined : parseCaller(federating);
  const federatedBy = federatingCaller?.kind === "user" ? federatingCaller : undefined;
  const chain = chainOf({
    bundle, request: read, iam: identityTarget(read), endpoint: endpoint?.policy,
    rcp: read.target.kind !== "none" && !awsManaged && read.action.name !== "RetireGrant", federatedBy,
  });
  if (read.target.kind !== "key" || keyPolicy === undefined) return decideIdentityOnlyRequest(read, identity, chain);
  // RetireGrant (class "grant") is decided here too: its Denies apply, its Allows never do.
  return decideKeyRequest(read, keyPolicy, identity, {
    chain,
    grants: allowingGrants(keyEntry, read.target.arn, read.caller, read.action.name, read.rawContext),
    federatedBy,
  });
}

/**
 * Deviations 49, 50, 51: the keys AWS always includes in this request's context (context.ts `alwaysSetKeys`).
 * An account is in the organization when it is the management account or a leaf of the tree (`placeOf`;
 * an organization the oracle cannot read holds every account: more unknown keys, fail closed).
 */
export function alwaysSetOf(bundle: unknown, parsed: ReadRequest): string[] {
  const organization = organizationOf(bundle);
  const inOrganization = (account: string): boolean => organization !== undefined && placeOf(organization, account).kind !== "outside";
  const callerAccount = parsed.caller.kind === "service" ? undefined : parsed.caller.account;
  const resourceAccount = parsed.target.kind === "none" ? undefined : parsed.target.account;
  return alwaysSetKeys(inOrganization, parsed.caller.kind, callerAccount, resourceAccount, parsed.action.name);
}

/**
 * docs/semantics/vpc-endpoint-policy.md §2: with an `endpoints` section, a request with `aws:SourceVpce`
 * goes through that endpoint (unknown id: KR0010), and the network keys must be consistent (KR0011):
 * `aws:SourceIp` is absent on the endpoint path, `aws:SourceVpc` / `aws:VpcSourceIp` only exist on it,
 * and a given `vpc` must be the request's `aws:SourceVpc`. Without `endpoints`: undefined (not modelled).
 */
function endpointOfRequest(bundle: unknown, context: RequestContext): { policy: PolicyView } | ReferenceError | undefined {
  const endpoints = endpointsOf(bundle);
  if (endpoints === undefined) return undefined;
  const vpce = context.entry("aws:SourceVpce");
  const inconsistent = (why: string): ReferenceError => ({ error: { code: "KR0011", message: `inconsistent network keys: ${why}` } });
  if (vpce.kind === "absent") {
    if (context.entry("aws:SourceVpc").kind !== "absent") return inconsistent("`aws:SourceVpc` without `aws:SourceVpce`");
    if (context.entry("aws:VpcSourceIp").kind !== "absent") return inconsistent("`aws:VpcSourceIp` without `aws:SourceVpce`");
    return undefined;
  }
  if (vpce.kind === "ambiguous" || vpce.values.length !== 1) return inconsistent("`aws:SourceVpce` must have one value");
  if (context.entry("aws:SourceIp").kind !== "absent") return inconsistent("`aws:SourceIp` is absent on requests through a VPC endpoint");
  const id = vpce.values[0]!;
  const found = endpointOf(endpoints, id);
  if (found === undefined) return { error: { code: "KR0010", message: `unknown endpoint \`${id}\`` } };
  if (typeof found.vpc === "string") {
    const vpc = context.entry("aws:SourceVpc");
    if (vpc.kind === "ambiguous" || (vpc.kind === "present" && (vpc.values.length !== 1 || vpc.values[0] !== found.vpc))) {
      return inconsistent(`\`aws:SourceVpc\` is not the VPC of \`${id}\``);
    }
  }
  return { policy: found.policy };
}
