// The batch API (issue 14): `decideMany(requests)` on both authorizers decides a list in order, as
// `decide` would decide each entry. One loop and one preallocated result array; each entry's
// errors stay in its own result (decide never throws for a bad entry), so one bad request cannot
// hide the decisions of the others.
import type { DecisionResult } from "./contracts.js";

/** `decide` over `requests`, in order. Throws only when `requests` is not an array (a caller bug). */
export function decideEach<R>(requests: readonly R[], decide: (request: R) => DecisionResult): DecisionResult[] {
  if (!Array.isArray(requests)) throw new TypeError("decideMany: `requests` must be an array");
  const out = new Array<DecisionResult>(requests.length);
  for (let i = 0; i < requests.length; i++) out[i] = decide(requests[i]!);
  return out;
}
