// Compiles the policy values of one condition into `m(r)` (spec §2.2): "request value r matches some
// policy value under the positive partner operator". Plain values are parsed once here; values with
// variables are resolved per request (spec §4.4). A pair that does not parse does not match.
import type { GraphValue } from "../graph/graph-types.js";
import { compileArnPattern, matchArnPattern } from "../operators/arn-pattern.js";
import { decodeBase64 } from "../operators/binary.js";
import { parseBool } from "../operators/bool.js";
import { parseInstant } from "../operators/date.js";
import { compareDecimals, compareDecimalText, parseDecimal } from "../operators/decimal.js";
import type { Decimal } from "../operators/decimal.js";
import { compileGlob, matchGlob } from "../operators/glob.js";
import type { GlobChunk } from "../operators/glob.js";
import { matchIp, parseCidr } from "../operators/ip.js";
import type { EvalState } from "./eval-state.js";
import { chunksText, compileTemplate, resolveChunks } from "./template.js";

/**
 * The compiled values of a condition: `m(r)`, and for values with variables a `prepare` step that
 * resolves them for the current request (false when one is undecidable, spec §4.1, A18).
 */
export interface CompiledValues {
  readonly prepare: ((st: EvalState) => boolean) | undefined;
  readonly m: (r: string) => boolean;
}

type PairTest = (r: string) => boolean;

/** Builds the per-pair test of one plain policy value for a positive base operator. */
function pairTest(base: string, p: string): PairTest {
  switch (base) {
    case "StringEquals":
      return (r) => r === p;
    case "StringEqualsIgnoreCase": {
      // DEVIATION: §2.3, A26 — IgnoreCase folds with locale-independent Unicode lower-casing (AWS does not say).
      const lower = p.toLowerCase();
      return (r) => r === p || r.toLowerCase() === lower;
    }
    case "StringLike": {
      const g = compileGlob(p);
      return (r) => matchGlob(g, r);
    }
    case "ArnLike": {
      const a = compileArnPattern(p);
      return (r) => matchArnPattern(a, r);
    }
    case "Bool": {
      const b = parseBool(p);
      return (r) => b !== undefined && parseBool(r) === b;
    }
    case "BinaryEquals": {
      const bytes = decodeBase64(p);
      return (r) => bytes !== undefined && decodeBase64(r) === bytes;
    }
    case "IpAddress": {
      const range = parseCidr(p);
      return (r) => range !== undefined && matchIp(range, r);
    }
  }
  if (base.startsWith("Numeric")) {
    const d = parseDecimal(p);
    const accept = comparison(base.slice("Numeric".length));
    return (r) => d !== undefined && accept(compareDecimalText(r, d));
  }
  if (base.startsWith("Date")) {
    const d = parseInstant(p);
    const accept = comparison(base.slice("Date".length));
    return (r) => {
      if (d === undefined) return false;
      const t = instantOf(r);
      return t !== undefined && accept(compareDecimals(t, d));
    };
  }
  throw new Error(`INVARIANT: no positive operator \`${base}\``);
}

/** Accepts a comparison result (NaN = not comparable) for Equals / LessThan / … suffixes. */
function comparison(suffix: string): (c: number) => boolean {
  switch (suffix) {
    case "Equals": return (c) => c === 0;
    case "LessThan": return (c) => c < 0;
    case "LessThanEquals": return (c) => c <= 0;
    case "GreaterThan": return (c) => c > 0;
    case "GreaterThanEquals": return (c) => c >= 0;
  }
  throw new Error(`INVARIANT: no comparison \`${suffix}\``);
}

// PERF: a one-entry cache, since the same request time is compared with several values.
let lastInstantText: string | undefined;
let lastInstant: Decimal | undefined;
function instantOf(r: string): Decimal | undefined {
  if (r !== lastInstantText) {
    lastInstantText = r;
    lastInstant = parseInstant(r);
  }
  return lastInstant;
}

/** Compiles the values of a condition under its positive base operator. */
export function compileValues(base: string, values: readonly GraphValue[], slotOf: (key: string) => number): CompiledValues {
  const plain = values.filter((v): v is string => typeof v === "string");
  const templated = values.flatMap((v) => (typeof v === "string" ? [] : [compileTemplate(v.template, slotOf)]));
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
  const prepare = (st: EvalState): boolean => {
    for (let i = 0; i < templated.length; i++) {
      const chunks = resolveChunks(templated[i]!, st);
      if (chunks === undefined) return false;
      resolved[i] = chunks === null ? null : dynamicTest(base, chunks);
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

function dynamicTest(base: string, chunks: GlobChunk[]): PairTest {
  if (base === "StringLike") {
    const g = compileGlob(chunks);
    return (r) => matchGlob(g, r);
  }
  if (base === "ArnLike") {
    const a = compileArnPattern(chunks);
    return (r) => matchArnPattern(a, r);
  }
  return pairTest(base, chunksText(chunks));
}
