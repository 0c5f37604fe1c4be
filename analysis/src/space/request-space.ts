// The finite request space of one or more graphs: actions × resources × callers × the condition keys
// each action's statements test. Every request AWS could send falls into exactly the class of one
// enumerated request (see principal-space.ts, resource-space.ts, key-dimension.ts for why), so
// deciding the enumerated requests decides them all.
import { callerDerived, DERIVED_KEYS, parseCaller } from "@kms-cedar/runtime";
import type { CallerInfo, DecisionGraph, Request } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "../diagnostics.js";
import { conditionsByKey, resourceNodesFor } from "./graph-tests.js";
import { relevantKeys, relevantStatements } from "./relevant-statements.js";
import type { CallerOf, RelevantStatement } from "./relevant-statements.js";
import { nodeOutcome } from "./node-outcome.js";
import { keyDimension } from "./key-dimension.js";
import { checkVariables, pairDimension, variablesOf } from "./variable-pairs.js";
import type { DimValue, KeyDimension } from "./key-dimension.js";
import { accountCandidates, collectMentions, emptyMentions, principalCandidates } from "./principal-space.js";
import type { Mentions } from "./principal-space.js";
import { buildResourceSpace, readResourcePatterns } from "./resource-space.js";
import type { ResourceSpace } from "./resource-space.js";

export const DEFAULT_REGION_BOUND = 3_000_000;

/** One enumerated request with readable labels of the class it stands for. */
export interface Region {
  readonly request: Request;
  /** Labels of the context dimensions, in key order (absent keys included). */
  readonly context: readonly string[];
}

export interface SpaceOptions {
  readonly bound?: number;
  /**
   * `product`: every combination of the context dimensions. `vectors`: one combination per
   * achievable vector of statement applicability (see forTriple). `auto` (default): the product
   * while it is small, else the vectors.
   */
  readonly strategy?: "product" | "vectors" | "auto";
  /** Extra things to tell apart (assertion principals, accounts, keys). */
  readonly mentions?: (m: Mentions) => void;
}

const DERIVED = new Set<string>(DERIVED_KEYS);
const ABSENT: DimValue = { kind: "absent", label: "" };

export class RequestSpace {
  readonly actions: readonly { readonly name: string; readonly target: string }[];
  readonly principals: readonly string[];
  readonly resources: ResourceSpace;
  readonly accounts: readonly string[];
  private readonly keyDims = new Map<string, KeyDimension>();
  private readonly dimsMemo = new Map<string, KeyDimension[]>();
  private readonly graphs: readonly DecisionGraph[];
  private readonly keySet: ReadonlySet<string>;
  private readonly roleArns: readonly string[];
  private readonly bound: number;
  private readonly strategy: "product" | "vectors" | "auto";
  private readonly statementsMemo = new Map<string, RelevantStatement[]>();
  private readonly callerMemo = new Map<string, CallerInfo | undefined>();
  /** `parseCaller`, once per ARN: the same few ARNs are read for every triple. */
  readonly callerOf: CallerOf = (arn) => {
    if (!this.callerMemo.has(arn)) this.callerMemo.set(arn, parseCaller(arn));
    return this.callerMemo.get(arn);
  };

  constructor(graphs: readonly DecisionGraph[], options: SpaceOptions = {}) {
    this.bound = options.bound ?? DEFAULT_REGION_BOUND;
    this.strategy = options.strategy ?? "auto";
    // Policy layers other than key and identity policies (SCPs, RCPs, boundaries …) are not modelled: refuse, never ignore them.
    for (const g of graphs) {
      const other = g.policies.find((p) => p.kind !== "key" && p.kind !== "identity");
      if (other !== undefined) refuse(AnalysisCode.unsupportedBundle, `the graph holds a \`${String(other.kind)}\` policy (${other.location}); the analysis models key and identity policies only`);
    }
    const names = graphs.map((g) => g.actions.map((a) => `${a.name}/${a.target}`).join(","));
    if (names.some((n) => n !== names[0])) refuse(AnalysisCode.catalog, "the graphs list different actions");
    this.actions = graphs[0]!.actions;
    const conditions = conditionsByKey(graphs);
    // Policy variables: admitted (whole values relating pairs of free keys) or refused, before anything reads a value.
    checkVariables(conditions);
    const m = collectMentions(graphs, conditions, emptyMentions());
    const aliasGlobs = readResourcePatterns(resourceNodesFor(graphs, new Set(["none", "alias"])), m);
    options.mentions?.(m);
    this.accounts = accountCandidates(m, conditions);
    this.principals = principalCandidates(m, this.accounts, graphs.some((g) => g.layers?.organization !== undefined));
    this.resources = buildResourceSpace(graphs, m, this.accounts, aliasGlobs);
    this.graphs = graphs;
    this.keySet = new Set(this.resources.keys);
    this.roleArns = [...m.arns].filter((a) => parseCaller(a)?.kind === "role");
    for (const [key, nodes] of conditions) this.keyDims.set(key, keyDimension(key, nodes));
  }

  resourcesFor(target: string): readonly string[] {
    if (target === "key") return this.resources.keys;
    if (target === "none") return this.resources.none;
    return [...this.resources.keys, ...this.resources.aliases];
  }

  /** The context dimensions of one request skeleton (caller-derived keys depend on the caller and resource). */
  dimensions(action: string, resource: string, principal: string): KeyDimension[] {
    const none = resource === "*" || resource.endsWith(":*");
    // Only a key resource selects a key policy; other resources share their dimensions.
    const memo = `${action}\u0000${principal}\u0000${none}\u0000${this.keySet.has(resource) ? resource : ""}`;
    let dims = this.dimsMemo.get(memo);
    if (dims === undefined) this.dimsMemo.set(memo, (dims = this.computeDimensions(action, resource, none, principal)));
    return dims;
  }

  private computeDimensions(action: string, resource: string, none: boolean, principal: string): KeyDimension[] {
    const statements = this.statementsFor(action, resource, principal);
    const keys = [...relevantKeys(statements)].sort();
    const caller = this.callerOf(principal)!;
    const derived = callerDerived(caller, () => undefined);
    // Keys related by a policy variable in these statements share one pair dimension (variable-pairs.ts).
    const pairs = new Map<string, string>();
    for (const s of statements) {
      for (const nodes of s.byKey.values()) {
        for (const n of nodes) {
          for (const w of variablesOf(n)) {
            const [a, b] = [n.key, w.variable].sort() as [string, string];
            pairs.set(a, b);
            pairs.set(b, a);
          }
        }
      }
    }
    const all = [...new Set([...keys, ...pairs.keys()])].sort();
    const out: KeyDimension[] = [];
    for (const key of all) {
      const partner = pairs.get(key);
      if (partner === undefined) out.push(this.keyDimensionFor(key, none, derived));
      else if (key < partner) {
        const nodes = statements.flatMap((s) => [...(s.byKey.get(key) ?? []), ...(s.byKey.get(partner) ?? [])]);
        out.push(pairDimension(key, partner, nodes));
      }
    }
    return out;
  }

  private keyDimensionFor(key: string, none: boolean, derived: ReturnType<typeof callerDerived>): KeyDimension {
    const dim = this.keyDims.get(key)!;
    if (!DERIVED.has(key)) return dim;
    if (key === "aws:resourceaccount") {
      return none ? dim : { key, values: [ABSENT] };
    }
    const d = derived[DERIVED_KEYS.indexOf(key as (typeof DERIVED_KEYS)[number])]!;
    if (d.kind === "free") return dim;
    if (d.kind === "never") return { key, values: [ABSENT] };
    if (d.kind === "value") {
      // kms:CallerAccount is filled in only for some actions; a context may still give it (with the caller's account).
      return key === "kms:calleraccount" ? { key, values: [ABSENT, { kind: "value", value: d.value, label: `${key} given` }] } : { key, values: [ABSENT] };
    }
    // A role session's aws:PrincipalArn: a context may name its role with any path.
    const values: DimValue[] = [ABSENT];
    for (const arn of this.roleArns) {
      const r = this.callerOf(arn)!;
      if (r.partition === d.partition && r.account === d.account && r.roleName === d.roleName) values.push({ kind: "value", value: arn, label: `${key} = ${arn}` });
    }
    values.push({ kind: "value", value: `arn:${d.partition}:iam::${d.account}:role/fresh-path/${d.roleName}`, label: `${key} another path` });
    return { key, values };
  }

  /**
   * The number of request classes (regions) forEach would visit, refused (KA0006) beyond the bound: under
   * the `product` strategy from the dimension sizes alone; otherwise by enumerating the regions (the
   * applicability vectors of a triple are known only by computing them).
   */
  count(): number {
    let total = 0;
    const over = (): never => refuse(AnalysisCode.bound, `the request space has more than ${this.bound} regions (--max-regions)`);
    for (const a of this.actions) {
      for (const r of this.resourcesFor(a.target)) {
        for (const p of this.principals) {
          if (this.strategy === "product") total += this.dimensions(a.name, r, p).reduce((n, d) => n * d.values.length, 1);
          else this.forTriple(a, r, p, () => void (++total > this.bound && over()));
          if (total > this.bound) over();
        }
      }
    }
    return total;
  }

  /** Calls `visit` once per region (after checking the bound); `labels()` renders the region's context on demand. */
  forEach(visit: (region: Region, action: { name: string; target: string }) => void, only?: (action: string) => boolean): number {
    // The product's size is known without enumerating: refuse before any work. Otherwise count while visiting.
    if (this.strategy === "product") this.count();
    let total = 0;
    const counting = (region: Region, action: { name: string; target: string }): void => {
      if (++total > this.bound) refuse(AnalysisCode.bound, `the request space has more than ${this.bound} regions (--max-regions)`);
      visit(region, action);
    };
    for (const a of this.actions) {
      if (only !== undefined && !only(a.name)) continue;
      for (const resource of this.resourcesFor(a.target)) {
        for (const principal of this.principals) this.forTriple(a, resource, principal, counting);
      }
    }
    return total;
  }

  /** Calls `visit` once per region of the given triples only (a localized diff, changed-triples.ts), within the bound. */
  forTriples(triples: Iterable<{ readonly action: { name: string; target: string }; readonly resource: string; readonly principal: string }>, visit: (region: Region, action: { name: string; target: string }) => void): number {
    let total = 0;
    const counting = (region: Region, action: { name: string; target: string }): void => {
      if (++total > this.bound) refuse(AnalysisCode.bound, `the request space has more than ${this.bound} regions (--max-regions)`);
      visit(region, action);
    };
    for (const t of triples) this.forTriple(t.action, t.resource, t.principal, counting);
    return total;
  }

  /** The requests of the regions of one (action, resource, caller). */
  requestsOf(action: string, resource: string, principal: string): Request[] {
    const a = this.actions.find((x) => x.name === action);
    const out: Request[] = [];
    if (a !== undefined) this.forTriple(a, resource, principal, (r) => out.push(r.request));
    return out;
  }

  private forTriple(a: { name: string; target: string }, resource: string, principal: string, visit: (region: Region, action: { name: string; target: string }) => void): void {
    const dims = this.dimensions(a.name, resource, principal);
    const product = dims.reduce((n, d) => n * d.values.length, 1);
    if (this.strategy === "vectors" || (this.strategy === "auto" && product > SMALL_PRODUCT)) {
      for (const index of this.vectorAssignments(a.name, resource, principal, dims)) this.visitAt(a, resource, principal, dims, index, visit);
      return;
    }
    const index = dims.map(() => 0);
    for (;;) {
      this.visitAt(a, resource, principal, dims, [...index], visit);
      let i = dims.length - 1;
      while (i >= 0 && ++index[i]! === dims[i]!.values.length) index[i--] = 0;
      if (i < 0) break;
    }
  }

  private visitAt(a: { name: string; target: string }, resource: string, principal: string, dims: readonly KeyDimension[], index: readonly number[], visit: (region: Region, action: { name: string; target: string }) => void): void {
    let context: Record<string, string | string[]> | undefined;
    const give = (key: string, v: DimValue): void => {
      if (v.kind === "absent") return;
      context ??= {};
      if (v.kind === "pair") {
        give(v.keys[0], v.parts[0]);
        give(v.keys[1], v.parts[1]);
      } else if (v.kind === "value") context[key] = typeof v.value === "string" ? v.value : [...v.value];
      else {
        context[key] = v.value;
        context[key.toUpperCase()] = v.value;
      }
    };
    dims.forEach((d, i) => give(d.key, d.values[index[i]!]!));
    const request: Request = context === undefined ? { principal, action: a.name, resource } : { principal, action: a.name, resource, context };
    visit({ request, get context() { return dims.map((d, i) => labelOf(d, index[i]!)); } }, a);
  }

  /** The statements that may apply to (action, resource, principal); all non-key resources of one kind share them. */
  private statementsFor(action: string, resource: string, principal: string): RelevantStatement[] {
    const memo = `${action}\u0000${principal}\u0000${this.keySet.has(resource) ? resource : resource === "*" || resource.endsWith(":*") ? "none" : "alias"}`;
    let statements = this.statementsMemo.get(memo);
    if (statements === undefined) this.statementsMemo.set(memo, (statements = relevantStatements(this.graphs, action, resource, principal, this.callerOf)));
    return statements;
  }

  /**
   * One context per achievable vector of statement applicability. A statement applies iff each of
   * its tests holds (an undecidable test fails an Allow and holds in a Deny), and its tests on one
   * key read only that key's value: so applicability is the AND over keys of per-key vectors, and
   * the decision depends on the context only through it. Folding the keys one at a time and keeping
   * one assignment per distinct partial vector reaches every achievable vector. Caller-derived keys
   * (whose effective value the engines fill in) are enumerated in full instead.
   */
  private *vectorAssignments(action: string, resource: string, principal: string, dims: readonly KeyDimension[]): Generator<number[]> {
    const statements = this.statementsFor(action, resource, principal);
    const words = Math.ceil(statements.length / 30) || 1;
    const full = (): number[] => {
      const v = new Array<number>(words).fill(0x3fffffff);
      const rest = statements.length % 30;
      if (rest !== 0) v[words - 1] = (1 << rest) - 1;
      if (statements.length === 0) v[0] = 0;
      return v;
    };
    let partial = new Map<string, { vector: number[]; index: number[] }>([["", { vector: full(), index: [] }]]);
    dims.forEach((d, k) => {
      const derived = DERIVED.has(d.key);
      const sigs = d.values.map((value, j) => {
        if (derived) return { tag: `#${j}`, vector: full() };
        const v = full();
        // A pair's nodes read their own key's part, and the other key's part through a variable.
        const partOf = (key: string): DimValue => (value.kind === "pair" ? value.parts[value.keys[0] === key ? 0 : 1] : value);
        statements.forEach((s, i) => {
          const nodes = d.keys === undefined ? s.byKey.get(d.key) ?? [] : [...(s.byKey.get(d.keys[0]) ?? []), ...(s.byKey.get(d.keys[1]) ?? [])];
          for (const node of nodes) {
            const t = nodeOutcome(node, partOf(node.key), partOf);
            if (t === 0 || (t === 2 && s.allow)) {
              v[(i / 30) | 0]! &= ~(1 << i % 30);
              break;
            }
          }
        });
        return { tag: "", vector: v };
      });
      const next = new Map<string, { vector: number[]; index: number[] }>();
      for (const { vector, index } of partial.values()) {
        sigs.forEach((sig, j) => {
          const v = vector.map((w, i) => w & sig.vector[i]!);
          const key = `${index.filter((_, i) => DERIVED.has(dims[i]!.key)).join(",")}${sig.tag}|${v.join(",")}`;
          if (!next.has(key)) next.set(key, { vector: v, index: [...index, j] });
        });
      }
      if (next.size > this.bound) refuse(AnalysisCode.bound, `more than ${this.bound} applicability vectors for ${action} by ${principal} (--max-regions)`);
      partial = next;
    });
    for (const { index } of partial.values()) yield index;
  }
}

/** Below this many combinations a triple is enumerated in full (simplest; the vectors take over above). */
const SMALL_PRODUCT = 256;

function labelOf(d: KeyDimension, i: number): string {
  const v = d.values[i]!;
  return v.label === "" ? `${d.key} absent` : v.label;
}
