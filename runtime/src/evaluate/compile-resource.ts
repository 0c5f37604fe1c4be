// Compiles a Resource / NotResource node (spec §1.7, §4.4): some pattern matches the request
// resource (NotResource: none does). A pattern whose variable has no value matches nothing.
import type { ResourceNode } from "../graph/graph-types.js";
import { compileResourcePattern, matchResourcePattern } from "../operators/resource-pattern.js";
import type { ResourcePattern } from "../operators/resource-pattern.js";
import type { NodeTest } from "./compile-condition.js";
import { memoizeNode } from "./eval-state.js";
import type { EvalState, Tri } from "./eval-state.js";
import { compileTemplate, resolveChunks } from "./template.js";

export function compileResource(node: ResourceNode, id: number, slotOf: (key: string) => number): NodeTest {
  const fixed = node.patterns.filter((p): p is string => typeof p === "string").map((p) => compileResourcePattern(p));
  const templated = node.patterns.flatMap((p) => (typeof p === "string" ? [] : [compileTemplate(p.template, slotOf)]));
  const hit: Tri = node.negated ? 0 : 1;
  const miss: Tri = node.negated ? 1 : 0;
  const resolved: (ResourcePattern | null)[] = templated.map(() => null);
  const test = (st: EvalState): Tri => {
    // A pattern with a variable on an ambiguous key makes the element undecidable (fail closed).
    for (let i = 0; i < templated.length; i++) {
      // PERF: patterns with variables are resolved and compiled per request.
      const chunks = resolveChunks(templated[i]!, st);
      if (chunks === undefined) return 2;
      resolved[i] = chunks === null ? null : compileResourcePattern(chunks);
    }
    for (let i = 0; i < fixed.length; i++) if (matchResourcePattern(fixed[i]!, st.resource)) return hit;
    for (let i = 0; i < resolved.length; i++) {
      const p = resolved[i];
      if (p != null && matchResourcePattern(p, st.resource)) return hit; // NULL matches nothing
    }
    return miss;
  };
  // PERF: without variables the answer depends on the resource string alone; keep the last one.
  let lastResource: string | undefined;
  let lastValue: Tri = 0;
  const cached = (st: EvalState): Tri => {
    if (st.resource !== lastResource) {
      lastValue = test(st);
      lastResource = st.resource;
    }
    return lastValue;
  };
  return memoizeNode(id, templated.length === 0 ? cached : test);
}
