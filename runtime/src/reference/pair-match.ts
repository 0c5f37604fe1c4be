// The per-pair comparison `match(pos, r, p)` of spec §2.2, family by family (§2.3–§2.9), and the
// preparation of policy values it needs (variables resolved, typed values checked).

import { arnMatches, isArnText } from "./arn-match.js";
import { decodeBase64, sameBytes } from "./base64.js";
import type { RequestContext } from "./context.js";
import { compareInstant, parseInstant } from "./date.js";
import { compareDecimal, parseDecimal } from "./decimal.js";
import { compileGlob, globMatches, type PatternPiece } from "./glob.js";
import { ipInRange, parseIpAddress, parseIpRange } from "./ip.js";
import type { Comparison, OperatorBase } from "./operators.js";
import { namesVariable, piecesText, resolveVariables } from "./variables.js";

/** A policy value ready to compare: NULL (an unresolvable variable, §4.4) or resolved text. */
export type PolicyValue =
  | { readonly kind: "null" }
  | { readonly kind: "value"; readonly text: string; readonly pieces: readonly PatternPiece[] };

/**
 * Prepares one policy value for a base operator, or returns "fail-closed" when the value cannot be
 * read: a malformed or ambiguous variable, or a literal value its type cannot parse (a compile
 * error; §0.2 then decides). AWS: §4.2 — variables exist only in String, ARN and Bool values.
 */
export function preparePolicyValue(
  base: OperatorBase,
  text: string,
  version: string | undefined,
  context: RequestContext,
): PolicyValue | "fail-closed" {
  const family = base.family;
  // DEVIATION: §2.6, §4.2, A14 — `Bool` values may hold variables (the operators page says yes, the variables page no).
  if (family === "StringEquals" || family === "StringEqualsIgnoreCase" || family === "StringLike" ||
      family === "Arn" || family === "Bool") {
    const resolved = resolveVariables(text, version, context.variable);
    if (resolved.kind === "null") return { kind: "null" };
    if (resolved.kind !== "pattern") return "fail-closed";
    const value = { kind: "value" as const, text: piecesText(resolved.pieces), pieces: resolved.pieces };
    // A literal Bool value must be true/false (§2.6) and a literal ARN value an ARN (§2.9): else the
    // compiler rejects it and §0.2 decides. A value built from a variable is checked per pair
    // (§2.2); the special characters `${*}` `${?}` `${$}` are no variables.
    // DEVIATION: §2.9, §0.2 — a literal ARN value without six components is FCR, not "no match" as §2.9 says.
    if (!namesVariable(text, version)) {
      if (family === "Bool" && readBool(value.text) === undefined) return "fail-closed";
      if (family === "Arn" && !isArnText(value.text)) return "fail-closed";
    }
    return value;
  }
  const value = { kind: "value" as const, text, pieces: [{ text, literal: false }] };
  const readable =
    family === "Numeric" ? parseDecimal(text) !== undefined :
    family === "Date" ? parseInstant(text) !== undefined :
    family === "Ip" ? parseIpRange(text) !== undefined :
    family === "Binary" ? decodeBase64(text) !== undefined :
    true;
  return readable ? value : "fail-closed";
}

/**
 * AWS: §2.2 — does request value `r` match policy value `p` under the positive partner of `base`?
 * NULL matches nothing; a side that cannot be parsed for the operator's type does not match.
 */
export function matchPair(base: OperatorBase, r: string, p: PolicyValue): boolean {
  if (p.kind === "null") return false;
  switch (base.family) {
    // AWS: §2.3 — exact and case-sensitive; `*` and `?` are ordinary characters.
    case "StringEquals": return r === p.text;
    // AWS: §2.3, A26 — locale-independent Unicode lower-casing of both sides.
    // DEVIATION: §2.3, A26 — locale-independent Unicode lower-casing (AWS does not say).
    case "StringEqualsIgnoreCase": return r.toLowerCase() === p.text.toLowerCase();
    // AWS: §2.3 — glob, case-sensitive, `*` crosses every character including "/" and ":".
    case "StringLike": return globMatches(compileGlob(p.pieces, "anywhere"), r);
    case "Numeric": {
      const [a, b] = [parseDecimal(r), parseDecimal(p.text)];
      return a !== undefined && b !== undefined && holds(base.comparison, compareDecimal(a, b));
    }
    case "Date": {
      const [a, b] = [parseInstant(r), parseInstant(p.text)];
      return a !== undefined && b !== undefined && holds(base.comparison, compareInstant(a, b));
    }
    case "Bool": {
      const [a, b] = [readBool(r), readBool(p.text)];
      return a !== undefined && a === b;
    }
    // AWS: §2.7 — byte for byte; the request carries binary values as base64 text too.
    case "Binary": {
      const [a, b] = [decodeBase64(r), decodeBase64(p.text)];
      return a !== undefined && b !== undefined && sameBytes(a, b);
    }
    case "Ip": {
      const [address, range] = [parseIpAddress(r), parseIpRange(p.text)];
      return address !== undefined && range !== undefined && ipInRange(address, range);
    }
    case "Arn": return arnMatches(p.pieces, r);
    case "Null": return false; // INVARIANT: Null never reaches pair matching (§2.10 is separate).
  }
}

/** Whether request value `r` can be read as the type of `base`'s family (strings and ARNs: always). */
export function readsAs(base: OperatorBase, r: string): boolean {
  switch (base.family) {
    case "Numeric": return parseDecimal(r) !== undefined;
    case "Date": return parseInstant(r) !== undefined;
    case "Bool": return readBool(r) !== undefined;
    case "Binary": return decodeBase64(r) !== undefined;
    case "Ip": return parseIpAddress(r) !== undefined;
    default: return true;
  }
}

/** AWS: §2.6, A14 — `true`/`false` in any letter case. */
export function readBool(text: string): boolean | undefined {
  // DEVIATION: §2.6, A14 — `TRUE`/`True` count as `true` (third-party observation; AWS does not say).
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : undefined;
}

/** Reads a comparison result `r ⋚ p` for the operator's comparison. */
function holds(comparison: Comparison, order: number): boolean {
  switch (comparison) {
    case "eq": return order === 0;
    case "lt": return order < 0;
    case "le": return order <= 0;
    case "gt": return order > 0;
    case "ge": return order >= 0;
  }
}
