// Arbitraries over arrays of any length. `fc.constantFrom(...values)` and `fc.tuple(...arbitraries)`
// pass every element as a function argument, which overflows the call stack for the hundreds of
// thousands of values a 20 MB policy mentions. Phase: conformance verify.
import fc from "fast-check";

/** One of `values` (non-empty), like `fc.constantFrom`, shrinking towards the first. */
export function oneOfValues<T>(values: readonly T[]): fc.Arbitrary<T> {
  if (values.length === 0) throw new Error("internal error: oneOfValues needs at least one value");
  // Unbiased, so it draws the same values as `fc.constantFrom` does for the same seed.
  return fc.noBias(fc.nat(values.length - 1)).map((i) => values[i] as T);
}

/** Every arbitrary's value, in order, like `fc.tuple`, built from tuples of at most 256 members. */
export function allOf<T>(arbitraries: readonly fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  const CHUNK = 256;
  if (arbitraries.length <= CHUNK) return fc.tuple(...arbitraries).map((values) => [...values]);
  const chunks: fc.Arbitrary<T[]>[] = [];
  for (let i = 0; i < arbitraries.length; i += CHUNK) chunks.push(allOf(arbitraries.slice(i, i + CHUNK)));
  return allOf(chunks).map((parts) => parts.flat());
}
