// fast-check arbitraries for condition entries: one operator variant (base × qualifier × IfExists)
// on a key its checks accept, with values from the shared pools (variables in 2012-10-17 policies),
// key names in varied letter case, and condition blocks built from such entries.
// Phase: conformance generators. Only combinations the compiler accepts are generated.
import fc from "fast-check";
import { CONDITION_KEYS, VARIABLE_VALUES } from "./condition-keys.js";
import type { ConditionKeySpec } from "./condition-keys.js";
import { allVariants, familyOf, isValidVariant, operatorName } from "./operators.js";
import type { OperatorVariant } from "./operators.js";

export type PolicyKind = "key" | "identity";

/** A generated condition: the variant it tests, the operator name, the key as written and its value. */
export interface GeneratedCondition {
  readonly variant: OperatorVariant;
  readonly operator: string;
  readonly key: string;
  /** A string, a JSON boolean or number (§1.4), or a list of them. */
  readonly value: unknown;
}

export type ConditionBlock = Record<string, Record<string, unknown>>;

/** Keys a variant can be written with in a policy of `kind` without a checks error. */
export function keysFor(variant: OperatorVariant, kind: PolicyKind): readonly ConditionKeySpec[] {
  const family = familyOf(variant.base);
  return CONDITION_KEYS.filter((k) =>
    (kind === "identity" || k.inKeyPolicy)
    && (family === "null" || k.family === family)
    // KC2106: a plain operator on a multivalued key; KC2104: set operators on single-valued EC / RequestTag keys.
    && (variant.qualifier === "" ? !k.multi || family === "null" : !k.noSetOperators));
}

/** The variants usable in a policy of `kind` (every valid one has a key in both kinds). */
export const VALID_VARIANTS: readonly OperatorVariant[] = allVariants().filter(isValidVariant);

const keyCase = fc.constantFrom("as-is", "as-is", "as-is", "lower", "upper", "mixed");

function spell(key: string, how: string): string {
  if (how === "lower") return key.toLowerCase();
  if (how === "upper") return key.toUpperCase();
  if (how === "mixed") return [...key].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c.toLowerCase())).join("");
  return key;
}

/**
 * One policy value for a key: typed families stay parseable; string and ARN values hold a variable
 * about one time in seven (a condition with a variable often compiles to a derived view in Cedar,
 * so more would starve the native paths).
 */
function valueArb(spec: ConditionKeySpec, variables: boolean): fc.Arbitrary<string> {
  const edges = (spec.edgeValues ?? []).filter((v) => variables || !v.includes("${"));
  const plain = edges.length === 0 ? fc.constantFrom(...spec.policyValues)
    : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...spec.policyValues) }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
  if (!variables || (spec.family !== "string" && spec.family !== "arn")) return plain;
  return fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...VARIABLE_VALUES[spec.family]) });
}

/** How the values are written: one bare value, a one-element list, or several (not for Bool and Null). */
function valuesArb(variant: OperatorVariant, spec: ConditionKeySpec, variables: boolean): fc.Arbitrary<unknown> {
  if (variant.base === "Null") {
    return fc.constantFrom<unknown>("true", "false", "true", "false", true, false, ["true"]);
  }
  const one = valueArb(spec, variables);
  if (variant.base === "Bool") {
    // §2.6: one value; JSON booleans are the same as the strings (§1.4).
    return fc.oneof(one, fc.constantFrom<unknown>(true, false), one.map((v) => [v]));
  }
  const numeric = spec.family === "numeric" ? fc.constantFrom<unknown>(7, 21, 30, -1.5) : one;
  return fc.oneof(
    { weight: 4, arbitrary: one },
    { weight: 1, arbitrary: numeric },
    { weight: 4, arbitrary: fc.uniqueArray(one, { minLength: 1, maxLength: 3 }) },
  );
}

/** One condition entry testing `variant` in a policy of `kind`. */
export function conditionArb(variant: OperatorVariant, kind: PolicyKind, variables: boolean): fc.Arbitrary<GeneratedCondition> {
  const specs = keysFor(variant, kind);
  // INVARIANT: every valid variant has at least one key in each kind (CONDITION_KEYS covers every family).
  if (specs.length === 0) throw new Error(`no condition key for ${operatorName(variant)} in a ${kind} policy`);
  const weighted = specs.flatMap((spec) => Array.from({ length: spec.weight ?? 1 }, () => spec));
  return fc.constantFrom(...weighted).chain((spec) =>
    fc.record({ how: keyCase, value: valuesArb(variant, spec, variables) }).map(({ how, value }) => ({
      variant, operator: operatorName(variant), key: spell(spec.key, how), value,
    })));
}

/** A condition of any valid variant (noise around the operator a case focuses on). */
export function anyConditionArb(kind: PolicyKind, variables: boolean): fc.Arbitrary<GeneratedCondition> {
  return fc.constantFrom(...VALID_VARIANTS).chain((v) => conditionArb(v, kind, variables));
}

/** Builds a Condition block: operators AND, keys under one operator AND; case-variant repeats dropped (KC2094). */
export function buildConditionBlock(conditions: readonly GeneratedCondition[]): ConditionBlock | undefined {
  if (conditions.length === 0) return undefined;
  const block: ConditionBlock = {};
  for (const c of conditions) {
    const entry = (block[c.operator] ??= {});
    if (Object.keys(entry).some((k) => k.toLowerCase() === c.key.toLowerCase())) continue;
    entry[c.key] = c.value;
  }
  return block;
}
