// The outcome (0 false, 1 true, 2 undecidable) of one condition node on one value of its key's
// dimension, written from spec §2.2 / §2.10–§2.12 and A3–A5, A18 (as runtime/src/evaluate does it),
// so that values of a key can be grouped by what the statements see. Used only to group: every
// decision the analysis reports is still made by the engines on a concrete request.
import { parseBool, parseCidr, parseDecimal, parseInstant } from "@kms-cedar/runtime/conditions";
import type { ConditionNode } from "@kms-cedar/runtime";
import type { Decimal } from "@kms-cedar/runtime/conditions";
import { arnNfa, globNfa, nfaMatches } from "../atoms/pattern-nfa.js";
import type { DimValue } from "./key-dimension.js";
import { literalValues } from "./graph-tests.js";
import { variablesOf } from "./variable-pairs.js";
import type { WholeVariable } from "./variable-pairs.js";

export type Tri = 0 | 1 | 2;

const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: "StringEquals", StringNotLike: "StringLike", NumericNotEquals: "NumericEquals", DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress", ArnNotEquals: "ArnLike", ArnNotLike: "ArnLike",
};

function cmp(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.frac.length, b.frac.length);
  const v = (d: Decimal): bigint => {
    const x = BigInt((d.int === "" ? "0" : d.int) + d.frac.padEnd(scale, "0"));
    return d.sign < 0 ? -x : x;
  };
  const x = v(a);
  const y = v(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function accept(suffix: string, c: number): boolean {
  switch (suffix) {
    case "Equals": return c === 0;
    case "LessThan": return c < 0;
    case "LessThanEquals": return c <= 0;
    case "GreaterThan": return c > 0;
    case "GreaterThanEquals": return c >= 0;
  }
  throw new Error(`INVARIANT: no comparison \`${suffix}\``);
}

function ipValue(words: Uint32Array, v6: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < (v6 ? 4 : 1); i++) v = (v << 32n) | BigInt(words[i]!);
  return v;
}

/** `m(r)`: some policy value matches `r` under the positive partner of `base`. */
export function compileMatch(base: string, values: readonly string[]): (r: string) => boolean {
  const tests: ((r: string) => boolean)[] = values.map((p) => {
    if (base === "StringEquals") return (r) => r === p;
    if (base === "StringLike") {
      const n = globNfa(p);
      return (r) => nfaMatches(n, r);
    }
    if (base === "ArnLike" || base === "ArnEquals") {
      const n = arnNfa(p);
      return (r) => nfaMatches(n, r);
    }
    if (base === "Bool") {
      const b = parseBool(p);
      return (r) => b !== undefined && parseBool(r) === b;
    }
    if (base === "IpAddress") {
      const range = parseCidr(p);
      return (r) => {
        if (range === undefined || r.includes("/")) return false;
        const a = parseCidr(r);
        if (a === undefined || a.v6 !== range.v6) return false;
        const bits = BigInt((range.v6 ? 128 : 32) - range.prefix);
        return ipValue(a.words, a.v6) >> bits === ipValue(range.words, range.v6) >> bits;
      };
    }
    if (base.startsWith("Numeric")) {
      const d = parseDecimal(p);
      const suffix = base.slice("Numeric".length);
      return (r) => {
        const x = parseDecimal(r);
        return d !== undefined && x !== undefined && accept(suffix, cmp(x, d));
      };
    }
    if (base.startsWith("Date")) {
      const d = parseInstant(p);
      const suffix = base.slice("Date".length);
      return (r) => {
        const x = parseInstant(r);
        return d !== undefined && x !== undefined && accept(suffix, cmp(x, d));
      };
    }
    throw new Error(`INVARIANT: no positive operator \`${base}\``);
  });
  return (r) => tests.some((t) => t(r));
}

const matchers = new WeakMap<ConditionNode, (r: string) => boolean>();

/** What a whole-value variable resolves to (spec §4.4, as resolve-template.ts): a string, NULL, or undecidable. */
function resolveVariable(w: WholeVariable, value: DimValue): string | null | undefined {
  if (value.kind === "ambiguous") return undefined;
  if (value.kind === "absent") return w.default ?? null;
  if (value.kind === "pair") throw new Error("INVARIANT: a pair's parts are read one at a time");
  const v = value.value;
  if (typeof v === "string") return v;
  return v.some((x) => x !== v[0]) ? undefined : v[0]!;
}

/**
 * The node's outcome on a value of its key; `variable` gives the value of the key a whole-value
 * variable reads (variable-pairs.ts: the other key of the node's pair). Variables resolve before the
 * key is read: one that is undecidable makes the node undecidable even when the key is absent
 * (runtime condition-answer.ts).
 */
export function nodeOutcome(node: ConditionNode, value: DimValue, variable?: (key: string) => DimValue): Tri {
  let split = splits.get(node);
  if (split === undefined) splits.set(node, (split = { variables: variablesOf(node), literals: literalValues(node) }));
  const { variables, literals } = split;
  if (variables.length === 0) return plainOutcome(node, value, literals, []);
  if (variable === undefined) throw new Error(`INVARIANT: a node on \`${node.key}\` with a variable is read in a pair dimension`);
  const resolved: string[] = [];
  for (const w of variables) {
    const r = resolveVariable(w, variable(w.variable));
    if (r === undefined) return 2;
    if (r !== null) resolved.push(r); // NULL matches nothing
  }
  return plainOutcome(node, value, literals, resolved);
}

/** A node's values split into whole-value variables and literals, once per node (nodeOutcome is hot). */
const splits = new WeakMap<ConditionNode, { variables: WholeVariable[]; literals: string[] }>();

function plainOutcome(node: ConditionNode, value: DimValue, values: readonly string[], resolved: readonly string[]): Tri {
  if (value.kind === "ambiguous") return 2;
  if (value.kind === "pair") throw new Error("INVARIANT: a pair's parts are read one at a time");
  if (node.base === "Null") {
    if (node.qualifier === "ForAllValues") return 1;
    if (node.qualifier === "ForAnyValue") return 0;
    const isTrue = (v: string): boolean => v.toLowerCase() === "true";
    const present = value.kind === "value";
    return (present ? values.some((v) => !isTrue(v)) : values.some(isTrue)) ? 1 : 0;
  }
  const negated = node.base in NEGATED;
  const positive = NEGATED[node.base] ?? (node.base === "ArnEquals" ? "ArnLike" : node.base);
  if (value.kind === "absent") return node.ifExists || node.qualifier === "ForAllValues" ? 1 : node.qualifier === "ForAnyValue" ? 0 : negated ? 1 : 0;
  let fixed = matchers.get(node);
  if (fixed === undefined) matchers.set(node, (fixed = compileMatch(positive, values)));
  // Resolved variables are literal text (A24): equality under StringEquals and StringLike alike (the only bases admitted with them).
  const f = fixed;
  const m = resolved.length === 0 ? f : (r: string): boolean => f(r) || resolved.includes(r);
  const v = value.value;
  if (typeof v === "string") return m(v) !== negated ? 1 : 0;
  if (node.qualifier === undefined) {
    if (v.some((x) => x !== v[0])) return 2;
    return m(v[0]!) !== negated ? 1 : 0;
  }
  if (node.qualifier === "ForAllValues") return v.every((x) => m(x) !== negated) ? 1 : 0;
  return v.some((x) => m(x) !== negated) ? 1 : 0;
}
