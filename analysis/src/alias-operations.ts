// The alias operations as the request model decides them (docs/request-model.md "Operations with
// several checks", spec §5.4–§5.5): CreateAlias and DeleteAlias are one check on the alias ARN (IAM
// only) and one on the key; UpdateAlias one on the alias, one on the key it points to now and one on
// the key it will point to. The operation is allowed iff every check is (the worst of the checks).
//
// One API call carries one request context, so the checks share it: a condition key both checks test
// takes the same value in both. (AWS documents no condition keys for the alias half — "None (when
// controlling access to the alias)" — and does not say which request keys it leaves out there; the
// alias check is decided with the operation's context, so a path that AWS might refuse can be
// reported, never one missed.) The search is exact over the product of the checks' context
// dimensions: for every assignment of the keys two checks share, each check must be allowed by some
// assignment of its own keys; the witness found is then decided again as one operation.
import type { DecisionResult, Request } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "./diagnostics.js";
import { outcomeOf } from "./outcome.js";
import { familyOf, stringPattern } from "./space/key-dimension.js";
import type { DimValue, KeyDimension } from "./space/key-dimension.js";
import { domainNfa, globNfa } from "./atoms/pattern-nfa.js";
import { stringRegions } from "./atoms/string-regions.js";
import { plainValues, resourceNodesFor } from "./space/graph-tests.js";
import type { RequestSpace } from "./space/request-space.js";
import type { ConditionNode, DecisionGraph } from "@kms-cedar/runtime";
import { arnComponents } from "./atoms/pattern-nfa.js";

/** An operation as the engines take it (runtime decide-operation.ts). */
export interface AliasOperation {
  readonly operation: string;
  readonly checks: Request[];
}

type Decide = (request: Request | AliasOperation) => DecisionResult;

/** The alias ARN `name` would have beside `key` (an alias and its key are in one account and Region). */
export function aliasArnBeside(key: string, name: string): string {
  return `${key.slice(0, key.lastIndexOf(":") + 1)}${name}`;
}

/** Whether two key ARNs are in one partition, Region and account (an alias moves only between such keys). */
export function sameAccountAndRegion(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf(":")) === b.slice(0, b.lastIndexOf(":"));
}

/**
 * One alias name per class that matters: the regions of the alias names (`alias/` and no colon) cut
 * by the kms:ResourceAliases / kms:RequestAlias patterns and by the alias Resource patterns of the
 * statements (their resource part: partition, Region and account are literal or `*`, KA0005).
 */
export function aliasNameClasses(graph: DecisionGraph, conditions: ReadonlyMap<string, readonly ConditionNode[]>): string[] {
  const patterns = new Map<string, ReturnType<typeof stringPattern>>();
  for (const key of ["kms:resourcealiases", "kms:requestalias"]) {
    for (const n of conditions.get(key) ?? []) {
      const family = familyOf(n.base, key);
      if (family === "null") continue;
      if (family !== "string") refuse(AnalysisCode.mixedFamilies, `\`${key}\` is tested as ${family}`);
      for (const v of plainValues(n.values, `a condition on \`${key}\``)) {
        const p = stringPattern(n.base, v);
        patterns.set(p.id, p);
      }
    }
  }
  for (const node of resourceNodesFor([graph], new Set(["alias"]))) {
    for (const p of plainValues(node.patterns, "a Resource pattern")) {
      const c = arnComponents(p);
      const part = p === "*" ? "*" : c.length === 6 ? c[5]! : undefined;
      if (part !== undefined && part !== "*") patterns.set(`resource:${part}`, { nfa: globNfa(part), label: part, id: `resource:${part}` });
    }
  }
  const list = [...patterns.values()];
  return stringRegions(list.map((p) => p.nfa), domainNfa(["alias/", { cls: "noColon", count: "+" }])).map((r) => r.witness);
}

/** The context of one assignment (as the request space writes it: an ambiguous key in two letter cases). */
function contextOf(assigned: readonly (readonly [string, DimValue])[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = Object.create(null);
  for (const [key, v] of assigned) {
    if (v.kind === "absent" || v.kind === "pair") continue; // pairs are refused above
    if (v.kind === "value") context[key] = typeof v.value === "string" ? v.value : [...v.value];
    else {
      context[key] = v.value;
      context[key.toUpperCase()] = v.value;
    }
  }
  return context;
}

function requestOf(principal: string, action: string, resource: string, context: Record<string, string | string[]>): Request {
  return Object.keys(context).length === 0 ? { principal, action, resource } : { principal, action, resource, context: { ...context } };
}

/** Every index vector of a list of dimensions (the empty list has one). */
function* assignments(dims: readonly KeyDimension[]): Generator<(readonly [string, DimValue])[]> {
  const index = dims.map(() => 0);
  for (;;) {
    yield dims.map((d, i) => [d.key, d.values[index[i]!]!] as const);
    let i = dims.length - 1;
    while (i >= 0 && ++index[i]! === dims[i]!.values.length) index[i--] = 0;
    if (i < 0) return;
  }
}

const size = (dims: readonly KeyDimension[]): number => dims.reduce((n, d) => n * d.values.length, 1);

/**
 * An allowed operation `action` by `principal` over the checks on `resources` (alias ARN first), or
 * `undefined` when none is allowed in any shared context. Refuses (KA0006) beyond `bound` decisions.
 */
export function allowedAliasOperation(space: RequestSpace, decide: Decide, action: string, principal: string, resources: readonly string[], bound: number): AliasOperation | undefined {
  const dims = resources.map((r) => space.dimensions(action, r, principal));
  // Two keys related by a policy variable share one dimension under the first key's name; the checks
  // here are joined by key name, which a pair would break: refused, never guessed.
  const paired = dims.flat().find((d) => d.values.some((v) => v.kind === "pair"));
  if (paired !== undefined) refuse(AnalysisCode.variable, `${action} by ${principal}: \`${paired.key}\` is related to another key by a policy variable, which the alias operations' joined checks do not model`);
  const uses = new Map<string, number>();
  for (const list of dims) for (const d of list) uses.set(d.key, (uses.get(d.key) ?? 0) + 1);
  const sharedDims = new Map<string, KeyDimension>();
  for (const list of dims) {
    for (const d of list) {
      if ((uses.get(d.key) ?? 0) < 2) continue;
      const seen = sharedDims.get(d.key);
      // INVARIANT: a key's classes come from the graph, not from the resource (aws:ResourceAccount is absent for both an alias and a key).
      if (seen !== undefined && seen.values.map((v) => v.label).join("\u0000") !== d.values.map((v) => v.label).join("\u0000")) {
        refuse(AnalysisCode.derivedKey, `\`${d.key}\` has different classes in the checks of ${action}`);
      }
      sharedDims.set(d.key, d);
    }
  }
  const shared = [...sharedDims.values()];
  const own = dims.map((list) => list.filter((d) => !sharedDims.has(d.key)));
  const work = size(shared) * own.reduce((n, list) => n + size(list), 0);
  if (work > bound) refuse(AnalysisCode.bound, `the checks of ${action} by ${principal} span more than ${bound} contexts (--max-regions)`);
  for (const common of assignments(shared)) {
    const found: (readonly [string, DimValue])[][] = [];
    for (let i = 0; i < resources.length; i++) {
      let hit: (readonly [string, DimValue])[] | undefined;
      for (const mine of assignments(own[i]!)) {
        if (outcomeOf(decide(requestOf(principal, action, resources[i]!, contextOf([...common, ...mine])))) === "Allow") {
          hit = mine;
          break;
        }
      }
      if (hit === undefined) break;
      found.push(hit);
    }
    if (found.length < resources.length) continue;
    // Each check reads only its own keys: the union is one context every check allows in.
    const context = contextOf([...common, ...found.flat()]);
    const op: AliasOperation = { operation: action, checks: resources.map((r) => requestOf(principal, action, r, context)) };
    const decided = outcomeOf(decide(op));
    if (decided !== "Allow") refuse(AnalysisCode.engines, `the operation ${JSON.stringify(op)} is ${decided}, though each of its checks is allowed alone`);
    return op;
  }
  return undefined;
}
