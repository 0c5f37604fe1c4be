// Action / NotAction matching (spec §1.6): case-insensitive globs over `service:ActionName`.

import { compilePlainGlob, globMatches } from "./glob.js";
import { readStringList } from "./json-shape.js";

/**
 * A match result. "malformed" = the element is not valid policy grammar; "undecidable" = the
 * request does not say enough to decide (a Resource against `*`). The caller applies FCR to both.
 */
export type ElementMatch = boolean | "malformed" | "undecidable";

/**
 * AWS: §1.6 — true when `action` (e.g. `kms:Decrypt`) matches one of the patterns, ignoring case.
 * `*` is any run of characters, `?` one character, anywhere in the pattern.
 */
export function actionListMatches(patterns: unknown, action: string): ElementMatch {
  const list = readStringList(patterns);
  if (list === undefined || !list.every(isActionPattern)) return "malformed";
  const value = action.toLowerCase();
  return list.some((pattern) => globMatches(compilePlainGlob(pattern.toLowerCase(), "anywhere"), value));
}

/** AWS: §1.6 — `"*"` alone, or `service:name` with exactly one colon and both parts non-empty. */
function isActionPattern(pattern: string): boolean {
  if (pattern === "*") return true;
  const parts = pattern.split(":");
  return parts.length === 2 && parts[0] !== "" && parts[1] !== "";
}
