// Policy variables the analysis decides exactly: a StringEquals / StringNotEquals / StringLike /
// StringNotLike (IfExists or not) value that is one whole variable `${B}` or `${B, 'd'}`, on a key A, where A and B are free
// single-valued keys (not caller-derived) related to no third key. Such a test reads A's and B's
// values only through their classes and whether they are equal, so for each (action, resource,
// caller) whose statements relate A and B, the two key dimensions are replaced by one pair dimension
// (pairDimension): a class (or absent, several values, two letter cases) for each key over the
// common patterns of both keys, and for two values in the same class whether they are equal. Equal
// needs a common value: with common patterns, two values in different classes differ and two equal
// values share a class. Unequal in one class needs a class with two strings, found exactly by a
// second automaton search. Everything else with a variable is refused (KA0001), never guessed.
import { DERIVED_KEYS } from "@kms-cedar/runtime";
import type { ConditionNode, GraphValue } from "@kms-cedar/runtime";
import { literalNfa } from "../atoms/pattern-nfa.js";
import type { PatternNfa } from "../atoms/pattern-nfa.js";
import { stringRegions } from "../atoms/string-regions.js";
import { AnalysisCode, refuse } from "../diagnostics.js";
import { literalValues } from "./graph-tests.js";
import { describeRegion, familyOf, stringPatternsOf } from "./key-dimension.js";
import type { DimValue, KeyDimension } from "./key-dimension.js";

/** A whole-value variable: the key it reads, and its default (used when that key is absent). */
export interface WholeVariable {
  readonly variable: string;
  readonly default?: string;
}

const DERIVED = new Set<string>(DERIVED_KEYS);
// Resolved text is literal (spec §4.4, A24): under StringLike a whole-variable value is compared for equality too.
const EQUALITY_BASES = new Set(["StringEquals", "StringNotEquals", "StringLike", "StringNotLike"]);

/** The value as a whole variable, or undefined for a plain string (a template of any other shape is refused by checkVariables first). */
export function wholeVariable(v: GraphValue): WholeVariable | undefined {
  if (typeof v === "string") return undefined;
  const part = v.template[0]!;
  if (!("variable" in part)) throw new Error("INVARIANT: checkVariables admits whole-variable templates only");
  return part.default === undefined ? { variable: part.variable } : { variable: part.variable, default: part.default };
}

/** The variables of a condition node (none for a plain node). */
export function variablesOf(node: ConditionNode): WholeVariable[] {
  return node.values.flatMap((v) => wholeVariable(v) ?? []);
}

/**
 * Checks every policy variable of every condition against the fragment above and returns the
 * related pairs (each key → its partner). Refuses (KA0001) with what exactly is not supported.
 */
export function checkVariables(conditions: ReadonlyMap<string, readonly ConditionNode[]>): Map<string, string> {
  const partner = new Map<string, string>();
  const relate = (a: string, b: string): void => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const p = partner.get(x);
      if (p !== undefined && p !== y) refuse(AnalysisCode.variable, `\`${x}\` is related by policy variables to both \`${p}\` and \`${y}\`; only pairs of keys are modelled, not chains`);
      partner.set(x, y);
    }
  };
  for (const [key, nodes] of conditions) {
    for (const n of nodes) {
      for (const v of n.values) {
        if (typeof v === "string") continue;
        const where = `a \`${n.qualifier === undefined ? "" : `${n.qualifier}:`}${n.base}${n.ifExists ? "IfExists" : ""}\` value on \`${key}\``;
        const part = v.template[0];
        if (v.template.length !== 1 || part === undefined || !("variable" in part)) {
          refuse(AnalysisCode.variable, `${where} has a policy variable inside a larger string or pattern; only a value that is exactly one \`\${key}\` is modelled`);
        }
        if (!EQUALITY_BASES.has(n.base) || n.qualifier !== undefined) {
          refuse(AnalysisCode.variable, `${where} is the policy variable \`\${${part.variable}}\`; variables are modelled only as whole values of StringEquals / StringNotEquals / StringLike / StringNotLike (and their IfExists forms)`);
        }
        for (const k of [key, part.variable]) {
          if (DERIVED.has(k)) refuse(AnalysisCode.variable, `${where} relates \`${k}\`, a caller- or resource-derived key, by the policy variable \`\${${part.variable}}\`; variables are modelled only between keys the request context gives freely`);
        }
        if (part.variable === key) refuse(AnalysisCode.variable, `${where} compares the key with itself (\`\${${key}}\`); not modelled`);
        relate(key, part.variable);
      }
    }
  }
  // Both keys of a pair are single strings tested by plain operators: a set or another family would need more than equality.
  for (const key of partner.keys()) {
    for (const n of conditions.get(key) ?? []) {
      if (n.base === "Null") continue;
      if (n.qualifier !== undefined) refuse(AnalysisCode.variable, `\`${key}\` is related by a policy variable and tested with \`${n.qualifier}:${n.base}\`; sets of a related key are not modelled`);
      if (familyOf(n.base, key) !== "string") refuse(AnalysisCode.variable, `\`${key}\` is related by a policy variable and tested with \`${n.base}\`; only string operators are modelled on related keys`);
    }
  }
  return partner;
}

/** The label of one part of a pair value (as a key dimension labels it). */
function partLabel(key: string, v: DimValue): string {
  return v.label === "" ? `${key} absent` : v.label;
}

/** Pair dimensions by keys and patterns: the same few statements relate the same keys in many triples. */
const memo = new Map<string, KeyDimension>();

/**
 * The pair dimension of keys `a` < `b` for the condition nodes that test them in one (action,
 * resource, caller). Values: every (value of a, value of b) of their single-key dimensions over the
 * common classes, with a class shared by both split into equal and (when the class has two strings)
 * unequal.
 */
export function pairDimension(a: string, b: string, nodes: readonly ConditionNode[]): KeyDimension {
  const patterns = stringPatternsOf(nodes, literalValues);
  // An absent variable key takes its default, compared with the other key's value: tell it apart.
  for (const n of nodes) {
    if (n.base === "Null") continue;
    for (const w of variablesOf(n)) if (w.default !== undefined) patterns.set(`=${w.default}`, { nfa: literalNfa(w.default), label: `= "${w.default}"`, id: `=${w.default}` });
  }
  const ids = [...patterns.keys()].sort();
  const memoKey = `${a}\u0000${b}\u0000${ids.join("\u0001")}`;
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit;
  const list = ids.map((id) => patterns.get(id)!);
  const nfas = list.map((p) => p.nfa);
  const regions = stringRegions(nfas);
  const byMember = new Map(regions.map((r, i) => [r.member.map(Number).join(""), i] as const));
  // A second string per class, if it has one: the regions again with each class's witness as a literal.
  const second = new Map<number, string>();
  for (const r of stringRegions([...nfas, ...regions.map((c) => literalNfa(c.witness))])) {
    const c = byMember.get(r.member.slice(0, nfas.length).map(Number).join(""))!;
    if (!r.member[nfas.length + c] && !second.has(c)) second.set(c, r.witness);
  }
  const classes = regions.map((r) => ({ witness: r.witness, label: describeRegion(list.map((p) => p.label), r.member) }));
  const single = (key: string): DimValue[] => {
    const out: DimValue[] = [{ kind: "absent", label: "" }];
    for (const c of classes) out.push({ kind: "value", value: c.witness, label: `${key} ${c.label}` });
    // A plain operator on several values, or a variable on them, is undecidable (A5, §4.1) whatever they are.
    const x = classes[0]!.witness;
    out.push({ kind: "value", value: [x, classes[1]?.witness ?? second.get(0) ?? `${x}-2`], label: `${key} has several values` });
    out.push({ kind: "ambiguous", value: x, label: `${key} given in two letter cases` });
    return out;
  };
  const va = single(a);
  const vb = single(b);
  const values: DimValue[] = [];
  va.forEach((x, i) => {
    vb.forEach((y, j) => {
      const label = `${partLabel(a, x)} and ${partLabel(b, y)}`;
      const c = i - 1; // the class index when both parts are the same class
      if (i === j && c >= 0 && c < classes.length) {
        values.push({ kind: "pair", keys: [a, b], parts: [x, y], label: `${label}, equal` });
        const other = second.get(c);
        if (other !== undefined) values.push({ kind: "pair", keys: [a, b], parts: [x, { ...y, value: other } as DimValue], label: `${label}, different` });
      } else values.push({ kind: "pair", keys: [a, b], parts: [x, y], label });
    });
  });
  const dim: KeyDimension = { key: a, keys: [a, b], values };
  // The memo outlives one analysis (a long-lived playground runs many): bounded, never a leak.
  if (memo.size >= 10_000) memo.clear();
  memo.set(memoKey, dim);
  return dim;
}
