// Decides, once per graph node, how it becomes Cedar (DESIGN §4): a native test over a view of the
// key, or a derived attribute with the reason Cedar cannot say it. Numbers and dates are planned per
// key, since every constant of a key must fit one grid (exact comparisons, spec §2.4, §2.5).
import type { ConditionNode, DecisionGraph, GraphNode, ResourceNode } from "@kms-cedar/runtime";
import {
  DATETIME_GRID, DECIMAL_GRID, gridFits, instantOnGrid, LONG_GRID, numberOnGrid,
} from "@kms-cedar/runtime/cedar-names";
import { WHY } from "./cedar-codes.js";
import { ContextViews } from "./context-views.js";
import { planCompare } from "./plan-compare.js";
import type { TypedPlan } from "./plan-compare.js";
import { planResource } from "./plan-resource.js";
import type { Strategy } from "./strategy.js";

export interface ConditionPlan {
  readonly strategies: ReadonlyMap<number, Strategy>;
  readonly views: ContextViews;
}


/** Plans the nodes a policy set uses (in first-use order, each once). */
export function planConditions(graph: DecisionGraph, used: readonly number[]): ConditionPlan {
  const views = new ContextViews();
  const typed = planTypedKeys(used.map((i) => graph.nodes[i]!));
  const strategies = new Map<number, Strategy>();
  const star = starNodes(graph);
  for (const index of used) {
    const node = graph.nodes[index]!;
    if (node.kind === "condition") strategies.set(index, planCondition(node, index, views, typed));
    else if (node.kind === "resource") strategies.set(index, planResource(node as ResourceNode, index, views, star.has(index)));
  }
  views.finish();
  return { strategies, views };
}

/**
 * The resource nodes some statement can test against the request resource `*`: those of identity and
 * layer statements (an RCP's or endpoint policy's Resource is matched as an identity policy's, rcp.md,
 * vpc-endpoint-policy.md) with an action that has no specific resource (CreateKey, ListKeys, …).
 */
function starNodes(graph: DecisionGraph): Set<number> {
  const resourceLess = new Set(graph.actions.filter((a) => a.target === "none").map((a) => a.name));
  const out = new Set<number>();
  for (const s of graph.statements) {
    const policy = graph.policies[s.policy]!;
    if ((policy.kind !== "identity" && policy.layer === undefined) || !s.actions.some((a) => resourceLess.has(a))) continue;
    for (const n of s.tests) if (graph.nodes[n]!.kind === "resource") out.add(n);
  }
  return out;
}

function planCondition(node: ConditionNode, index: number, views: ContextViews, typed: TypedPlan): Strategy {
  const planned = planCompare(node, views, typed);
  if ("derive" in planned) {
    const { qualifier, base, ifExists, key, values } = node;
    const condition = { ...(qualifier !== undefined ? { qualifier } : {}), base, ifExists, key, values };
    return { kind: "derived", attr: views.conditionTest(index, condition, WHY[planned.derive]), why: WHY[planned.derive], code: planned.derive };
  }
  return planned;
}

/**
 * Per key, the grid its Numeric (Long, else decimal) and Date constants fit, or none: every constant
 * exact on the grid, inside its range, no two adjacent (so any request value has a representative).
 */
function planTypedKeys(nodes: readonly GraphNode[]): TypedPlan {
  const numbers = new Map<string, string[]>();
  const dates = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.kind !== "condition" || node.qualifier !== undefined) continue;
    const target = node.base.startsWith("Numeric") ? numbers : node.base.startsWith("Date") ? dates : undefined;
    if (target === undefined) continue;
    const list = target.get(node.key) ?? [];
    for (const v of node.values) if (typeof v === "string") list.push(v);
    target.set(node.key, list);
  }
  const numberKinds = new Map<string, { kind: "long" | "decimal"; constants: bigint[] } | undefined>();
  for (const [key, texts] of numbers) {
    const long = onGrid(texts, 0, LONG_GRID);
    const decimal = long === undefined ? onGrid(texts, 4, DECIMAL_GRID) : undefined;
    numberKinds.set(key, long !== undefined ? { kind: "long", constants: long } : decimal !== undefined ? { kind: "decimal", constants: decimal } : undefined);
  }
  const dateKinds = new Map<string, bigint[] | undefined>();
  for (const [key, texts] of dates) dateKinds.set(key, onDateGrid(texts));
  return { numbers: numberKinds, dates: dateKinds };
}

function onGrid(texts: readonly string[], digits: number, grid: typeof LONG_GRID): bigint[] | undefined {
  const out: bigint[] = [];
  for (const t of texts) {
    const g = numberOnGrid(t, digits);
    if (g === undefined) continue; // never matches; the checks reject it anyway
    if (!g.exact) return undefined;
    out.push(g.floor);
  }
  const sorted = unique(out);
  return gridFits(sorted, grid) ? sorted : undefined;
}

function onDateGrid(texts: readonly string[]): bigint[] | undefined {
  const out: bigint[] = [];
  for (const t of texts) {
    const g = instantOnGrid(t);
    if (g === undefined) continue;
    if (!g.exact) return undefined;
    out.push(g.floor);
  }
  const sorted = unique(out);
  return gridFits(sorted, DATETIME_GRID) ? sorted : undefined;
}

function unique(values: readonly bigint[]): bigint[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
