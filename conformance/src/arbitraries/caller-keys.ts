// Keys AWS sets from the caller's identity on every request (DESIGN §2; docs/request-model.md): the
// engines derive them from `principal`. Generated requests mostly leave them out (the case the
// audit found: a Deny on `aws:PrincipalArn` that did not fire), sometimes give the value AWS would,
// and rarely another value (a request error). Written from the global-condition-key docs, only for
// the callers whose values are certain. Phase: conformance generators.
import fc from "fast-check";
import { acceptsGiven, callerDerived, derivedKeyIndex, parseCaller } from "@kms-cedar/runtime";
import { CALLER_DERIVED_KEYS } from "./condition-keys.js";
import type { Check, Context, GeneratedRequest } from "./request-arbitraries.js";

const IAM_CALLER = /^arn:aws:(iam|sts)::(\d{12}):(root|user\/(?:[^/]+\/)*([^/]+)|role\/.+|federated-user\/.+|assumed-role\/.+)$/;

/** The derived keys whose value is certain for `principal` (lower-cased names), or none. */
export function certainCallerKeys(principal: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const m = IAM_CALLER.exec(principal);
  if (m === null) return out;
  const [, service, account, rest, userName] = m as unknown as [string, string, string, string, string | undefined];
  out.set("aws:principalaccount", account);
  out.set("kms:calleraccount", account);
  // AWS: a user's or root's own ARN; a role session's is the role's ARN (with its path), which the session ARN does not carry.
  if (service === "iam" && (rest === "root" || rest.startsWith("user/"))) out.set("aws:principalarn", principal);
  if (service === "iam" && rest.startsWith("user/") && userName !== undefined) out.set("aws:username", userName);
  return out;
}

const DERIVED = new Set(CALLER_DERIVED_KEYS.map((k) => k.toLowerCase()));

/** Rewrites a check's caller-derived context keys: mostly removed, sometimes the derived value, rarely kept as generated. */
export function withCallerKeys(check: fc.Arbitrary<Check>): fc.Arbitrary<Check> {
  return fc.tuple(check, fc.integer({ min: 0, max: 19 })).map(([c, pick]) => {
    const context: Context = {};
    const certain = certainCallerKeys(c.principal);
    for (const k of Object.keys(c.context)) {
      const lower = k.toLowerCase();
      if (!DERIVED.has(lower)) Object.defineProperty(context, k, { value: c.context[k], enumerable: true, writable: true, configurable: true });
      else if (pick < 14) continue; // left out: the engines derive it
      else if (pick < 19) {
        const v = certain.get(lower);
        if (v !== undefined) context[k] = v;
      } else context[k] = c.context[k]; // as generated: a conflict is a request error
    }
    return { ...c, context };
  });
}

// Used where a generated request must stay decidable (truth-rate tests): contradicting entries are
// made consistent with the principal instead of becoming a request error.

/** The request with every caller-derived context entry made consistent with its principal. */
export function withConsistentCallerKeys(request: GeneratedRequest): GeneratedRequest {
  if ("checks" in request) return { ...request, checks: request.checks.map(consistentCheck) };
  return consistentCheck(request);
}

function consistentCheck(check: Check): Check {
  const caller = typeof check.principal === "string" ? parseCaller(check.principal) : undefined;
  if (caller === undefined || typeof check.context !== "object" || check.context === null) return check;
  const derived = callerDerived(caller, () => undefined);
  const context = { ...check.context };
  for (const name of Object.keys(context)) {
    const i = derivedKeyIndex(name.toLowerCase());
    const d = i < 0 ? undefined : derived[i];
    if (d === undefined || d.kind === "free") continue;
    const value = context[name];
    const values = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    if (values.every((v) => typeof v === "string" && acceptsGiven(d, v)) && new Set(values).size <= 1) continue;
    if (d.kind === "value") context[name] = d.value;
    else delete context[name];
  }
  return { ...check, context };
}
