// Decodes AVP's answer (IsAuthorized, or one BatchIsAuthorized result) into a kms-cedar Decision. AVP
// names determining policies by the ids it assigned at CreatePolicy, so the caller passes the map
// from those ids to our policy names (recorded when the store was loaded, docs/deployment.md). An
// evaluation error, an unknown decision or an unknown policy id is an error entry, never an Allow.
import type { Decision, DecisionResult, Reason } from "../contracts.js";
import type { AvpManifest, AvpManifestPolicy } from "./avp-manifest.js";
import { AVP_REQUEST_CODES } from "./avp-quotas.js";
import type { AvpAnswer } from "./avp-types.js";

export type AvpAnswerDecoder = (answer: AvpAnswer) => DecisionResult;

/**
 * A decoder for one policy store: `policyIds` maps each AVP policy id to the `name` of a policy of the
 * manifest (an object or a Map).
 */
export function createAvpDecoder(manifest: AvpManifest, policyIds: ReadonlyMap<string, string> | Readonly<Record<string, string>>): AvpAnswerDecoder {
  const byName = new Map<string, AvpManifestPolicy>(manifest.policies.map((p) => [p.name, p]));
  const order = new Map<string, number>(manifest.policies.map((p, i) => [p.name, i]));
  const ids = policyIds instanceof Map ? new Map(policyIds) : new Map(Object.entries(policyIds as Record<string, string>));

  return (answer) => {
    if (answer.errors !== undefined && answer.errors.length > 0) {
      const text = answer.errors.map((e) => e.errorDescription ?? "(no description)").join("; ");
      return failure(AVP_REQUEST_CODES.evaluationErrors, `AVP reported evaluation errors: ${text}`);
    }
    if (answer.decision !== "ALLOW" && answer.decision !== "DENY") return failure(AVP_REQUEST_CODES.unreadableAnswer, `AVP answered an unknown decision \`${String(answer.decision)}\``);
    const determining: AvpManifestPolicy[] = [];
    for (const item of answer.determiningPolicies ?? []) {
      const name = item.policyId === undefined ? undefined : ids.get(item.policyId);
      const policy = name === undefined ? undefined : byName.get(name);
      if (policy === undefined) return failure(AVP_REQUEST_CODES.unreadableAnswer, `AVP named a determining policy \`${String(item.policyId)}\` that the policy id map does not know`);
      determining.push(policy);
    }
    determining.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
    return toDecision(answer.decision === "ALLOW", determining);
  };
}

/** Reasons of the policies with `role`, each source statement once (a split policy has several parts). */
function reasons(determining: readonly AvpManifestPolicy[], role: string): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  for (const p of determining) {
    if (p.role !== role || p.reason === undefined || seen.has(p.source)) continue;
    seen.add(p.source);
    out.push(p.reason);
  }
  return out;
}

function toDecision(allowed: boolean, determining: readonly AvpManifestPolicy[]): Decision {
  if (allowed) return { decision: "Allow", reasons: reasons(determining, "allow") };
  const denies = reasons(determining, "deny");
  if (denies.length > 0) return { decision: "ExplicitDeny", reasons: denies };
  return { decision: "ImplicitDeny", reasons: [] };
}

function failure(code: string, message: string): DecisionResult {
  return { error: { code, message } };
}
