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
// A pattern starting with a wildcard could match the string `*`: derived. How a pattern meets the
// request resource `*` (the caller's resource in an unnamed Region) is planned apart (plan-star.ts).
import type { GraphValue, ResourceNode } from "@kms-cedar/runtime";
import { WHY } from "./cedar-codes.js";
import { and, equals, ifThenElse, not, or, relation, TRUE } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { likePattern, str } from "./cedar-literal.js";
import type { PatternPiece } from "./cedar-literal.js";
import { hasQuestionWildcard, hasWildcard, shapeOf } from "./condition-values.js";
import type { ContextViews } from "./context-views.js";
import { planStar, planStarTemplate } from "./plan-star.js";
import type { Strategy, ViewLookup } from "./strategy.js";

/**
 * Plans a resource node. `star`: some statement using it can see the request resource `*` (an
 * identity statement with an action that has no resource), so each pattern also says how it meets `*`.
 */
export function planResource(node: ResourceNode, index: number, views: ContextViews, star: boolean): Strategy {
  if (node.patterns.includes("*")) return { kind: "resource", negated: node.negated, pairs: [() => TRUE], variables: [] };
  if (node.keyPolicy === true) return planKeyPolicyResource(node);
  const derived = (code: "resourcePattern" | "concatenation"): Strategy =>
    ({ kind: "derived", attr: views.resourceTest(index, node.negated, node.patterns, WHY[code]), why: WHY[code], code });
  const pairs: ((lookup: ViewLookup) => Expr)[] = [];
  const variables: string[] = [];
  const undecided: Expr[] = [];
  // DEVIATION: §1.7, A20, DESIGN §2 — `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region (plan-star.ts).
  const isStar = relation(`resource.arn == ${str("*")}`);
  for (const value of node.patterns) {
    const shape = shapeOf(value);
    if (star) {
      const plan = shape.kind === "text" ? planStar(shape.pieces) : planStarTemplate(templatePrefix(value));
      if (plan.kind === "derived") return derived(shape.kind === "text" ? "resourcePattern" : "concatenation");
      if (plan.kind === "native") {
        if (plan.partition) views.useResourcePartition();
        const when = and(isStar, plan.caller);
        if (plan.reach === "every") pairs.push(() => when);
        else undecided.push(when);
      }
    }
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
    if (shape.kind !== "text" || !likeIsExact(shape.pieces)) return derived(shape.kind === "text" ? "resourcePattern" : "concatenation");
    // Never true for the request resource `*`: likeIsExact rules out a leading wildcard.
    const test = hasWildcard(shape.pieces) ? relation(`resource.arn like ${likePattern(shape.pieces)}`) : relation(`resource.arn == ${str(shape.text)}`);
    pairs.push(() => test);
  }
  return { kind: "resource", negated: node.negated, pairs, variables: [...new Set(variables)], ...(undecided.length > 0 ? { undecided: or(...undecided) } : {}) };
}

/**
 * AWS: §1.7, §5.2 — a key policy's Resource: `*` (handled above) and the key's exact ARN match, any
 * other value is undecided, and one undecided value leaves the element undecided (fail closed).
 */
// DEVIATION: §1.7, A21 — a key-policy Resource other than `*` or this key's ARN is undecided (FCR).
function planKeyPolicyResource(node: ResourceNode): Strategy {
  const values = [...new Set(node.patterns.map((p) => (typeof p === "string" ? p : undefined)))];
  const only = values.length === 1 ? values[0] : undefined;
  if (only === undefined) return { kind: "resource", negated: node.negated, pairs: [], variables: [], undecided: TRUE, keyPolicy: true };
  const same = equals("resource.arn", str(only));
  return { kind: "resource", negated: node.negated, pairs: [() => same], variables: [], undecided: not(same), keyPolicy: true };
}

/** The pieces of a template before its first variable. */
function templatePrefix(value: GraphValue): PatternPiece[] {
  if (typeof value === "string") return [{ text: value, wild: true }];
  const out: PatternPiece[] = [];
  for (const part of value.template) {
    if ("variable" in part) break;
    out.push("text" in part ? { text: part.text, wild: true } : { text: (part as { literal: string }).literal, wild: false });
  }
  return out;
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
