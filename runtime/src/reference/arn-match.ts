// ArnEquals / ArnLike per-pair matching (spec §2.9): the six colon-separated components are
// matched one by one, wildcards never cross a component boundary; case-sensitive.

import { compileGlob, globMatches, type PatternPiece } from "./glob.js";

/** An ARN has six components: arn, partition, service, region, account, resource. */
const COMPONENTS = 6;

/**
 * AWS: §2.9 — splits at the first five colons; the sixth component is the rest of the string (so
 * inside it `*` may match ":"). A value or pattern with fewer than six components never matches.
 */
export function arnMatches(pattern: readonly PatternPiece[], value: string): boolean {
  const valueParts = splitText(value);
  const patternParts = splitPieces(pattern);
  // DEVIATION: §2.9 — fewer than six components never match (so `ArnNotLike` holds); AWS does not say.
  if (valueParts === undefined || patternParts === undefined) return false;
  return patternParts.every((part, i) => globMatches(compileGlob(part, "anywhere"), valueParts[i]!));
}

/** AWS: §2.9 — text with six colon-separated components whose first is `arn`. */
export function isArnText(text: string): boolean {
  const parts = splitText(text);
  return parts !== undefined && parts[0] === "arn";
}

function splitText(value: string): string[] | undefined {
  const parts = value.split(":");
  if (parts.length < COMPONENTS) return undefined;
  return [...parts.slice(0, COMPONENTS - 1), parts.slice(COMPONENTS - 1).join(":")];
}

/** Splits pattern pieces at the first five ":" (literal or not: substituted text is text, §4.4). */
function splitPieces(pattern: readonly PatternPiece[]): PatternPiece[][] | undefined {
  const parts: PatternPiece[][] = [[]];
  for (const piece of pattern) {
    let text = "";
    for (const char of piece.text) {
      if (char === ":" && parts.length < COMPONENTS) {
        parts[parts.length - 1]!.push({ text, literal: piece.literal });
        parts.push([]);
        text = "";
      } else {
        text += char;
      }
    }
    parts[parts.length - 1]!.push({ text, literal: piece.literal });
  }
  return parts.length === COMPONENTS ? parts : undefined;
}
