// Resource / NotResource matching (spec §1.7, §4.2, §4.4): `*`, or an ARN pattern whose wildcards
// follow the §1.7 algorithm, with policy variables allowed in the resource part only.

import type { ElementMatch } from "./action-match.js";
import type { RequestContext } from "./context.js";
import { compileGlob, globMatches } from "./glob.js";
import { readStringList } from "./json-shape.js";
import { regionReach, type StarOwner } from "./star-resource.js";
import { resolveVariables, VARIABLES_VERSION } from "./variables.js";

/**
 * AWS: §1.7 — true when `resource` matches one of the patterns. A pattern whose variable cannot
 * be resolved matches nothing (§4.4). A pattern IAM would reject (not `*` or `arn:…`, a wildcard in
 * the service segment, a variable before the fifth colon, a malformed or ambiguous variable)
 * makes the whole element "malformed". The request resource `*` stands for the synthetic resource
 * of `owner` (the caller's partition and account) in a Region the request does not name (DESIGN §2).
 */
export function resourceListMatches(
  patterns: unknown,
  resource: string,
  version: string | undefined,
  context: RequestContext,
  owner: StarOwner | undefined,
): ElementMatch {
  const list = readStringList(patterns);
  if (list === undefined) return "malformed";
  let matched = false;
  let undecidable = false;
  for (const pattern of list) {
    const result = patternMatches(pattern, resource, version, context, owner);
    if (result === "malformed") return "malformed";
    if (result === "undecidable") undecidable = true;
    else matched ||= result;
  }
  // DEVIATION: §0.2, §4.1 — an undecided pattern leaves the whole element undecided (FCR decides it)
  // unless the element lists `*`, which matches whatever the other patterns say.
  if (list.includes("*")) return true;
  return undecidable ? "undecidable" : matched;
}

function patternMatches(
  pattern: string,
  resource: string,
  version: string | undefined,
  context: RequestContext,
  owner: StarOwner | undefined,
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
  // AWS: §0.2, §4.1, A18 — a variable on an ambiguous or several-valued key leaves this pattern undecided.
  if (resolved.kind === "ambiguous") return "undecidable";
  if (resolved.kind !== "pattern") return "malformed";
  const tokens = compileGlob(resolved.pieces, "resource");
  if (resource === "*") {
    // A service caller has no account of its own and no identity policies: nothing to match.
    if (owner === undefined) return false;
    // DEVIATION: §1.7, A20, DESIGN §2 — `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region:
    // a pattern matching it in every Region matches, in some Regions only is undecided (FCR).
    const reach = regionReach(tokens, owner);
    return reach === "every" ? true : reach === "some" ? "undecidable" : false;
  }
  return globMatches(tokens, resource);
}

/**
 * A key policy's Resource (spec §1.7, §5.2; KMS documents only `"*"`, meaning this key): `*` matches,
 * the exact ARN of this key matches, any other value — a wildcard pattern included — is undecided
 * (FCR: an Allow does not apply, a Deny does). Like every element, one undecided value leaves the
 * whole element undecided unless it lists `*`.
 */
export function keyPolicyResourceMatches(patterns: unknown, keyArn: string): ElementMatch {
  const list = readStringList(patterns);
  if (list === undefined) return "malformed";
  if (list.includes("*")) return true;
  // DEVIATION: §1.7, A21 — a key-policy Resource other than `*` or this key's exact ARN is undecided (FCR).
  return list.every((pattern) => pattern === keyArn) ? true : "undecidable";
}
