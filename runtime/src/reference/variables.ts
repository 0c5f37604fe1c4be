// Policy variables (spec §4): `${key}`, `${key, 'default'}` and the special characters `${*}`,
// `${?}`, `${$}`, resolved against the request context. Substituted text is literal (§4.4, A24).

import type { PatternPiece } from "./glob.js";

/** What a context key gives a variable: a single value, nothing, or no single answer. */
export type VariableValue =
  | { readonly kind: "value"; readonly value: string }
  | { readonly kind: "absent" }
  | { readonly kind: "ambiguous" };

/**
 * A policy value after substitution:
 * - "pattern": pieces of text; `literal` pieces came from variables or special characters;
 * - "null": a variable had no value and no default (§4.4 — the value matches nothing);
 * - "malformed": a `${` the grammar of §4.1 does not accept (compile error; FCR at run time);
 * - "ambiguous": a variable names a case-ambiguous or multi-valued key (FCR, A18/§4.1).
 */
export type ResolvedValue =
  | { readonly kind: "pattern"; readonly pieces: readonly PatternPiece[] }
  | { readonly kind: "null" }
  | { readonly kind: "malformed" }
  | { readonly kind: "ambiguous" };

/** The one version in which variables exist (spec §1.2, §4.3). */
export const VARIABLES_VERSION = "2012-10-17";

const SPECIAL: Readonly<Record<string, string>> = { "*": "*", "?": "?", $: "$" };
// AWS: §4.1 — a key name has no blanks, braces, `$`, commas, quotes or wildcards.
const NAME = /^[^\s{}$,'*?]+$/;
// AWS: §4.1 — `, 'default'` with optional blanks after the comma and no quote inside.
// DEVIATION: §4.1, A24 — defaults only as `, 'text'` (blanks optional, no quote inside); AWS shows the syntax by example.
const DEFAULT = /^,\s*'([^']*)'\}/;

/**
 * AWS: §4.5 — resolves every `${…}` of `text` left to right. Under any version other than
 * 2012-10-17 (including a missing Version, §1.2) the text is returned unchanged, all pattern text.
 */
export function resolveVariables(
  text: string,
  version: string | undefined,
  lookup: (name: string) => VariableValue,
): ResolvedValue {
  // DEVIATION: §1.2, A1 — a missing Version reads as 2008-10-17 (AWS pages disagree): `${…}` stays literal.
  if (version !== VARIABLES_VERSION) return { kind: "pattern", pieces: [{ text, literal: false }] };
  const pieces: PatternPiece[] = [];
  let rest = text;
  // The whole value is read before deciding, so a malformed `${` later on is never hidden.
  let sawAmbiguous = false;
  let sawNull = false;
  for (;;) {
    const start = rest.indexOf("${");
    if (start < 0) break;
    if (start > 0) pieces.push({ text: rest.slice(0, start), literal: false });
    rest = rest.slice(start + 2);
    const special = SPECIAL[rest[0] ?? ""];
    if (special !== undefined && rest[1] === "}") {
      pieces.push({ text: special, literal: true });
      rest = rest.slice(2);
      continue;
    }
    const nameEnd = firstOf(rest, ",}");
    if (nameEnd < 0) return { kind: "malformed" };
    const name = rest.slice(0, nameEnd);
    if (!NAME.test(name)) return { kind: "malformed" };
    let fallback: string | undefined;
    if (rest[nameEnd] === "}") {
      rest = rest.slice(nameEnd + 1);
    } else {
      const match = DEFAULT.exec(rest.slice(nameEnd));
      if (match === null) return { kind: "malformed" };
      fallback = match[1]!;
      rest = rest.slice(nameEnd + match[0].length);
    }
    // DEVIATION: §4.4, A24 — substituted text is literal (never a wildcard); an ambiguous or multi-valued key is FCR.
    const value = lookup(name);
    if (value.kind === "ambiguous") sawAmbiguous = true;
    else if (value.kind === "value") pieces.push({ text: value.value, literal: true });
    else if (fallback !== undefined) pieces.push({ text: fallback, literal: true });
    else sawNull = true;
  }
  if (sawAmbiguous) return { kind: "ambiguous" };
  if (sawNull) return { kind: "null" };
  if (rest !== "") pieces.push({ text: rest, literal: false });
  return { kind: "pattern", pieces };
}

/**
 * Whether `text` names a policy variable (not just a special character `${*}` `${?}` `${$}`):
 * only then is its value known at run time alone (§4.1, §4.3).
 */
export function namesVariable(text: string, version: string | undefined): boolean {
  return version === VARIABLES_VERSION && /\$\{(?![*?$]\})/.test(text);
}

/** The text of resolved pieces, for operators that have no wildcards (StringEquals, Bool, ...). */
export function piecesText(pieces: readonly PatternPiece[]): string {
  return pieces.map((piece) => piece.text).join("");
}

function firstOf(text: string, chars: string): number {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return -1;
}
