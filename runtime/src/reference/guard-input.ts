// docs/request-model.md "Shapes", "Errors": the oracle reads its request once (read-once.ts), then its
// bundle (bundle-bounds.ts), then decides on the two copies. A request whose reading throws (a getter, a
// Proxy), or runs another evaluation of the oracle (a getter calling it), is KR0007, never a decision, as in the
// other engines (whose state such a call overwrites; the oracle keeps none, but answers the same). A
// bundle that cannot be read — its reading throws or runs another evaluation, or it is no JSON file a
// compiler would load — is KR0013: the bundle is at fault, not the request. JSON input can do none of
// this. Written for the oracle on its own.
import { readBundleOnce } from "./bundle-bounds.js";
import { readOnce } from "./read-once.js";
import type { ReferenceError } from "./types.js";

/** How many guarded evaluations have begun. */
let begun = 0;

const failure = (code: string, message: string): ReferenceError => ({ error: { code, message } });
const REENTERED = "reading it ran another decision (a getter or a Proxy called the engine)";

/**
 * `evaluate(bundle, read)`, `read` the request read once; KR0007 when reading the request threw or ran
 * another guarded evaluation, KR0013 when the bundle cannot be read. The oracle then decides on the two
 * copies alone, so whatever throws after the request was read is the bundle's doing: KR0013 too.
 */
export function guardInput<R>(bundle: unknown, request: unknown, evaluate: (bundle: unknown, read: unknown) => R): R | ReferenceError {
  const mine = ++begun;
  let read: unknown;
  try {
    read = readOnce(request);
  } catch {
    return failure("KR0007", "malformed request: reading it threw an exception");
  }
  if (begun !== mine) return failure("KR0007", `malformed request: ${REENTERED}`);
  let result: R;
  try {
    const once = readBundleOnce(bundle);
    if ("why" in once) return failure("KR0013", once.why);
    if (begun !== mine) return failure("KR0013", `the bundle cannot be read: ${REENTERED}`);
    result = evaluate(once.bundle, read);
  } catch {
    return failure("KR0013", "the bundle cannot be read: reading it threw an exception");
  }
  if (begun !== mine) return failure("KR0013", `the bundle cannot be read: ${REENTERED}`);
  return result;
}
