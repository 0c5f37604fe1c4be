// Plans a Resource / NotResource node (spec §1.7, A19) as `resource.arn like "…"` where that is
// exact, else a derived test. Phase: emit.
//
// Why `like` is exact here. A request resource is a KMS ARN with exactly five colons (a key ARN,
// an alias ARN or `arn:P:kms:R:A:*`; the target parser rejects anything else) or the string `*`.
// IAM lets a `*` that ends a segment (followed by `:` or at the end) cross colons, and any other
// `*` / `?` stay inside a segment. Cedar's `*` crosses anything, and it has no `?`. So, with no `?`:
//  - every `*` ends a segment: both read `*` as "any run of characters": identical;
//  - the pattern has 5 or more literal colons: a match must pair the pattern's colons with distinct
//    colons of the value in order; a five-colon value leaves no colon for any `*` to cross (and with
//    more than five literal colons neither matches). Identical again.
// A pattern starting with a wildcard could match the request resource `*`, which IAM matches only
// with the pattern `*` itself: derived.
import type { GraphValue, ResourceNode } from "@kms-cedar/runtime";
import { WHY } from "./cedar-codes.js";
import { and, equals, ifThenElse, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { likePattern, str } from "./cedar-literal.js";
import type { PatternPiece } from "./cedar-literal.js";
import { hasQuestionWildcard, hasWildcard, shapeOf } from "./condition-values.js";
import type { ContextViews } from "./context-views.js";
import type { Strategy, ViewLookup } from "./strategy.js";

export function planResource(node: ResourceNode, index: number, views: ContextViews): Strategy {
  const pairs: ((lookup: ViewLookup) => Expr)[] = [];
  const variables: string[] = [];
  for (const value of node.patterns) {
    if (value === "*") return { kind: "resource", negated: node.negated, pairs: [() => TRUE], variables: [] };
    const shape = shapeOf(value);
    const named = shape.kind === "text" ? undefined : nameVariable(value);
    if (named !== undefined) {
      // `arn:…:key/${var}`: the prefix by `like`, the rest is the resource's name (a literal value, §4.4).
      const w = views.value(named.key, "string");
      variables.push(w);
      views.useResourceName();
      const prefix = relation(`resource.arn like ${likePattern([...named.prefix, { text: "*", wild: true }])}`);
      const fallback = named.default;
      pairs.push((lookup) => {
        const view = lookup.get(w);
        const same = equals("resource.name", view.value);
        return and(prefix, fallback === undefined ? and(view.has, same) : ifThenElse(view.has, same, equals("resource.name", str(fallback))));
      });
      continue;
    }
    if (shape.kind !== "text" || !likeIsExact(shape.pieces)) {
      const code = shape.kind === "text" ? "resourcePattern" : "concatenation";
      return { kind: "derived", attr: views.resourceTest(index, node.negated, node.patterns, WHY[code]), why: WHY[code], code };
    }
    const test = hasWildcard(shape.pieces) ? relation(`resource.arn like ${likePattern(shape.pieces)}`) : relation(`resource.arn == ${str(shape.text)}`);
    pairs.push(() => test);
  }
  return { kind: "resource", negated: node.negated, pairs, variables: [...new Set(variables)] };
}

/**
 * A pattern `P${var}` (or `P${var, 'default'}`) whose text P has exactly five colons and ends its
 * sixth component with `word/` (no wildcard there): the request resource matches it exactly when it
 * is `like "P*"` and its name — the sixth component after its first `/` — equals the variable's value.
 */
function nameVariable(value: GraphValue): { prefix: PatternPiece[]; key: string; default?: string } | undefined {
  if (typeof value === "string") return undefined;
  const parts = value.template;
  const last = parts[parts.length - 1];
  if (last === undefined || !("variable" in last) || parts.slice(0, -1).some((p) => "variable" in p)) return undefined;
  const prefix = parts.slice(0, -1).map((p): PatternPiece => ("text" in p ? { text: p.text, wild: true } : { text: (p as { literal: string }).literal, wild: false }));
  const text = prefix.map((p) => p.text).join("");
  if (text.split(":").length !== 6 || hasQuestionWildcard(prefix) || !likeIsExact([...prefix, { text: "*", wild: true }])) return undefined;
  const sixth = text.lastIndexOf(":") + 1;
  if (!/^[^/]+\/$/.test(text.slice(sixth))) return undefined;
  let offset = 0;
  for (const piece of prefix) {
    for (let i = 0; i < piece.text.length; i++) {
      if (piece.wild && offset + i >= sixth && (piece.text[i] === "*" || piece.text[i] === "?")) return undefined;
    }
    offset += piece.text.length;
  }
  return { prefix, key: last.variable, ...(last.default !== undefined ? { default: last.default } : {}) };
}

/** The proof in the header, as a test on the pattern's pieces. */
function likeIsExact(pieces: readonly PatternPiece[]): boolean {
  if (hasQuestionWildcard(pieces)) return false;
  const first = pieces.find((p) => p.text.length > 0);
  if (first === undefined || (first.wild && first.text[0] === "*")) return false;
  const text = pieces.map((p) => p.text).join("");
  const colons = text.split(":").length - 1;
  if (colons >= 5) return true;
  // Every wildcard `*` must be followed by a colon (literal or not) or end the pattern.
  let offset = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      if (piece.wild && piece.text[i] === "*") {
        const next = text[offset + i + 1];
        if (next !== undefined && next !== ":") return false;
      }
    }
    offset += piece.text.length;
  }
  return true;
}
