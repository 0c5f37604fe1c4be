// Computes the derived Boolean attributes of the manifest: one condition test (spec §2.2 evalKey,
// §2.10–§2.12, §3.2, §4.4) or one Resource element (§1.7) for the current request; `undefined` when
// the answer is undecidable (the policy then applies the fail-closed rule by its effect, §0.2).
import { compileConditionAnswer } from "../conditions/condition-answer.js";
import type { TemplateReader } from "../conditions/policy-values.js";
import { resolveTemplate, variableValue } from "../conditions/resolve-template.js";
import type { VariableValue } from "../conditions/resolve-template.js";
import type { GraphTemplatePart, GraphValue } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import { someResourcePatternMatches } from "../conditions/resource-answer.js";
import type { StarOwner } from "../conditions/resource-answer.js";
import { compileResourcePattern } from "../operators/resource-pattern.js";
import type { ResourcePattern } from "../operators/resource-pattern.js";
import type { ManifestCondition } from "./cedar-manifest.js";
import type { ContextIndex } from "./context-index.js";

/** No caller to own the request resource `*`: only a `*` pattern matches it. */
const NO_OWNER: StarOwner = { partition: "", account: "" };

/** A derived test: true, false, or undefined (undecidable). `owner` is set for the request resource `*`. */
export type DerivedTest = (index: ContextIndex, resource: string, owner?: StarOwner) => boolean | undefined;

const BOOLEAN = [false, true, undefined] as const;

/** A template with the (lower-cased) key of each variable part. */
interface KeyedTemplate {
  readonly parts: readonly GraphTemplatePart[];
  readonly keys: readonly string[];
}

/** How the encoder resolves the templates of condition values (the rule: runtime/src/conditions/). */
const CONTEXT_TEMPLATES: TemplateReader<KeyedTemplate, ContextIndex> = {
  compile: (parts) => ({ parts, keys: parts.map((p) => ("variable" in p ? p.variable : "")) }),
  resolve: (t, index) => resolveTemplate(t.parts, t.keys, index, keyVariable),
};

function keyVariable(index: ContextIndex, key: string): VariableValue {
  const entry = index.get(key);
  return variableValue(entry.kind, entry.kind === "present" ? entry.values : undefined);
}

/** Compiles a condition test of the manifest: the same answer as the graph's condition node. */
export function compileConditionTest(c: ManifestCondition): DerivedTest {
  const answer = compileConditionAnswer(c, CONTEXT_TEMPLATES);
  return (index) => {
    const entry = index.get(c.key);
    return BOOLEAN[answer(index, entry.kind, entry.kind === "present" ? entry.values : undefined)];
  };
}

/** Compiles a Resource / NotResource element of the manifest (its meaning: conditions/resource-answer.ts). */
export function compileResourceTest(negated: boolean, patterns: readonly GraphValue[]): DerivedTest {
  // The fixed patterns compiled once; the templated ones compiled per request as resolved (null: NULL).
  const resolved: (ResourcePattern | null)[] = patterns.map((p) => (typeof p === "string" ? compileResourcePattern(p) : null));
  return (index, resource, owner) => {
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!;
      if (typeof p === "string") continue;
      const chunks = resolve(p, index);
      if (chunks === undefined) return undefined; // a variable on an ambiguous key: undecidable
      resolved[i] = chunks === null ? null : compileResourcePattern(chunks);
    }
    const some = someResourcePatternMatches(resolved, resource, owner ?? NO_OWNER);
    return some === 2 ? undefined : (some === 1) !== negated;
  };
}

/** Resolves a pattern's variables (spec §4.4): chunks, `null` (NULL) or `undefined` (undecidable). */
function resolve(value: Exclude<GraphValue, string>, index: ContextIndex): GlobChunk[] | null | undefined {
  return CONTEXT_TEMPLATES.resolve(CONTEXT_TEMPLATES.compile(value.template), index);
}
