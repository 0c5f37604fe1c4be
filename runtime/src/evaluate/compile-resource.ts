// Compiles a Resource / NotResource node (spec §1.7, §4.4): some pattern matches the request
// resource (NotResource: none does), as runtime/src/conditions/resource-answer.ts says (the request
// resource `*` included). A key policy's Resource has its own rule.
import type { ResourceNode } from "../graph/graph-types.js";
import { someResourcePatternMatches } from "../conditions/resource-answer.js";
import { compileResourcePattern } from "../operators/resource-pattern.js";
import type { ResourcePattern } from "../operators/resource-pattern.js";
import { starReach } from "../operators/resource-star.js";
import type { StarReach } from "../operators/resource-star.js";
import type { NodeTest } from "./compile-condition.js";
import { memoizeNode } from "./eval-state.js";
import type { EvalState, Tri } from "./eval-state.js";
import { compileTemplate, resolveChunks } from "./template.js";

const STAR_CACHE_LIMIT = 256;
/** Resources remembered per Resource element whose patterns need the automaton. */
const RECENT_LIMIT = 2048;

export function compileResource(node: ResourceNode, id: number, slotOf: (key: string) => number): NodeTest {
  if (node.keyPolicy === true) return memoizeNode(id, compileKeyPolicyResource(node));
  const fixed = node.patterns.filter((p): p is string => typeof p === "string").map((p) => compileResourcePattern(p));
  const templated = node.patterns.flatMap((p) => (typeof p === "string" ? [] : [compileTemplate(p.template, slotOf)]));
  const hit: Tri = node.negated ? 0 : 1;
  const miss: Tri = node.negated ? 1 : 0;
  // The fixed patterns, then the templated ones as resolved for the current request (null: NULL).
  const patterns: (ResourcePattern | null)[] = [...fixed, ...templated.map(() => null)];
  // PERF: the reach of a fixed pattern depends on the caller's partition and account only.
  const starMemo = fixed.map(() => new Map<string, StarReach>());
  const reachOf = (p: ResourcePattern, i: number, st: EvalState): StarReach => {
    if (i >= fixed.length) return starReach(p, st.callerPartition, st.callerAccount);
    const memo = starMemo[i]!;
    const key = `${st.callerPartition}:${st.callerAccount}`;
    let r = memo.get(key);
    if (r === undefined) {
      r = starReach(p, st.callerPartition, st.callerAccount);
      if (memo.size >= STAR_CACHE_LIMIT) memo.clear();
      memo.set(key, r);
    }
    return r;
  };
  // An element listing `*` matches whatever the others say, an undecidable variable included (spec §1.7 rule 1).
  const star = fixed.some((p) => p.everything);
  const test = (st: EvalState): Tri => {
    if (star) return hit;
    // A pattern with a variable on an ambiguous key makes the element undecidable (fail closed).
    for (let i = 0; i < templated.length; i++) {
      // PERF: patterns with variables are resolved and compiled per request.
      const chunks = resolveChunks(templated[i]!, st);
      if (chunks === undefined) return 2;
      patterns[fixed.length + i] = chunks === null ? null : compileResourcePattern(chunks);
    }
    const owner = { partition: st.callerPartition, account: st.callerAccount };
    const some = someResourcePatternMatches(patterns, st.resource, owner, (p, i) => reachOf(p, i, st));
    return some === 2 ? 2 : some === 1 ? hit : miss;
  };
  // PERF: without variables the answer depends on the resource string alone; keep the last one, and
  // when a pattern needs the automaton (a wildcard inside it), the answers for recent resources
  // (bounded: cleared when full), since an organisation's requests cycle through many keys.
  let lastResource: string | undefined;
  let lastValue: Tri = 0;
  const recent = fixed.some((p) => !p.everything && p.units.length > 0) ? new Map<string, Tri>() : undefined;
  const cached = (st: EvalState): Tri => {
    if (st.resource === "*") return test(st); // depends on the caller too
    if (st.resource !== lastResource) {
      let value = recent?.get(st.resource);
      if (value === undefined) {
        value = test(st);
        if (recent !== undefined) {
          if (recent.size >= RECENT_LIMIT) recent.clear();
          recent.set(st.resource, value);
        }
      }
      lastValue = value;
      lastResource = st.resource;
    }
    return lastValue;
  };
  return memoizeNode(id, templated.length === 0 ? cached : test);
}

/**
 * The answer of a Resource node that does not depend on the request, else undefined: an element
 * listing `*` matches everything (spec §1.7 rule 1; a key policy's `*` is this key), so `Resource`
 * always holds and `NotResource` never does.
 */
export function constantResource(node: ResourceNode): Tri | undefined {
  return node.patterns.some((p) => p === "*") ? (node.negated ? 0 : 1) : undefined;
}

/**
 * AWS: §1.7, §5.2 — KMS documents only `"Resource": "*"` (this key) in a key policy. `*` and the
 * key's exact ARN match; any other value, a pattern that would match the key included, is undecided.
 */
// DEVIATION: §1.7, A21 — a key-policy Resource other than `*` or this key's ARN is undecided (FCR).
function compileKeyPolicyResource(node: ResourceNode): (st: EvalState) => Tri {
  const any = node.patterns.some((p) => p === "*");
  const values = node.patterns.map((p) => (typeof p === "string" ? p : undefined));
  return (st) => {
    if (any) return node.negated ? 0 : 1;
    for (const v of values) if (v !== st.resource) return 2;
    return node.negated ? 0 : 1;
  };
}
