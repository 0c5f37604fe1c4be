// Keeps generated contexts consistent with the keys AWS derives from the caller (DESIGN §2,
// docs/request-model.md): a context entry for aws:PrincipalArn, aws:username, kms:CallerAccount, …
// that contradicts the request's principal would make the request a KR0009 error, so such an entry
// takes the caller's value, or is dropped when the value is not a single string (a session's role
// ARN, a key AWS never sets for this caller). Phase: conformance generators.
import { acceptsGiven, callerDerived, derivedKeyIndex, parseCaller } from "@kms-cedar/runtime";
import type { Check, GeneratedRequest } from "./request-arbitraries.js";

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
