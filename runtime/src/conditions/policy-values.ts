// Compiles the policy values of one condition into `m(r)` (spec §2.2): "request value r matches some
// policy value under the positive partner operator". Plain values are parsed once here; values with
// variables are resolved per request (spec §4.4) by the engine's template reader. A pair that does
// not parse does not match.
import type { GraphTemplatePart, GraphValue } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import { pairTest, resolvedPairTest } from "./pair-test.js";
import type { PairTest } from "./pair-test.js";

/** How an engine resolves a template for its request state `S` (see resolveTemplate). */
export interface TemplateReader<T, S> {
  compile(parts: readonly GraphTemplatePart[]): T;
  resolve(template: T, source: S): GlobChunk[] | null | undefined;
}

/**
 * The compiled values of a condition: `m(r)`, and for values with variables a `prepare` step that
 * resolves them for the current request (false when one is undecidable, spec §4.1, A18).
 * INVARIANT: `prepare` runs before `m` in each request (decisions are not re-entrant).
 */
export interface CompiledValues<S> {
  readonly prepare: ((source: S) => boolean) | undefined;
  readonly m: PairTest;
}

/** Compiles the values of a condition under its positive base operator. */
export function compilePolicyValues<T, S>(
  base: string, values: readonly GraphValue[], reader: TemplateReader<T, S>,
): CompiledValues<S> {
  const plain = values.filter((v): v is string => typeof v === "string");
  const templated = values.flatMap((v) => (typeof v === "string" ? [] : [reader.compile(v.template)]));
  let fixed: PairTest;
  if (base === "StringEquals" && plain.length > 4) {
    const set = new Set(plain);
    fixed = (r) => set.has(r);
  } else if (plain.length === 1) {
    fixed = pairTest(base, plain[0]!);
  } else {
    const tests = plain.map((p) => pairTest(base, p));
    fixed = (r) => {
      for (let i = 0; i < tests.length; i++) if (tests[i]!(r)) return true;
      return false;
    };
  }
  if (templated.length === 0) return { prepare: undefined, m: fixed };
  // PERF: values with variables are resolved and compiled once per request (they allocate).
  const resolved: (PairTest | null)[] = templated.map(() => null);
  const prepare = (source: S): boolean => {
    for (let i = 0; i < templated.length; i++) {
      const chunks = reader.resolve(templated[i]!, source);
      if (chunks === undefined) return false;
      resolved[i] = chunks === null ? null : resolvedPairTest(base, chunks); // NULL matches nothing
    }
    return true;
  };
  const m = (r: string): boolean => {
    if (fixed(r)) return true;
    for (let i = 0; i < resolved.length; i++) if (resolved[i]?.(r) === true) return true;
    return false;
  };
  return { prepare, m };
}
