// Checks a request's context against the keys derived from its caller and resource, and says what
// each derived key holds for this request (docs/request-model.md "Keys derived from the caller").
// Used by the Cedar encoder; the graph evaluator does the same per slot without allocating.
import type { DecisionError } from "../contracts.js";
import type { Derived } from "./derived-keys.js";
import { acceptsGiven, DERIVED_KEYS, derivedKeyIndex } from "./derived-keys.js";
import { printable } from "./read-shape.js";
import { RequestErrorCode, requestError } from "./request-errors.js";

/** A derived key's value in this request: a string, or unknown (ambiguous: decided fail-closed, A18). */
export type ResolvedKey =
  | { readonly key: string; readonly value: string }
  | { readonly key: string; readonly ambiguous: true };

/** The resolved derived keys (present or ambiguous ones only), or KR0009 when the context contradicts one. */
export function resolveDerived(
  context: Readonly<Record<string, string | readonly string[]>> | undefined, derived: readonly Derived[],
): ResolvedKey[] | DecisionError {
  const given: (string | undefined)[] = DERIVED_KEYS.map(() => undefined);
  if (context !== undefined) {
    for (const name of Object.keys(context)) {
      const i = derivedKeyIndex(name.toLowerCase());
      if (i < 0 || derived[i]!.kind === "free") continue;
      const raw = context[name]!;
      const values = typeof raw === "string" ? [raw] : raw;
      for (const v of values) {
        const first = given[i];
        if (!acceptsGiven(derived[i]!, v) || (first !== undefined && first !== v)) return contradiction(name, v);
        given[i] = v;
      }
    }
  }
  const out: ResolvedKey[] = [];
  DERIVED_KEYS.forEach((key, i) => {
    const d = derived[i]!;
    const g = given[i];
    if (d.kind === "value" && (g !== undefined || d.fill)) out.push({ key, value: d.value });
    else if (d.kind === "role") {
      const value = g ?? d.bundleArn;
      // DEVIATION: §6.4 — a session's role path is unknown: aws:PrincipalArn is ambiguous (FCR), never a guessed path-less ARN.
      out.push(value === undefined ? { key, ambiguous: true } : { key, value });
    }
  });
  return out;
}

/** KR0009: a context value contradicts what AWS sets from the caller. */
export function contradiction(name: string, given: string): DecisionError {
  return requestError(
    RequestErrorCode.contradictsCaller,
    `context key \`${printable(name)}\` = \`${printable(given)}\` contradicts the value AWS sets from the principal`,
  );
}
