// The pair test `m(r, p)` of each positive base operator (spec §2.3–§2.9): does request value r match
// policy value p. A policy value that does not parse matches nothing; so does a request value that
// does not parse. Plain policy values are parsed once; resolved values keep their literal chunks.
import { compileArnPattern, matchArnPattern } from "../operators/arn-pattern.js";
import { decodeBase64 } from "../operators/binary.js";
import { parseBool } from "../operators/bool.js";
import { parseInstant } from "../operators/date.js";
import { compareDecimals, compareDecimalText, parseDecimal } from "../operators/decimal.js";
import type { Decimal } from "../operators/decimal.js";
import { compileGlob, matchGlob } from "../operators/glob.js";
import type { GlobChunk } from "../operators/glob.js";
import { isIpAddress, matchIp, parseCidr } from "../operators/ip.js";

/** `m(r)` for one policy value. */
export type PairTest = (r: string) => boolean;

/** Builds the pair test of one plain policy value `p` for a positive base operator. */
export function pairTest(base: string, p: string): PairTest {
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

/**
 * Whether a request value can be read as the type of `base` (a positive operator): a number, a date, an
 * IP address, a Bool, base64; undefined for the operators that read any string. Deviation 46: a key with
 * a value that cannot be read is undecided (fail closed), not a value no pair matches (which made the
 * negated operators hold in an Allow: `NumericNotEquals 0` on `"0e0"`, `NotIpAddress` on a non-address).
 */
export function requestValueReader(base: string): ((r: string) => boolean) | undefined {
  switch (base) {
    case "Bool": return (r) => parseBool(r) !== undefined;
    case "BinaryEquals": return (r) => decodeBase64(r) !== undefined;
    case "IpAddress": return isIpAddress;
  }
  if (base.startsWith("Numeric")) return (r) => parseDecimal(r) !== undefined;
  if (base.startsWith("Date")) return (r) => instantOf(r) !== undefined;
  return undefined;
}

/**
 * The pair test of a policy value whose variables were resolved (spec §4.4): pattern operators keep
 * the chunks (substituted text is literal, A24); the others compare the plain text.
 */
export function resolvedPairTest(base: string, chunks: readonly GlobChunk[]): PairTest {
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

/** The plain text of resolved chunks (for operators without wildcards). */
export function chunksText(chunks: readonly GlobChunk[]): string {
  let out = "";
  for (let i = 0; i < chunks.length; i++) out += chunks[i]!.text;
  return out;
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
