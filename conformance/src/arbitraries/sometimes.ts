// `sometimes(arb, percent)`: the value of `arb` about `percent` times in a hundred, else `null`.
// (fast-check's `option` takes the inverse, a `freq` of nulls; this reads the way the generators mean it.)
import fc from "fast-check";

/** `arb`'s value with probability `percent`/100, otherwise `null`. */
export function sometimes<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(null) }, { weight: percent, arbitrary: arb });
}
