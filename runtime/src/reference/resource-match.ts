// Resource / NotResource matching (spec §1.7, §4.2, §4.4): `*`, or an ARN pattern whose wildcards
// follow the §1.7 algorithm, with policy variables allowed in the resource part only.

import type { ElementMatch } from "./action-match.js";
import { matchesSomeRegion } from "./any-region-match.js";
import type { RequestContext } from "./context.js";
import { compileGlob, globMatches } from "./glob.js";
import { readStringList } from "./json-shape.js";
import { resolveVariables, VARIABLES_VERSION } from "./variables.js";

/**
 * The request resource `*` (docs/request-model.md) names no Region: it stands for the synthetic
 * `arn:P:kms:R:A:*` of §1.7 / A20 with the caller's partition P and account A, Region R unknown.
 */
export interface AnyRegion {
  readonly partition: string;
  readonly account: string;
}

/**
 * AWS: §1.7 — true when `resource` matches one of the patterns. A pattern whose variable cannot
 * be resolved matches nothing (§4.4). A pattern IAM would reject (not `*` or `arn:…`, a wildcard in
 * the service segment, a variable before the fifth colon, a malformed or ambiguous variable)
 * makes the whole element "malformed". Against the resource `*`, a pattern other than `*` that
 * matches the synthetic resource in some Region is "undecidable" (FCR, §0.2).
 */
export function resourceListMatches(
  patterns: unknown,
  resource: string,
  version: string | undefined,
  context: RequestContext,
  anyRegion?: AnyRegion,
): ElementMatch {
  const list = readStringList(patterns);
  if (list === undefined) return "malformed";
  let matched = false;
  let undecidable = false;
  for (const pattern of list) {
    const result = patternMatches(pattern, resource, version, context, anyRegion);
    if (result === "malformed") return "malformed";
    if (result === "undecidable") undecidable = true;
    else matched ||= result;
  }
  return matched ? true : undecidable ? "undecidable" : false;
}

function patternMatches(
  pattern: string,
  resource: string,
  version: string | undefined,
  context: RequestContext,
  anyRegion: AnyRegion | undefined,
): ElementMatch {
  // AWS: §1.7 rule 1 — "*" alone matches everything (also the request resource "*").
  if (pattern === "*") return true;
  // An ARN pattern names at least `arn:partition:service`; a trailing `*` may stand for the rest
  // (`arn:aws:kms:*`, §1.7 consequences).
  const segments = pattern.split(":");
  if (segments.length < 3 || segments[0] !== "arn") return "malformed";
  // AWS: §1.7 rule 5 — no wildcard in the service segment.
  if (/[*?]/.test(segments[2]!)) return "malformed";
  // AWS: §4.2, A36 — variables only in the resource part (after the fifth colon).
  const resourcePartStart = segments.length < 6 ? pattern.length : segments.slice(0, 5).join(":").length + 1;
  // DEVIATION: §4.2, A36 — a variable before the fifth colon is FCR, although AWS managed policies use them.
  if (version === VARIABLES_VERSION && pattern.slice(0, resourcePartStart).includes("${")) return "malformed";
  const resolved = resolveVariables(pattern, version, context.variable);
  if (resolved.kind === "null") return false; // AWS: §4.4 — an unresolvable variable matches nothing
  if (resolved.kind !== "pattern") return "malformed";
  const tokens = compileGlob(resolved.pieces, "resource");
  if (resource !== "*") return globMatches(tokens, resource);
  // DEVIATION: §1.7, A20 — the request resource `*` (request model) decides only `*` and impossible patterns; else FCR.
  // AWS: §1.7, A20, §0.2 — `*` is `arn:P:kms:R:A:*` for a Region R the request does not give: a
  // pattern other than `*` decides it only when no Region matches; otherwise FCR. Without a caller
  // account (a service caller) nothing but `*` is decided.
  if (anyRegion === undefined) return "undecidable";
  return matchesSomeRegion(tokens, anyRegion.partition, anyRegion.account) ? "undecidable" : false;
}
