// Computes the derived Boolean attributes of the manifest: one condition test (spec §2.2 evalKey,
// §2.10–§2.12, §3.2, §4.4) or one Resource element (§1.7) for the current request; `undefined` when
// the answer is undecidable (the policy then applies the fail-closed rule by its effect, §0.2).
import { compileConditionAnswer } from "../conditions/condition-answer.js";
import type { TemplateReader } from "../conditions/policy-values.js";
import { resolveTemplate, variableValue } from "../conditions/resolve-template.js";
import type { VariableValue } from "../conditions/resolve-template.js";
import type { GraphTemplatePart, GraphValue } from "../graph/graph-types.js";
import type { GlobChunk } from "../operators/glob.js";
import { compileResourcePattern, matchResourcePattern } from "../operators/resource-pattern.js";
import { starReach } from "../operators/resource-star.js";
import type { ManifestCondition } from "./cedar-manifest.js";
import type { ContextIndex } from "./context-index.js";

/** What the request resource `*` stands for: the caller's partition and account (DESIGN §2). */
export interface StarOwner {
  readonly partition: string;
  readonly account: string;
}

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

/** Compiles a Resource / NotResource element of the manifest. */
export function compileResourceTest(negated: boolean, patterns: readonly GraphValue[]): DerivedTest {
  return (index, resource, owner) => {
    let hit = false;
    let undecided = false;
    for (const p of patterns) {
      const chunks = resolve(p, index);
      if (chunks === undefined) return undefined;
      if (chunks === null) continue; // a pattern with an unresolvable variable matches nothing
      const compiled = compileResourcePattern(typeof p === "string" ? p : chunks);
      if (resource === "*" && !compiled.everything) {
        // DEVIATION: §1.7, A20, DESIGN §2 — `*` is the caller's `arn:P:kms:R:A:*` in an unnamed Region.
        const reach = owner === undefined || owner.account === "" ? "none" : starReach(compiled, owner.partition, owner.account);
        if (reach === "every") hit = true;
        else if (reach === "some") undecided = true;
      } else if (matchResourcePattern(compiled, resource)) hit = true;
    }
    if (patterns.includes("*")) return !negated;
    // One undecided pattern leaves the element undecided (as an ambiguous variable does).
    return undecided ? undefined : hit !== negated;
  };
}

/** Resolves a pattern's variables (spec §4.4): chunks, `null` (NULL) or `undefined` (undecidable). */
function resolve(value: GraphValue, index: ContextIndex): GlobChunk[] | null | undefined {
  if (typeof value === "string") return [{ text: value, wild: true }];
  return CONTEXT_TEMPLATES.resolve(CONTEXT_TEMPLATES.compile(value.template), index);
}
