// Prints a planned node as a Cedar expression for a statement of one effect (spec §2.2 evalKey,
// §0.2): the value test when the view is present, and otherwise the answer for an absent key, an
// undecidable one (fail-closed: false in an Allow, true in a Deny: an ambiguous key, or a value the
// view's type cannot read, deviation 46), read from the per-request marker sets. Phase: emit.
import { and, constant, ifThenElse, not, or, primary } from "./cedar-expr.js";
import type { Expr } from "./cedar-expr.js";
import { contextAttr, inChunks, str, strSet } from "./cedar-literal.js";
import type { ContextViews, View } from "./context-views.js";
import type { PairMatch, Strategy } from "./strategy.js";

export type Effect = "Allow" | "Deny";

/** The Cedar test of a planned node in a statement with `effect`. */
export function emitTest(strategy: Strategy, effect: Effect, views: ContextViews): Expr {
  const fcr = effect === "Deny"; // AWS: §0.2 — undecidable counts as unsatisfied in Allow, satisfied in Deny
  switch (strategy.kind) {
    case "const":
      return constant(strategy.value);
    case "null":
      return emitNull(views.get(strategy.view), strategy.whenPresent, strategy.whenAbsent, fcr);
    case "compare": {
      const view = views.get(strategy.view);
      const match = matchAny(strategy.pairs, view.value, views);
      const test = guarded(view.has, strategy.negated ? not(match) : match, absentAnswer(view, fcr, strategy.absent));
      // AWS: §4.4, A18 — a variable on an ambiguous or multi-valued key leaves the test undecidable.
      const undecidable = or(...strategy.variables.map((id) => marker("#unsure", views.get(id))));
      return ifThenElse(undecidable, constant(fcr), test);
    }
    case "set": {
      const view = views.get(strategy.view);
      const match = setTest(view.value, strategy.qualifier, strategy.negated, strategy.values);
      return guarded(view.has, match, absentAnswer(view, fcr, strategy.absent));
    }
    case "resource": {
      if (strategy.keyPolicy === true && !strategy.negated && fcr) return constant(true);
      const match = or(...strategy.pairs.map((pair) => pair(views)));
      const undecidable = or(...strategy.variables.map((id) => marker("#unsure", views.get(id))), ...(strategy.undecided === undefined ? [] : [strategy.undecided]));
      return ifThenElse(undecidable, constant(fcr), strategy.negated ? not(match) : match);
    }
    case "derived": {
      const view = views.get(strategy.attr);
      return ifThenElse(view.has, primary(view.value), constant(fcr));
    }
  }
}

/**
 * OR over the pairs; two or more equalities with string literals read better as one set test
 * (`["a", "b"].contains(v)`), placed where the first of them was.
 */
function matchAny(pairs: readonly PairMatch[], value: string, views: ContextViews): Expr {
  const literals = pairs.flatMap((p) => (p.literal === undefined ? [] : [p.literal]));
  if (literals.length < 2) return or(...pairs.map((pair) => pair(value, views)));
  const first = pairs.findIndex((p) => p.literal !== undefined);
  const set = or(...inChunks([...new Set(literals)]).map((chunk) => primary(`${strSet(chunk)}.contains(${value})`)));
  return or(...pairs.flatMap((pair, i) => (pair.literal === undefined ? [pair(value, views)] : i === first ? [set] : [])));
}

const MARKERS = new WeakSet<Expr>();

/** `context["#unsure"].contains("name")` and the like. */
function marker(set: "#unsure" | "#several" | "#invalid", view: View): Expr {
  const e = primary(`${contextAttr(set)}.contains(${str(view.marker)})`);
  MARKERS.add(e);
  return e;
}

/**
 * `if present then test else rest`. A marker only ever names an absent view, so when `rest` is a
 * disjunction of markers the same reads `(present && test) || rest`.
 */
function guarded(present: Expr, test: Expr, rest: Expr): Expr {
  const markers = rest.kind === "or" ? rest.items : [rest];
  if (rest.kind !== "const" && markers.every((m) => MARKERS.has(m))) return or(and(present, test), rest);
  return ifThenElse(present, test, rest);
}

/**
 * The answer when the view is not present: the key is absent (`absent`), undecidable (#unsure:
 * ambiguous, or several values for a single-value view → fail closed), or present with a value
 * that does not parse (#invalid → undecidable too, deviation 46: it once read as "no pair matches",
 * so the negated operators held in an Allow).
 */
function absentAnswer(view: View, fcr: boolean, absent: boolean): Expr {
  const parsed = view.typed ? ifThenElse(marker("#invalid", view), constant(fcr), constant(absent)) : constant(absent);
  return ifThenElse(marker("#unsure", view), constant(fcr), parsed);
}

/**
 * AWS: §2.10 — Null holds when presence is as wanted; an ambiguous key is undecidable. A key with
 * several values, or a value the typed view cannot parse, is present although the view is absent.
 */
function emitNull(view: View, whenPresent: boolean, whenAbsent: boolean, fcr: boolean): Expr {
  const parsedOrAbsent = view.typed ? ifThenElse(marker("#invalid", view), constant(whenPresent), constant(whenAbsent)) : constant(whenAbsent);
  let rest = ifThenElse(marker("#unsure", view), constant(fcr), parsedOrAbsent);
  // #several ⊂ #unsure: only needed when "present" and "undecidable" answer differently.
  if (view.single && whenPresent !== fcr) rest = ifThenElse(marker("#several", view), constant(whenPresent), rest);
  return ifThenElse(view.has, constant(whenPresent), rest);
}

/** AWS: §3.2 — the four set operators over a Set<String> view, with containsAny / containsAll. */
function setTest(value: string, qualifier: "ForAllValues" | "ForAnyValue", negated: boolean, values: readonly string[]): Expr {
  // R ⊆ P cannot be split over runs of P; a P too long for cedar-wasm is refused by the limit check (KC3011).
  const literal = strSet(values);
  // R ∩ P ≠ ∅, split over runs of P (an OR): containsAny(P1 ∪ P2) = containsAny(P1) || containsAny(P2).
  const meets = (): Expr => or(...inChunks(values).map((chunk) =>
    chunk.length === 1 ? primary(`${value}.contains(${str(chunk[0]!)})`) : primary(`${value}.containsAny(${strSet(chunk)})`)));
  if (qualifier === "ForAnyValue") {
    // some r ∈ R matches some p / some r ∈ R matches no p
    if (!negated) return meets();
    return not(primary(`${literal}.containsAll(${value})`));
  }
  // every r ∈ R matches some p / every r ∈ R matches no p
  if (!negated) return primary(`${literal}.containsAll(${value})`);
  return not(meets());
}
