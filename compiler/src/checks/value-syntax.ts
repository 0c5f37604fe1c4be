// Whether a condition value parses for its operator's type (spec §2.4–§2.10, A14–A16, A34). Phase:
// checks. The graph evaluator's own parsers (runtime/src/operators/) decide, so the compiler accepts
// exactly the values the runtime can read; only the epoch limit below is the compiler's own.
import { decodeBase64, parseBool, parseCidr, parseDecimal, parseInstant } from "@kms-cedar/runtime/conditions";

/** AWS: A16 — IAM rejects epoch values of 2^63 seconds or more (third-party observation). */
const EPOCH_LIMIT = 2n ** 63n;

/** A plain decimal: optional sign, digits, optional fraction (no exponent, hex, NaN, Infinity, blanks). */
export function isNumberValue(text: string): boolean {
  // DEVIATION: §2.4, A15 — AWS gives no number syntax: `[+-]?(\d+(\.\d*)?|\.\d+)` only, no exponent, NaN, Infinity or hex.
  return parseDecimal(text) !== undefined;
}

/** A W3C ISO 8601 date-time (zone optional, `T`/`Z` in either case) or epoch seconds below 2^63. */
export function isDateValue(text: string): boolean {
  // DEVIATION: §2.5, A16 — the W3C forms (zone optional, T/Z any case) and epochs; IAM's own parser accepts more.
  const instant = parseInstant(text);
  // INVARIANT: W3C dates (years 0000–9999) are far below the limit; only epoch values can reach it.
  return instant !== undefined && (instant.int.length < 19 || BigInt(instant.int) < EPOCH_LIMIT);
}

/** An IPv4 or IPv6 address or CIDR range (bare address = /32 or /128). */
export function isIpValue(text: string): boolean {
  // DEVIATION: §2.8, A34 — no leading zeros in IPv4 octets or the prefix; a bare IPv6 address is /128.
  return parseCidr(text) !== undefined;
}

/** Canonical base64 (length a multiple of 4, padding only at the end). */
export function isBase64Value(text: string): boolean {
  // DEVIATION: §2.7 — canonical base64 only; AWS does not say how lenient its decoder is.
  return decodeBase64(text) !== undefined;
}

/** `true` or `false` in any letter case (A14). */
export function isBooleanValue(text: string): boolean {
  // DEVIATION: §2.6, A14 — `TRUE`/`True` read as `true` (third-party observation; checkConditionValues warns).
  return parseBool(text) !== undefined;
}
