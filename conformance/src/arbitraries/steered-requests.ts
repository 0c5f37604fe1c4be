// Requests aimed at one statement of the bundle: a caller its principal (or holder) names, an
// action its Action patterns match, a resource its Resource patterns match, and a context that
// often repeats the statement's own condition values (wildcards filled in), so that statements
// apply about half the time instead of rarely. Phase: conformance generators.
import fc from "fast-check";
import {
  ALIAS_A, ALIAS_A2, ALIAS_B, ALL_KMS_ACTIONS, CALLERS, KEYS, NO_RESOURCE_A, NO_RESOURCE_B,
  ROLE_ADMIN, ROLE_APP, ROLE_EXT, SESSION_ADMIN, SESSION_APP, SESSION_EXT, accountOf, actionClassOf,
} from "./fixtures.js";
import type { Check, Context } from "./request-arbitraries.js";

type Json = Record<string, unknown>;

/** A statement with where it sits: the key it guards, or the principal that holds it. */
export interface PlacedStatement {
  readonly statement: Json;
  readonly key?: string;
  readonly holder?: string;
}

const SESSION_OF: Readonly<Record<string, string>> = { [ROLE_APP]: SESSION_APP, [ROLE_ADMIN]: SESSION_ADMIN, [ROLE_EXT]: SESSION_EXT };

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

function glob(pattern: string, flags = ""): RegExp {
  const body = [...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`, `s${flags}`);
}

/** Every statement of the bundle with its place. */
export function placedStatements(bundle: { keys?: Record<string, { policy: unknown }>; principals?: Record<string, { policies: unknown[] }> }): PlacedStatement[] {
  const out: PlacedStatement[] = [];
  const statements = (p: unknown): Json[] => {
    const s = (p as Json | undefined)?.["Statement"];
    return Array.isArray(s) ? (s as Json[]) : s !== undefined ? [s as Json] : [];
  };
  for (const [key, e] of Object.entries(bundle.keys ?? {})) for (const statement of statements(e.policy)) out.push({ statement, key });
  for (const [holder, e] of Object.entries(bundle.principals ?? {})) for (const p of e.policies) for (const statement of statements(p)) out.push({ statement, holder });
  return out;
}

/** Callers a statement concerns. */
function callersFor(p: PlacedStatement): string[] {
  if (p.holder !== undefined) return [p.holder, ...(SESSION_OF[p.holder] ? [SESSION_OF[p.holder]!] : [])];
  const principal = p.statement["Principal"];
  if (principal === "*") return [...CALLERS];
  const out: string[] = [];
  const m = (principal ?? {}) as Json;
  for (const v of list(m["AWS"])) {
    if (v === "*") out.push(...CALLERS);
    else if (/^\d{12}$/.test(v) || v.endsWith(":root")) {
      const account = /^\d{12}$/.test(v) ? v : accountOf(v);
      out.push(...CALLERS.filter((c) => accountOf(c) === account));
    } else {
      out.push(v);
      if (SESSION_OF[v]) out.push(SESSION_OF[v]!);
    }
  }
  out.push(...list(m["Service"]));
  return out.length > 0 ? out : [...CALLERS];
}

function actionsFor(s: Json): string[] {
  const patterns = list(s["Action"]);
  if (patterns.length === 0) return [...ALL_KMS_ACTIONS];
  const res = patterns.map((p) => glob(p, "i"));
  const hits = ALL_KMS_ACTIONS.filter((a) => res.some((r) => r.test(a)));
  return hits.length > 0 ? hits : [...ALL_KMS_ACTIONS];
}

function resourcesFor(p: PlacedStatement, action: string, keys: readonly string[]): string[] {
  const RESOURCES = [...keys, ALIAS_A, ALIAS_A2, ALIAS_B, NO_RESOURCE_A, NO_RESOURCE_B, "*"];
  const cls = actionClassOf(action);
  const fits = (r: string): boolean => cls === "no-resource" ? r === "*" || r.endsWith(":*")
    : cls === "alias" ? !r.endsWith(":*") && r !== "*" : r.includes(":key/");
  if (p.key !== undefined) return cls === "no-resource" ? [NO_RESOURCE_A, "*"] : [p.key];
  const patterns = list(p.statement["Resource"]);
  const matching = RESOURCES.filter((r) => fits(r) && (patterns.length === 0 || patterns.some((x) => x === "*" || glob(x).test(r))));
  const any = RESOURCES.filter(fits);
  return matching.length > 0 ? matching : any.length > 0 ? any : [...keys];
}

/** Context values near a condition value: wildcards filled in, numbers and instants also one off. */
function concretize(value: string): string[] {
  const filled = value.replace(/\$\{[^}]*\}/g, "red").replace(/\*/g, "").replace(/\?/g, "Z");
  // The value itself twice: comparisons differ from their `…Equals` partner only on equal values.
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return [filled, filled, String(Number(value) + 1), String(Number(value) - 1)];
  const t = /^\d{4}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isNaN(t)) return [filled, filled, new Date(t + 1000).toISOString(), new Date(t - 1000).toISOString()];
  return [filled];
}

/** Condition entries of the statement as [key, candidate context values]. */
function conditionValues(s: Json): [string, string[]][] {
  const cond = s["Condition"];
  if (typeof cond !== "object" || cond === null) return [];
  const out: [string, string[]][] = [];
  for (const entries of Object.values(cond as Json)) {
    if (typeof entries !== "object" || entries === null) continue;
    for (const [k, v] of Object.entries(entries as Json)) {
      const values = (Array.isArray(v) ? v : [v]).flatMap((x) => concretize(String(x)));
      if (!k.toLowerCase().startsWith("null")) out.push([k, values]);
    }
  }
  return out;
}

/** A check aimed at `placed`, with `baseContext` (a generated context) partly overwritten by the statement's values. */
export function steeredCheckArb(placed: PlacedStatement, baseContext: fc.Arbitrary<Context>, keys: readonly string[] = KEYS): fc.Arbitrary<Check> {
  const callers = callersFor(placed);
  const actions = actionsFor(placed.statement);
  const resources = new Map(actions.map((a) => [a, resourcesFor(placed, a, keys)] as const));
  const entries = conditionValues(placed.statement);
  // PERF: no `chain` per request — indices pick from lists computed once per statement.
  return fc.record({
    principal: fc.constantFrom(...callers),
    action: fc.constantFrom(...actions),
    resourcePick: fc.nat(),
    context: baseContext,
    picks: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.boolean()), { minLength: entries.length, maxLength: entries.length }),
  }).map((r) => {
    const options = resources.get(r.action)!;
    const resource = options[r.resourcePick % options.length]!;
    const context: Context = { ...r.context };
    entries.forEach(([key, values], i) => {
      const [use, n, asList] = r.picks[i]!;
      if (!use || values.length === 0) return;
      for (const k of Object.keys(context)) if (k.toLowerCase() === key.toLowerCase()) delete context[k];
      const v = values[n % values.length]!;
      context[key] = asList ? [v] : v;
    });
    return { principal: r.principal, action: r.action, resource, context };
  });
}
