// The batch API (issue 14): `decideMany(requests)` on both authorizers decides a list in order, as
// `decide` would decide each entry. One loop and one preallocated result array; each entry's
// errors stay in its own result (decide never throws for a bad entry), so one bad request cannot
// hide the decisions of the others.
import type { DecisionResult } from "./contracts.js";
import { unreadableInput } from "./request/request-errors.js";

/** The most requests one `decideMany` call takes: a longer list is a caller bug (or a Proxy's made-up length). */
export const MAX_BATCH = 2 ** 24;

/**
 * `decide` over `requests`, in order. Throws a TypeError only when `requests` is not an array (a caller
 * bug), or an array whose length cannot be read (a Proxy whose trap throws) or is over MAX_BATCH. The list is read once, as decide
 * reads an input once (docs/request-model.md "Shapes"): its length once, each entry once; an entry
 * whose reading throws (a getter, a Proxy) is that entry's KR0007, as decide answers such an input.
 */
export function decideEach<R>(requests: readonly R[], decide: (request: R) => DecisionResult): DecisionResult[] {
  if (!Array.isArray(requests)) throw new TypeError("decideMany: `requests` must be an array");
  let length: number;
  try {
    length = requests.length;
  } catch {
    throw new TypeError("decideMany: the length of `requests` cannot be read");
  }
  // A sparse `new Array(2 ** 32 - 1)` would be billions of decisions; a Proxy may say any length.
  if (!(length <= MAX_BATCH)) throw new TypeError(`decideMany: at most ${MAX_BATCH} requests a call`);
  const out = new Array<DecisionResult>(length);
  for (let i = 0; i < length; i++) {
    let request: R;
    try {
      request = requests[i]!;
    } catch {
      out[i] = unreadableInput();
      continue;
    }
    out[i] = decide(request);
  }
  return out;
}
