// Reads a decision graph from parsed JSON (or JSON text) and checks its shape and cross-references,
// so the evaluator can index without bounds checks. Runs once, when a service loads `graph.json`.
import { GRAPH_FORMAT, GRAPH_VERSION } from "./graph-types.js";
import type { DecisionGraph, GraphNode, GraphValue } from "./graph-types.js";

export type ReadGraphResult = { readonly graph: DecisionGraph } | { readonly error: string };

/** Checks that `input` (a graph object or its JSON text) is a graph this runtime can evaluate. */
export function readGraph(input: unknown): ReadGraphResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { error: `graph is not JSON: ${(e as Error).message}` };
    }
  }
  const problem = findProblem(value);
  return problem === undefined ? { graph: value as DecisionGraph } : { error: problem };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isIndexList(v: unknown, limit: number): boolean {
  return Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < limit);
}

function findProblem(g: unknown): string | undefined {
  if (!isObject(g)) return "graph is not an object";
  if (g["format"] !== GRAPH_FORMAT) return `not a decision graph (format \`${String(g["format"])}\`)`;
  if (g["version"] !== GRAPH_VERSION) {
    return `graph version \`${String(g["version"])}\` is not supported (this runtime reads version ${GRAPH_VERSION})`;
  }
  const { actions, policies, keys, principals, nodes, statements } = g;
  if (!Array.isArray(actions) || !Array.isArray(policies) || !Array.isArray(nodes) || !Array.isArray(statements)) {
    return "graph lacks `actions`, `policies`, `nodes` or `statements`";
  }
  if (!isObject(keys) || !isObject(principals)) return "graph lacks `keys` or `principals`";
  const actionNames = new Set<string>();
  for (const a of actions) {
    if (!isObject(a) || typeof a["name"] !== "string") return "an action has no name";
    if (a["target"] !== "key" && a["target"] !== "none" && a["target"] !== "alias") return `action \`${a["name"]}\` has a bad target`;
    for (const flag of ["keyPolicy", "policyAllows", "crossAccount"]) {
      if (typeof a[flag] !== "boolean") return `action \`${a["name"]}\` lacks the boolean \`${flag}\``;
    }
    actionNames.add(a["name"]);
  }
  for (const n of nodes) {
    const p = nodeProblem(n);
    if (p !== undefined) return p;
  }
  for (const s of statements) {
    if (!isObject(s)) return "a statement is not an object";
    if (s["effect"] !== "Allow" && s["effect"] !== "Deny") return "a statement has a bad effect";
    if (!Number.isInteger(s["policy"]) || (s["policy"] as number) >= policies.length) return "a statement names no policy";
    if (!isIndexList(s["tests"], nodes.length)) return "a statement refers to a missing node";
    if (s["principal"] !== undefined && !isIndexList([s["principal"]], nodes.length)) return "a statement refers to a missing node";
    if (s["principal"] !== undefined && (nodes[s["principal"] as number] as GraphNode).kind !== "principal") {
      return "a statement's principal is not a principal node";
    }
  }
  for (const p of policies) {
    if (!isObject(p) || typeof p["location"] !== "string" || !isObject(p["byAction"])) return "a policy is malformed";
    for (const [name, lists] of Object.entries(p["byAction"])) {
      if (!actionNames.has(name)) return `policy \`${p["location"]}\` indexes unknown action \`${name}\``;
      if (!isObject(lists) || !isIndexList(lists["deny"], statements.length) || !isIndexList(lists["allow"], statements.length)) {
        return `policy \`${p["location"]}\` has a bad index for \`${name}\``;
      }
    }
  }
  for (const v of Object.values(keys)) if (!isIndexList([v], policies.length)) return "a key names a missing policy";
  for (const v of Object.values(principals)) if (!isIndexList(v, policies.length)) return "a principal names a missing policy";
  return undefined;
}

function nodeProblem(n: unknown): string | undefined {
  if (!isObject(n)) return "a node is not an object";
  switch (n["kind"]) {
    case "principal":
      return Array.isArray(n["aws"]) && Array.isArray(n["service"]) ? undefined : "a principal node is malformed";
    case "resource":
      return Array.isArray(n["patterns"]) && n["patterns"].every(isValue) && (n["keyPolicy"] === undefined || n["keyPolicy"] === true)
        ? undefined
        : "a resource node is malformed";
    case "condition":
      return typeof n["key"] === "string" && typeof n["base"] === "string" && Array.isArray(n["values"]) && n["values"].every(isValue)
        ? undefined
        : "a condition node is malformed";
    default:
      return `unknown node kind \`${String(n["kind"])}\``;
  }
}

function isValue(v: unknown): v is GraphValue {
  if (typeof v === "string") return true;
  return isObject(v) && Array.isArray(v["template"]) && v["template"].every(isObject);
}
