// docs/request-model.md "Shapes": an input whose reading throws (a getter, a Proxy built in code), or
// runs another evaluation of the oracle (a getter calling it), is KR0007, never a decision, as in the
// other engines (whose state such a call overwrites; the oracle keeps none, but answers the same).
// JSON input can do neither. Written for the oracle on its own.
import type { ReferenceError } from "./types.js";

/** How many guarded evaluations have begun. */
let begun = 0;

/** `evaluate()`, or KR0007 when it threw or another guarded evaluation ran inside it. */
export function guardInput<R>(evaluate: () => R): R | ReferenceError {
  const mine = ++begun;
  let result: R;
  try {
    result = evaluate();
  } catch {
    return { error: { code: "KR0007", message: "malformed request: reading it threw an exception" } };
  }
  if (begun !== mine) return { error: { code: "KR0007", message: "malformed request: reading it ran another decision (a getter or a Proxy called the engine)" } };
  return result;
}
