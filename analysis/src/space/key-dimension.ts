// One condition key as a finite dimension of the request space: absent, given in two letter cases
// (ambiguous, spec A18), one value per class of values no test can tell apart, and sets of values
// where a qualified operator reads a multi-valued key. Exact for the operators it accepts; refuses
// (KA codes) the rest.
import type { ConditionNode } from "@kms-cedar/runtime";
import { arnNfa, globNfa, literalNfa } from "../atoms/pattern-nfa.js";
import type { PatternNfa } from "../atoms/pattern-nfa.js";
import { boolClasses, dateClasses, ipClasses, numericClasses } from "../atoms/ordered-classes.js";
import type { ValueClass } from "../atoms/ordered-classes.js";
import { stringRegions } from "../atoms/string-regions.js";
import { AnalysisCode, refuse } from "../diagnostics.js";
import { literalValues, plainValues } from "./graph-tests.js";

export type DimValue =
  | { readonly kind: "absent"; readonly label: string }
  | { readonly kind: "value"; readonly value: string | readonly string[]; readonly label: string }
  | { readonly kind: "ambiguous"; readonly value: string; readonly label: string }
  /** Two keys related by a policy variable (variable-pairs.ts): one value of each. */
  | { readonly kind: "pair"; readonly keys: readonly [string, string]; readonly parts: readonly [DimValue, DimValue]; readonly label: string };

export interface KeyDimension {
  /** The key (for a pair, its first key). */
  readonly key: string;
  /** Set for the pair dimension of two keys related by a policy variable. */
  readonly keys?: readonly [string, string];
  readonly values: readonly DimValue[];
}

export type Family = "string" | "numeric" | "date" | "ip" | "bool" | "null";

const STRING_BASES = new Set([
  "StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
]);

export function familyOf(base: string, key: string): Family {
  if (STRING_BASES.has(base)) return "string";
  if (base.includes("IgnoreCase")) refuse(AnalysisCode.ignoreCase, `\`${base}\` on \`${key}\``);
  if (base.startsWith("Numeric")) return "numeric";
  if (base.startsWith("Date")) return "date";
  if (base === "IpAddress" || base === "NotIpAddress") return "ip";
  if (base === "Bool") return "bool";
  if (base === "Null") return "null";
  return refuse(AnalysisCode.operator, `\`${base}\` on \`${key}\` is not modelled`);
}

/** The string pattern of one policy value under a string-family operator, with a readable label. */
export function stringPattern(base: string, value: string): { nfa: PatternNfa; label: string; id: string } {
  if (base === "StringEquals" || base === "StringNotEquals") return { nfa: literalNfa(value), label: `= "${value}"`, id: `=${value}` };
  if (base === "StringLike" || base === "StringNotLike") {
    return /[*?]/.test(value) ? { nfa: globNfa(value), label: `like "${value}"`, id: `~${value}` } : { nfa: literalNfa(value), label: `= "${value}"`, id: `=${value}` };
  }
  return { nfa: arnNfa(value), label: `arn-like "${value}"`, id: `@${value}` };
}

/** The string patterns of `nodes`' values (`literals` reads a node's values), by pattern id. */
export function stringPatternsOf(nodes: readonly ConditionNode[], literals: (n: ConditionNode) => readonly string[]): Map<string, { nfa: PatternNfa; label: string; id: string }> {
  const byId = new Map<string, { nfa: PatternNfa; label: string; id: string }>();
  for (const n of nodes) {
    if (n.base === "Null") continue;
    for (const v of literals(n)) {
      const p = stringPattern(n.base, v);
      byId.set(p.id, p);
    }
  }
  return byId;
}

/** The classes of single values of a key tested by `nodes` (all of one family). */
export function valueClasses(
  key: string, nodes: readonly ConditionNode[], extraPatterns: readonly { nfa: PatternNfa; label: string; id: string }[] = [],
  /** True when the request space has checked the variables (variable-pairs.ts) and decides them in pair dimensions; else they are refused. */
  variablesPaired = false,
): { family: Family; classes: ValueClass[] } {
  const literals = (n: ConditionNode): string[] => (variablesPaired ? literalValues(n) : plainValues(n.values, `a condition on \`${key}\``));
  const families = new Set(nodes.map((n) => familyOf(n.base, key)));
  families.delete("null");
  if (families.size > 1) refuse(AnalysisCode.mixedFamilies, `\`${key}\` is tested as ${[...families].join(" and ")}`);
  const family: Family = families.size === 0 ? "null" : [...families][0]!;
  // Whole-value variables (variable-pairs.ts) are decided by the pair dimension; a key's own classes come from its literals.
  const values = nodes.filter((n) => n.base !== "Null").flatMap(literals);
  switch (family) {
    case "null":
      return { family, classes: [{ witness: "value", label: "any value" }] };
    case "numeric":
      return { family, classes: numericClasses(values) };
    case "date":
      return { family, classes: dateClasses(values) };
    case "ip":
      return { family, classes: ipClasses(values) };
    case "bool":
      return { family, classes: boolClasses() };
    case "string": {
      const byId = stringPatternsOf(nodes, literals);
      for (const p of extraPatterns) byId.set(p.id, p);
      const patterns = [...byId.values()];
      const regions = stringRegions(patterns.map((p) => p.nfa));
      return { family, classes: regions.map((r) => ({ witness: r.witness, label: describeRegion(patterns.map((p) => p.label), r.member) })) };
    }
  }
}

/** "like "Alpha*" but not = "Alpha"" from a region's membership vector. */
export function describeRegion(labels: readonly string[], member: readonly boolean[]): string {
  const yes = labels.filter((_, i) => member[i]);
  const no = labels.filter((_, i) => !member[i]);
  if (yes.length === 0) return no.length <= 3 ? `not ${no.join(", not ")}` : `none of ${no.length} tested values`;
  const head = yes.join(" and ");
  if (no.length === 0) return head;
  return no.length <= 3 ? `${head} but not ${no.join(", not ")}` : `${head} but none of ${no.length} other tested values`;
}

const MAX_SET_CLASSES = 10;

/** The dimension of a key that the request's context gives freely. */
export function keyDimension(key: string, nodes: readonly ConditionNode[]): KeyDimension {
  const { family, classes } = valueClasses(key, nodes, [], true);
  const tests = nodes.filter((n) => n.base !== "Null");
  const qualified = tests.some((n) => n.qualifier !== undefined);
  const plain = tests.some((n) => n.qualifier === undefined);
  const values: DimValue[] = [{ kind: "absent", label: `${key} absent` }];
  for (const c of classes) values.push({ kind: "value", value: c.witness, label: `${key} ${c.label}` });
  if (qualified && plain) refuse(AnalysisCode.multiValued, `\`${key}\` is tested by qualified and plain operators`);
  if (qualified) {
    if (classes.length > MAX_SET_CLASSES) refuse(AnalysisCode.multiValued, `\`${key}\` has ${classes.length} value classes (at most ${MAX_SET_CLASSES} for its sets)`);
    // Qualified operators read a set only through which classes it holds: every set of two or more classes.
    for (let mask = 1; mask < 1 << classes.length; mask++) {
      const members = classes.filter((_, i) => (mask & (1 << i)) !== 0);
      if (members.length < 2) continue;
      values.push({ kind: "value", value: members.map((c) => c.witness), label: `${key} has {${members.map((c) => c.label).join("; ")}}` });
    }
  } else if (plain || family !== "null") {
    // A plain operator on two or more distinct values is undecidable (A5) whatever they are.
    const a = classes[0]!.witness;
    const b = classes[1]?.witness ?? `${a}-2`;
    values.push({ kind: "value", value: [a, b], label: `${key} has several values` });
  }
  values.push({ kind: "ambiguous", value: classes[0]!.witness, label: `${key} given in two letter cases` });
  return { key, values };
}
