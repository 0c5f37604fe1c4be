// Plans one condition node as native Cedar over a view (spec §2.3–§2.10, §3.2), or says which
// derived kind it needs. Each policy value becomes a pair match `m(r, p)`; the printer combines them
// (OR, NOR for negated operators) with the absent / undecidable answers. Phase: emit.
import type { ConditionNode } from "@kms-cedar/runtime";
import { datetimeText, decimalText, instantOnGrid, ipRangeText, numberOnGrid } from "@kms-cedar/runtime/cedar-names";
import { isNegated, positivePartner } from "@kms-cedar/runtime/conditions";
import type { CedarCode } from "./cedar-codes.js";
import { and, equals as equalsExpr, FALSE, ifThenElse, primary, relation } from "./cedar-expr.js";
import { likePattern, str, strSet } from "./cedar-literal.js";
import { arnComponents, hasQuestionWildcard, hasWildcard, shapeOf } from "./condition-values.js";
import type { ContextViews } from "./context-views.js";
import { naturalKind } from "./context-views.js";
import type { PairMatch, Strategy } from "./strategy.js";

/** Per key: the grid of its Numeric constants (Long or decimal) and Date constants, if they fit one. */
export interface TypedPlan {
  readonly numbers: ReadonlyMap<string, { readonly kind: "long" | "decimal"; readonly constants: readonly bigint[] } | undefined>;
  readonly dates: ReadonlyMap<string, readonly bigint[] | undefined>;
}

type Planned = Strategy | { readonly derive: CedarCode };

const COMPARE: Readonly<Record<string, string>> = { Equals: "==", LessThan: "<", LessThanEquals: "<=", GreaterThan: ">", GreaterThanEquals: ">=" };
const DECIMAL_METHOD: Readonly<Record<string, string>> = {
  LessThan: "lessThan", LessThanEquals: "lessThanOrEqual", GreaterThan: "greaterThan", GreaterThanEquals: "greaterThanOrEqual",
};

export function planCompare(node: ConditionNode, views: ContextViews, typed: TypedPlan): Planned {
  if (node.base === "Null") return planNull(node, views, typed);
  const negated = isNegated(node.base);
  const base = positivePartner(node.base);
  if (node.qualifier !== undefined) return planSet(node, base, negated, views);
  const absent = node.ifExists || negated;
  const compare = (view: string, pairs: PairMatch[], variables: string[] = [], derivedView?: CedarCode): Strategy =>
    ({ kind: "compare", view, negated, absent, pairs, variables, ...(derivedView !== undefined ? { derivedView } : {}) });
  switch (base) {
    case "StringEquals":
    case "StringLike":
      return planString(node, base === "StringLike", views, compare);
    case "StringEqualsIgnoreCase": {
      const pairs: PairMatch[] = [];
      for (const value of node.values) {
        const shape = shapeOf(value);
        if (shape.kind !== "text") return { derive: shape.kind === "variable" ? "variableOperator" : "concatenation" };
        pairs.push(equals(shape.text.toLowerCase()));
      }
      // The lower-case view exists only because Cedar has no lower-case function (derived).
      return compare(views.value(node.key, "lower"), pairs, [], "ignoreCase");
    }
    case "Bool": {
      const pairs: PairMatch[] = [];
      for (const value of node.values) {
        const shape = shapeOf(value);
        if (shape.kind !== "text") return { derive: "variableOperator" };
        const lower = shape.text.toLowerCase();
        pairs.push(lower === "true" || lower === "false" ? (v) => equalsExpr(v, lower) : () => FALSE);
      }
      return compare(views.value(node.key, "bool"), pairs);
    }
    case "IpAddress": {
      const pairs = node.values.map((value): PairMatch => {
        const range = typeof value === "string" ? ipRangeText(value) : undefined;
        return range === undefined ? () => FALSE : (v) => primary(`${v}.isInRange(ip(${str(range)}))`);
      });
      return compare(views.value(node.key, "ip"), pairs);
    }
    case "ArnLike":
      return planArn(node, views, compare);
    case "BinaryEquals":
      return { derive: "binary" };
  }
  if (base.startsWith("Numeric")) return planNumber(node, base.slice("Numeric".length), views, typed, compare);
  if (base.startsWith("Date")) return planDate(node, base.slice("Date".length), views, typed, compare);
  throw new Error(`INVARIANT: unknown condition operator \`${node.base}\``);
}

/** The pair `r == "literal"`; tagged so the printer can merge several into one set test. */
function equals(literal: string): PairMatch {
  const pair: PairMatch = (v) => equalsExpr(v, str(literal));
  return Object.assign(pair, { literal });
}

type Compare = (view: string, pairs: PairMatch[], variables?: string[], derivedView?: CedarCode) => Strategy;

function planString(node: ConditionNode, like: boolean, views: ContextViews, compare: Compare): Planned {
  const pairs: PairMatch[] = [];
  const variables: string[] = [];
  for (const value of node.values) {
    const shape = shapeOf(value);
    if (shape.kind === "template") return { derive: "concatenation" };
    if (shape.kind === "variable") {
      // AWS: §4.4 — a resolved variable is literal text; absent with no default is NULL (no match).
      const w = views.value(shape.key, "string");
      variables.push(w);
      const fallback = shape.default;
      pairs.push((v, lookup) => {
        const view = lookup.get(w);
        const same = equalsExpr(v, view.value);
        return fallback === undefined ? and(view.has, same) : ifThenElse(view.has, same, equalsExpr(v, str(fallback)));
      });
      continue;
    }
    if (!like || !hasWildcard(shape.pieces)) pairs.push(equals(shape.text));
    else if (hasQuestionWildcard(shape.pieces)) return { derive: "likeQuestionMark" };
    else {
      const pattern = likePattern(shape.pieces);
      pairs.push((v) => relation(`${v} like ${pattern}`));
    }
  }
  return compare(views.value(node.key, "string"), pairs, [...new Set(variables)]);
}

/**
 * AWS: §2.9 — ArnLike matches six components separately. With no wildcard in components 1-5, `like`
 * on the whole value is exact: the value must start with the same five colon-free components, and
 * the rest (component 6, which may hold colons) is matched by the component's own glob.
 */
function planArn(node: ConditionNode, views: ContextViews, compare: Compare): Planned {
  const pairs: PairMatch[] = [];
  for (const value of node.values) {
    const shape = shapeOf(value);
    if (shape.kind !== "text") return { derive: shape.kind === "variable" ? "variableOperator" : "concatenation" };
    const components = arnComponents(shape.pieces);
    if (components === undefined) {
      pairs.push(() => FALSE); // fewer than six components never match
      continue;
    }
    if (components.slice(0, 5).some(hasWildcard)) return { derive: "arnComponents" };
    if (hasQuestionWildcard(components[5]!)) return { derive: "likeQuestionMark" };
    if (!hasWildcard(shape.pieces)) pairs.push(equals(shape.text));
    else {
      const pattern = likePattern(shape.pieces);
      pairs.push((v) => relation(`${v} like ${pattern}`));
    }
  }
  return compare(views.value(node.key, "string"), pairs);
}

function planNumber(node: ConditionNode, suffix: string, views: ContextViews, typed: TypedPlan, compare: Compare): Planned {
  const grid = typed.numbers.get(node.key);
  if (grid === undefined) return { derive: "numberPrecision" };
  const digits = grid.kind === "long" ? 0 : 4;
  const constants = grid.constants.map((c) => (grid.kind === "long" ? c.toString() : decimalText(c)));
  const view = views.value(node.key, grid.kind, { constants });
  const pairs = node.values.map((value): PairMatch => {
    const g = typeof value === "string" ? numberOnGrid(value, digits) : undefined;
    if (g === undefined) return () => FALSE;
    if (grid.kind === "long") return suffix === "Equals" ? (v) => equalsExpr(v, g.floor.toString()) : (v) => relation(`${v} ${COMPARE[suffix]} ${g.floor.toString()}`);
    const literal = `decimal(${str(decimalText(g.floor))})`;
    return suffix === "Equals" ? (v) => equalsExpr(v, literal) : (v) => primary(`${v}.${DECIMAL_METHOD[suffix]}(${literal})`);
  });
  return compare(view, pairs);
}

function planDate(node: ConditionNode, suffix: string, views: ContextViews, typed: TypedPlan, compare: Compare): Planned {
  const constants = typed.dates.get(node.key);
  if (constants === undefined) return { derive: "datePrecision" };
  const view = views.value(node.key, "datetime", { constants: constants.map((c) => c.toString()) });
  const pairs = node.values.map((value): PairMatch => {
    const g = typeof value === "string" ? instantOnGrid(value) : undefined;
    if (g === undefined) return () => FALSE;
    const literal = `datetime(${str(datetimeText(g.floor))})`;
    return suffix === "Equals" ? (v) => equalsExpr(v, literal) : (v) => relation(`${v} ${COMPARE[suffix]} ${literal}`);
  });
  return compare(view, pairs);
}

/** AWS: §3.2 — ForAnyValue / ForAllValues with StringEquals or StringNotEquals over a set view. */
function planSet(node: ConditionNode, base: string, negated: boolean, views: ContextViews): Planned {
  if (base !== "StringEquals") return { derive: "setQuantifier" };
  const values: string[] = [];
  for (const value of node.values) {
    const shape = shapeOf(value);
    if (shape.kind !== "text") return { derive: shape.kind === "variable" ? "variableOperator" : "concatenation" };
    values.push(shape.text);
  }
  const qualifier = node.qualifier!;
  const absent = node.ifExists || qualifier === "ForAllValues";
  return { kind: "set", view: views.value(node.key, "set"), qualifier, negated, absent, values: [...new Set(values)] };
}

/** AWS: §2.10 — Null reads whether the key is present, through the key's natural view. */
function planNull(node: ConditionNode, views: ContextViews, typed: TypedPlan): Planned {
  if (node.qualifier === "ForAllValues") return { kind: "const", value: true };
  if (node.qualifier === "ForAnyValue") return { kind: "const", value: false };
  const isTrue = (v: unknown): boolean => typeof v === "string" && v.toLowerCase() === "true";
  const whenAbsent = node.values.some(isTrue);
  const whenPresent = node.values.some((v) => !isTrue(v));
  const natural = naturalKind(node.key);
  let view: string;
  if (natural === "number") {
    const grid = typed.numbers.get(node.key);
    view = typed.numbers.has(node.key) && grid === undefined
      ? views.value(node.key, "string")
      : views.value(node.key, grid?.kind ?? "long", { constants: (grid?.constants ?? []).map((c) => (grid?.kind === "decimal" ? decimalText(c) : c.toString())) });
  } else if (natural === "datetime") {
    const constants = typed.dates.get(node.key);
    view = typed.dates.has(node.key) && constants === undefined
      ? views.value(node.key, "string")
      : views.value(node.key, "datetime", { constants: (constants ?? []).map((c) => c.toString()) });
  } else view = views.value(node.key, natural);
  return { kind: "null", view, whenPresent, whenAbsent };
}

/** Printed set literal of the values (for containsAny / containsAll). */
export function setLiteral(values: readonly string[]): string {
  return strSet(values);
}
