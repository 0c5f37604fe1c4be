// Reads a decision graph from parsed JSON (or JSON text) and checks all of it, once, when a service
// loads `graph.json`: every member and its type (unknown members refused), every index in range,
// every cross-reference (statements ↔ policies ↔ the action index ↔ keys and principals), and the
// integrity digest. Only then may the evaluator index without bounds checks. The graph it returns
// keeps its maps prototype-free. Never throws on any input.
import { CONDITION_BASES } from "../conditions/operator-table.js";
import { GRAPH_FORMAT, GRAPH_VERSION } from "./graph-types.js";
import type { DecisionGraph } from "./graph-types.js";
import { graphDigest } from "./graph-digest.js";
import { checkLayers } from "./read-graph-layers.js";

export type ReadGraphResult = { readonly graph: DecisionGraph } | { readonly error: string };

const TOP = ["format", "version", "digest", "actions", "policies", "keys", "principals", "nodes", "statements", "layers", "droppedPrincipals"];
const REQUIRED = TOP.filter((name) => name !== "layers" && name !== "droppedPrincipals");
const LAYERS = new Set(["scp", "rcp", "boundary", "session", "endpoint"]);
const BASES = new Set(CONDITION_BASES);

/** A graph problem, thrown inside the checker only and returned as `{ error }`. */
class Bad extends Error {}

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
  try {
    const graph = checkGraph(value);
    // The digest last: a shape error names what is wrong, a digest mismatch only that something is.
    if (graphDigest(graph) !== graph.digest) {
      return { error: "the graph's digest does not match its content: graph.json was edited or damaged; compile the bundle again" };
    }
    return { graph };
  } catch (e) {
    if (e instanceof Bad) return { error: e.message };
    return { error: `graph cannot be read: ${String(e)}` };
  }
}

function checkGraph(g: unknown): DecisionGraph {
  if (!isObject(g)) throw new Bad("graph is not an object");
  if (g["format"] !== GRAPH_FORMAT) throw new Bad(`not a decision graph (format \`${String(g["format"])}\`)`);
  if (g["version"] !== GRAPH_VERSION) {
    throw new Bad(`graph version \`${String(g["version"])}\` is not supported (this runtime reads version ${GRAPH_VERSION})`);
  }
  members(g, TOP, REQUIRED, "the graph");
  const digest = text(g["digest"], "`digest`");
  const actions = list(g["actions"], "`actions`").map((a, i) => {
    const where = `actions[${i}]`;
    members(a, ["name", "target", "keyPolicy", "policyAllows", "crossAccount"], ["name", "target", "keyPolicy", "policyAllows", "crossAccount"], where);
    const target = a["target"];
    if (target !== "key" && target !== "none" && target !== "alias") throw new Bad(`${where} has a bad target`);
    return { name: text(a["name"], `${where}.name`), target, keyPolicy: bool(a["keyPolicy"], where), policyAllows: bool(a["policyAllows"], where), crossAccount: bool(a["crossAccount"], where) } as const;
  });
  const actionNames = new Set(actions.map((a) => a.name));
  if (actionNames.size !== actions.length) throw new Bad("an action is listed twice");
  const rawPolicies = list(g["policies"], "`policies`");
  const nodes = list(g["nodes"], "`nodes`").map((n, i) => checkNode(n, `nodes[${i}]`, rawPolicies.length));
  const statements = list(g["statements"], "`statements`").map((s, i) => {
    const where = `statements[${i}]`;
    members(s, ["policy", "statement", "sid", "effect", "span", "actions", "principal", "tests"], ["policy", "statement", "effect", "actions", "tests"], where);
    const effect = s["effect"];
    if (effect !== "Allow" && effect !== "Deny") throw new Bad(`${where} has a bad effect`);
    const names = list(s["actions"], `${where}.actions`).map((a) => text(a, `${where}.actions`));
    for (const a of names) if (!actionNames.has(a)) throw new Bad(`${where} names unknown action \`${a}\``);
    if (new Set(names).size !== names.length) throw new Bad(`${where} names an action twice`);
    const tests = list(s["tests"], `${where}.tests`).map((t) => index(t, nodes.length, `${where}.tests`));
    for (const t of tests) if (nodes[t]!.kind === "principal") throw new Bad(`${where} tests a principal node`);
    const principal = s["principal"] === undefined ? undefined : index(s["principal"], nodes.length, `${where}.principal`);
    if (principal !== undefined && nodes[principal]!.kind !== "principal") throw new Bad(`${where}.principal is not a principal node`);
    return {
      policy: index(s["policy"], rawPolicies.length, `${where}.policy`),
      statement: count(s["statement"], `${where}.statement`),
      ...(s["sid"] !== undefined ? { sid: text(s["sid"], `${where}.sid`) } : {}),
      effect,
      ...(s["span"] !== undefined ? { span: checkSpan(s["span"], `${where}.span`) } : {}),
      actions: names,
      ...(principal !== undefined ? { principal } : {}),
      tests,
    } as const;
  });
  // PERF: each policy's statement ids, found once (checking every statement per policy and action is
  // quadratic: minutes for an organisation's graph).
  const byPolicy: number[][] = rawPolicies.map(() => []);
  statements.forEach((s, id) => byPolicy[s.policy]!.push(id));
  const policies = rawPolicies.map((p, i) => {
    const where = `policies[${i}]`;
    members(p, ["location", "kind", "owner", "file", "layer", "byAction"], ["location", "kind", "owner", "byAction"], where);
    const kind = p["kind"];
    if (kind !== "key" && kind !== "identity") throw new Bad(`${where} has a bad kind`);
    const layer = p["layer"];
    if (layer !== undefined && (typeof layer !== "string" || !LAYERS.has(layer))) throw new Bad(`${where} has a bad layer`);
    const raw = p["byAction"];
    if (!isObject(raw)) throw new Bad(`${where}.byAction is not an object`);
    const byAction = Object.create(null) as Record<string, { deny: number[]; allow: number[] }>;
    for (const name of Object.keys(raw)) {
      if (!actionNames.has(name)) throw new Bad(`${where} indexes unknown action \`${name}\``);
      const lists = raw[name];
      members(lists, ["deny", "allow"], ["deny", "allow"], `${where}.byAction[${name}]`);
      const ids = (key: "deny" | "allow"): number[] =>
        list((lists as Record<string, unknown>)[key], `${where}.byAction`).map((x) => index(x, statements.length, `${where}.byAction`));
      byAction[name] = { deny: ids("deny"), allow: ids("allow") };
    }
    // INVARIANT: the index lists exactly this policy's statements for each action, Deny and Allow apart, in order.
    for (const action of actionNames) {
      const expect = { deny: [] as number[], allow: [] as number[] };
      for (const id of byPolicy[i]!) {
        const s = statements[id]!;
        if (s.actions.includes(action)) (s.effect === "Deny" ? expect.deny : expect.allow).push(id);
      }
      const got = byAction[action] ?? { deny: [], allow: [] };
      if (got.deny.join() !== expect.deny.join() || got.allow.join() !== expect.allow.join()) {
        throw new Bad(`${where}.byAction does not list the policy's statements for \`${action}\``);
      }
      if (byAction[action] !== undefined && got.deny.length + got.allow.length === 0) throw new Bad(`${where}.byAction has an empty entry`);
    }
    return {
      location: text(p["location"], `${where}.location`), kind, owner: text(p["owner"], `${where}.owner`),
      ...(p["file"] !== undefined ? { file: text(p["file"], `${where}.file`) } : {}),
      ...(layer !== undefined ? { layer: layer as "scp" | "rcp" | "boundary" | "session" | "endpoint" } : {}),
      byAction,
    } as const;
  });
  for (const s of statements) {
    if (s.principal !== undefined && policies[s.policy]!.kind !== "key") throw new Bad("an identity-policy statement has a principal");
  }
  const keys = Object.create(null) as Record<string, number>;
  const rawKeys = g["keys"];
  if (!isObject(rawKeys)) throw new Bad("`keys` is not an object");
  for (const arn of Object.keys(rawKeys)) {
    const p = index(rawKeys[arn], policies.length, `keys[${arn}]`);
    if (policies[p]!.kind !== "key" || policies[p]!.owner !== arn || policies[p]!.layer !== undefined) throw new Bad(`keys[${arn}] names a policy that is not its key policy`);
    keys[arn] = p;
  }
  const principals = Object.create(null) as Record<string, number[]>;
  const rawPrincipals = g["principals"];
  if (!isObject(rawPrincipals)) throw new Bad("`principals` is not an object");
  for (const arn of Object.keys(rawPrincipals)) {
    const ids = list(rawPrincipals[arn], `principals[${arn}]`).map((x) => index(x, policies.length, `principals[${arn}]`));
    for (const p of ids) {
      if (policies[p]!.kind !== "identity" || policies[p]!.owner !== arn || policies[p]!.layer !== undefined) throw new Bad(`principals[${arn}] names a policy that is not its identity policy`);
    }
    principals[arn] = ids;
  }
  // Every policy is reachable from exactly the map entry of its owner (a layer's policy: from `layers`, checked there).
  policies.forEach((p, i) => {
    if (p.layer !== undefined) return;
    const reached = p.kind === "key" ? keys[p.owner] === i : (principals[p.owner] ?? []).includes(i);
    if (!reached) throw new Bad(`policies[${i}] is not listed under its owner \`${p.owner}\``);
  });
  const fail = (message: string): never => {
    throw new Bad(message);
  };
  const layers = g["layers"] === undefined ? undefined : checkLayers(g["layers"], policies, fail);
  if (layers === undefined && policies.some((p) => p.layer !== undefined)) throw new Bad("a layer's policy without `layers`");
  const dropped = g["droppedPrincipals"] === undefined ? undefined : list(g["droppedPrincipals"], "`droppedPrincipals`").map((v) => text(v, "`droppedPrincipals`"));
  return {
    format: GRAPH_FORMAT, version: GRAPH_VERSION, digest, actions, policies, keys, principals, nodes, statements,
    ...(layers === undefined ? {} : { layers }),
    ...(dropped === undefined ? {} : { droppedPrincipals: dropped }),
  } as DecisionGraph;
}

function checkNode(n: unknown, where: string, policyCount: number): DecisionGraph["nodes"][number] {
  if (!isObject(n)) throw new Bad(`${where} is not an object`);
  const origin = (): { policy: number; span: ReturnType<typeof checkSpan> }[] => list(n["origin"], `${where}.origin`).map((o, i) => {
    members(o, ["policy", "span"], ["policy", "span"], `${where}.origin[${i}]`);
    return { policy: index(o["policy"], policyCount, `${where}.origin`), span: checkSpan(o["span"], `${where}.origin`) };
  });
  const strings = (v: unknown, w: string): string[] => list(v, w).map((x) => text(x, w));
  switch (n["kind"]) {
    case "principal":
      members(n, ["kind", "any", "aws", "service", "origin"], ["kind", "any", "aws", "service", "origin"], where);
      return { kind: "principal", any: bool(n["any"], where), aws: strings(n["aws"], `${where}.aws`), service: strings(n["service"], `${where}.service`), origin: origin() };
    case "resource":
      members(n, ["kind", "negated", "patterns", "keyPolicy", "origin"], ["kind", "negated", "patterns", "origin"], where);
      if (n["keyPolicy"] !== undefined && n["keyPolicy"] !== true) throw new Bad(`${where}.keyPolicy must be true when present`);
      return {
        kind: "resource", negated: bool(n["negated"], where), patterns: list(n["patterns"], where).map((v) => checkValue(v, where)),
        ...(n["keyPolicy"] === true ? { keyPolicy: true as const } : {}), origin: origin(),
      };
    case "condition": {
      members(n, ["kind", "qualifier", "base", "ifExists", "key", "values", "origin"], ["kind", "base", "ifExists", "key", "values", "origin"], where);
      const q = n["qualifier"];
      if (q !== undefined && q !== "ForAllValues" && q !== "ForAnyValue") throw new Bad(`${where} has a bad qualifier`);
      const base = text(n["base"], `${where}.base`);
      if (!BASES.has(base)) throw new Bad(`${where} has an unknown operator \`${base}\``);
      const key = text(n["key"], `${where}.key`);
      if (key !== key.toLowerCase()) throw new Bad(`${where}.key is not lower-cased`);
      return {
        kind: "condition", ...(q !== undefined ? { qualifier: q } : {}), base, ifExists: bool(n["ifExists"], where), key,
        values: list(n["values"], where).map((v) => checkValue(v, where)), origin: origin(),
      };
    }
    default:
      throw new Bad(`unknown node kind \`${String(n["kind"])}\``);
  }
}

function checkValue(v: unknown, where: string): string | { template: ({ text: string } | { literal: string } | { variable: string; default?: string })[] } {
  if (typeof v === "string") return text(v, where);
  members(v, ["template"], ["template"], `${where} value`);
  return {
    template: list((v as Record<string, unknown>)["template"], where).map((part) => {
      if (!isObject(part)) throw new Bad(`${where} has a malformed template`);
      if ("text" in part) return members(part, ["text"], ["text"], where), { text: text(part["text"], where) };
      if ("literal" in part) return members(part, ["literal"], ["literal"], where), { literal: text(part["literal"], where) };
      members(part, ["variable", "default"], ["variable"], where);
      const variable = text(part["variable"], where);
      return part["default"] === undefined ? { variable } : { variable, default: text(part["default"], where) };
    }),
  };
}

function checkSpan(v: unknown, where: string): { start: number; end: number; line?: number; column?: number } {
  members(v, ["start", "end", "line", "column"], ["start", "end"], where);
  const s = v as Record<string, unknown>;
  const start = count(s["start"], where);
  const end = count(s["end"], where);
  if (end < start) throw new Bad(`${where} ends before it starts`);
  return {
    start, end,
    ...(s["line"] !== undefined ? { line: count(s["line"], where) } : {}),
    ...(s["column"] !== undefined ? { column: count(s["column"], where) } : {}),
  };
}

/** Own members only, every required one present, no other. */
function members(v: unknown, allowed: readonly string[], required: readonly string[], where: string): asserts v is Record<string, unknown> {
  if (!isObject(v)) throw new Bad(`${where} is not an object`);
  for (const name of Object.keys(v)) if (!allowed.includes(name)) throw new Bad(`${where} has an unknown member \`${name}\``);
  for (const name of required) if (!Object.prototype.hasOwnProperty.call(v, name) || v[name] === undefined) throw new Bad(`${where} lacks \`${name}\``);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new Bad(`${where} is not an array`);
  return v;
}

function text(v: unknown, where: string): string {
  if (typeof v !== "string") throw new Bad(`${where} is not a string`);
  return v;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== "boolean") throw new Bad(`${where} has a member that is not true or false`);
  return v;
}

function count(v: unknown, where: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new Bad(`${where} has a bad number`);
  return v as number;
}

function index(v: unknown, limit: number, where: string): number {
  const i = count(v, where);
  if (i >= limit) throw new Bad(`${where} refers to a missing entry (${i})`);
  return i;
}
