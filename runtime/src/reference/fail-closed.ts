// The fail-closed rule (FCR) of spec §0.2, in one place: the value a test takes when the oracle
// cannot give an answer (ambiguous context, malformed policy element, plain operator on ≥2 values).

import type { Effect } from "./types.js";

/**
 * AWS: §0.2 — an undecidable condition (or element) counts as not satisfied in an `Allow`
 * statement and as satisfied in a `Deny` statement. Both choices can only take access away.
 */
export function failClosed(effect: Effect): boolean {
  return effect === "Deny";
}
