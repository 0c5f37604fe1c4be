// ArnEquals / ArnLike (identical) matching, spec §2.9: split at the first five colons into six
// components and glob-match each on its own (case-sensitive), so a wildcard never crosses a
// component boundary except inside the sixth. Fewer than six components never match.
import { compileGlob, matchGlob } from "./glob.js";
import type { Glob, GlobChunk } from "./glob.js";

/** A compiled ARN pattern: six component globs, or `undefined` when the pattern is not ARN-shaped. */
export interface ArnPattern {
  readonly components: readonly Glob[] | undefined;
}

/**
 * The six components of a pattern's chunks: split at the first five colons, in literal and wild text
 * alike (a colon inside the sixth stays); `undefined` with fewer than six. The one reading of an ARN
 * pattern's components, for the matcher here and the Cedar emitter (which compiles a pattern natively
 * only when no wildcard sits in the first five).
 */
export function arnComponents(chunks: readonly GlobChunk[]): GlobChunk[][] | undefined {
  const parts: GlobChunk[][] = [[]];
  for (const chunk of chunks) {
    let text = chunk.text;
    let cut = parts.length < 6 ? text.indexOf(":") : -1;
    while (cut >= 0) {
      parts[parts.length - 1]!.push({ text: text.slice(0, cut), wild: chunk.wild });
      parts.push([]);
      text = text.slice(cut + 1);
      cut = parts.length < 6 ? text.indexOf(":") : -1;
    }
    parts[parts.length - 1]!.push({ text, wild: chunk.wild });
  }
  return parts.length === 6 ? parts : undefined;
}

/** Compiles a pattern; chunks with `wild: false` are literal text (their colons still split). */
export function compileArnPattern(pattern: string | readonly GlobChunk[]): ArnPattern {
  const chunks: readonly GlobChunk[] = typeof pattern === "string" ? [{ text: pattern, wild: true }] : pattern;
  const parts = arnComponents(chunks);
  // DEVIATION: §2.9 — a pattern with fewer than six components never matches (so `ArnNotLike` holds); AWS does not say.
  return { components: parts === undefined ? undefined : parts.map((p) => compileGlob(p)) };
}

/** Whether an ARN value from the request matches the pattern. Allocation-free. */
export function matchArnPattern(p: ArnPattern, value: string): boolean {
  const components = p.components;
  if (components === undefined) return false;
  let start = 0;
  for (let k = 0; k < 5; k++) {
    const colon = value.indexOf(":", start);
    if (colon < 0) return false;
    if (!matchGlob(components[k]!, value, start, colon)) return false;
    start = colon + 1;
  }
  return matchGlob(components[5]!, value, start, value.length);
}
