// A tiny Cedar expression tree with constant folding and a printer that adds only the parentheses
// Cedar's precedence needs (`if` < `||` < `&&` < relations < unary < member access). Phase: emit.
// Leaves are pre-printed text tagged with how tightly they bind.

/** A Cedar expression. */
export type Expr =
  | { readonly kind: "const"; readonly value: boolean }
  /** Pre-printed text: "primary" binds like a call or member access, "relation" like `==` / `in` / `has`. */
  | { readonly kind: "leaf"; readonly text: string; readonly level: "primary" | "relation" }
  /** `left == right` or `left != right` (negation flips it). */
  | { readonly kind: "equals"; readonly left: string; readonly right: string; readonly negated: boolean }
  | { readonly kind: "not"; readonly item: Expr }
  | { readonly kind: "and"; readonly items: readonly Expr[] }
  | { readonly kind: "or"; readonly items: readonly Expr[] }
  | { readonly kind: "if"; readonly test: Expr; readonly then: Expr; readonly else: Expr };

export const TRUE: Expr = { kind: "const", value: true };
export const FALSE: Expr = { kind: "const", value: false };

/** A leaf that binds like a member access or method call (`x.contains(y)`, `resource.hasTag("t")`). */
export function primary(text: string): Expr {
  return { kind: "leaf", text, level: "primary" };
}

/** A leaf that is a relation (`a == b`, `a like "p"`, `principal in E`, `context has "k"`). */
export function relation(text: string): Expr {
  return { kind: "leaf", text, level: "relation" };
}

/** `left == right`, printed operands. */
export function equals(left: string, right: string): Expr {
  return { kind: "equals", left, right, negated: false };
}

export function constant(value: boolean): Expr {
  return value ? TRUE : FALSE;
}

export function not(item: Expr): Expr {
  if (item.kind === "const") return constant(!item.value);
  if (item.kind === "not") return item.item;
  if (item.kind === "equals") return { ...item, negated: !item.negated };
  return { kind: "not", item };
}

/** Conjunction, flattened, with `true` dropped and `false` absorbing. */
export function and(...items: readonly Expr[]): Expr {
  const out: Expr[] = [];
  for (const item of items) {
    if (item.kind === "const") {
      if (!item.value) return FALSE;
      continue;
    }
    if (item.kind === "and") out.push(...item.items);
    else out.push(item);
  }
  return out.length === 0 ? TRUE : out.length === 1 ? out[0]! : { kind: "and", items: out };
}

/** Disjunction, flattened, with `false` dropped and `true` absorbing. */
export function or(...items: readonly Expr[]): Expr {
  const out: Expr[] = [];
  for (const item of items) {
    if (item.kind === "const") {
      if (item.value) return TRUE;
      continue;
    }
    if (item.kind === "or") out.push(...item.items);
    else out.push(item);
  }
  return out.length === 0 ? FALSE : out.length === 1 ? out[0]! : { kind: "or", items: out };
}

/**
 * `if test then a else b`, folded: constant branches become `&&` / `||`, except where Cedar's
 * validator needs the `if` (a guarded access in `a` that must not be read when `test` is false
 * is still safe in `test && a`, so only `else true` keeps the `if` — `!test || a` does not validate).
 */
export function ifThenElse(test: Expr, then: Expr, otherwise: Expr): Expr {
  if (test.kind === "const") return test.value ? then : otherwise;
  if (otherwise.kind === "const" && !otherwise.value) return and(test, then);
  if (then.kind === "const" && then.value) return or(test, otherwise);
  if (then.kind === "const" && !then.value) return and(not(test), otherwise);
  return { kind: "if", test, then, else: otherwise };
}

// Binding strength: higher binds tighter.
const LEVEL = { if: 0, or: 1, and: 2, relation: 3, not: 4, primary: 5, const: 5 } as const;

function levelOf(e: Expr): number {
  switch (e.kind) {
    case "leaf": return LEVEL[e.level];
    case "equals": return LEVEL.relation;
    case "const": return LEVEL.const;
    default: return LEVEL[e.kind];
  }
}

/** Prints an expression on one line (the formatter lays it out). */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case "const": return e.value ? "true" : "false";
    case "leaf": return e.text;
    case "equals": return `${e.left} ${e.negated ? "!=" : "=="} ${e.right}`;
    case "not": return `!${wrap(e.item, LEVEL.not + 1)}`;
    case "and": return printChain(e.items.map((i) => wrap(i, LEVEL.and + 1)), " && ");
    // `a && b || c` is correct, but `(a && b) || c` is what a reader expects.
    case "or": return printChain(e.items.map((i) => (i.kind === "and" ? `(${printExpr(i)})` : wrap(i, LEVEL.or + 1))), " || ");
    case "if": return `if ${printExpr(e.test)} then ${printExpr(e.then)} else ${printExpr(e.else)}`;
  }
}

/** Most operands written in one flat chain; longer chains are grouped (see `printChain`). */
export const CHAIN_GROUP = 8;

/**
 * Joins printed operands of an associative operator. cedar-wasm nests a chain `a || b || …` one
 * level per operand and traps past a few hundred (runtime/src/cedar/cedar-limits.ts), so a chain of
 * more than CHAIN_GROUP operands becomes a balanced tree of parenthesized groups: the same value
 * (`||` and `&&` are associative and short-circuit left to right in both forms), depth log8(n).
 */
export function printChain(operands: readonly string[], separator: string): string {
  if (operands.length <= CHAIN_GROUP) return operands.join(separator);
  const size = Math.ceil(operands.length / CHAIN_GROUP);
  const groups: string[] = [];
  for (let i = 0; i < operands.length; i += size) {
    const group = operands.slice(i, i + size);
    groups.push(group.length === 1 ? group[0]! : `(${printChain(group, separator)})`);
  }
  return printChain(groups, separator);
}

/** Prints `e` inside an operator that needs at least binding strength `min`. */
function wrap(e: Expr, min: number): string {
  // A relation cannot be an operand of another relation or of `!` without parentheses.
  return levelOf(e) >= min ? printExpr(e) : `(${printExpr(e)})`;
}

/** Prints `e` as one operand of a `||` chain written out by hand (parenthesized when needed). */
export function printDisjunct(e: Expr): string {
  return wrap(e, LEVEL.or + 1);
}

/** Prints `e` as one operand of a `&&` chain written out by hand (parenthesized when needed). */
export function printConjunct(e: Expr): string {
  return wrap(e, LEVEL.and + 1);
}
