// Requests aimed at one statement of the bundle: a caller its principal (or holder) names, an
// action its Action patterns match, a resource its Resource patterns match, and a context that
// often repeats the statement's own condition values (wildcards filled in), so that statements
// apply about half the time instead of rarely. Phase: conformance generators.
import fc from "fast-check";
import {
  ALIAS_A, ALIAS_A2, ALIAS_B, ALL_KMS_ACTIONS, CALLERS, KEYS, NO_RESOURCE_A, NO_RESOURCE_B,
  ROLE_ADMIN, ROLE_APP, ROLE_APP_B, ROLE_EXT, SESSION_ADMIN, SESSION_APP, SESSION_APP_B, SESSION_EXT, SESSION_EXT_A, accountOf,
  actionClassOf,
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
/** A session of a role with the same name in the other account: it must not match. */
const TWIN_SESSION_OF: Readonly<Record<string, string>> = { [ROLE_APP]: SESSION_APP_B, [ROLE_EXT]: SESSION_EXT_A, [ROLE_APP_B]: SESSION_APP };

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
      if (TWIN_SESSION_OF[v]) out.push(TWIN_SESSION_OF[v]!);
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
  // DESIGN §2: the request resource `*` is the caller's account's synthetic resource in an unknown Region;
  // it is aimed at Region- and account-scoped patterns too (match in every Region, or undecided).
  if (cls === "no-resource" && !matching.includes("*")) matching.push("*");
  const any = RESOURCES.filter(fits);
  return matching.length > 0 ? matching : any.length > 0 ? any : [...keys];
}

/** A variable's default (`${k, 'd'}` → `d`, also `''`), or `red` (a value the variable keys take). */
const variableFill = (m: string): string => /,\s*'([^']*)'\s*\}$/.exec(m)?.[1] ?? "red";

/** The value a steered request gives a variable's key when the variable is to hold a colon (`colon` mode). */
export const COLON_FILL = "red:x";

/** An ARN pattern with a variable in its sixth (resource) component: a resolved value's colons stay in that component. */
export const ARN_RESOURCE_VARIABLE = /^arn:([^:$]*:){4}[^$]*\$\{/;

/**
 * Context values near a condition value: wildcards and variables filled in (a `?` also by a character
 * outside the BMP, one code point but two UTF-16 units; a variable also by its default, `''` included),
 * numbers one off, half off and off in the 4th decimal, instants a second and a millisecond off. For an
 * IgnoreCase operator the letter-case variants come first (`ignoreCase`).
 */
function concretize(value: string, ignoreCase: boolean): string[] {
  const fill = (variable: (m: string) => string, question: string, star = ""): string =>
    value.replace(/\$\{[^}]*\}/g, variable).replace(/\*/g, star).replace(/\?/g, question);
  const filled = fill(() => "red", "Z");
  // IgnoreCase: the value in other letter cases, upper case included. A native Cedar test compares the
  // encoder's lower-cased view with lower-cased constants, so only a request value with an upper-case
  // letter shows whether the view is lower-cased at all (a view left as given survived the CI budget
  // when one steered value in four had one).
  if (ignoreCase && !filled.startsWith("arn:")) {
    const upper = filled.toUpperCase();
    return [upper, swapCase(filled), upper, filled, fill(variableFill, "Z").toUpperCase(), fill(() => "red", "😀")];
  }
  // Also the filled value in the other letter case (not ARNs: derived ones would only contradict the caller):
  // an IgnoreCase condition then holds only through a lower-cased view.
  // For ARNs also a `*` filled with text holding a colon: a trailing `*` of the resource part must take
  // the rest of the ARN, colons included (a matcher cutting at the next colon survived the CI budget).
  const arnStar = filled.startsWith("arn:") && value.includes("*") ? [fill(() => "red", "Z", "x:y")] : [];
  // An ARN with a variable in its resource part, the variable filled with text holding a colon (the
  // steered request then gives the variable's key that text: `colon` mode): the resolved text is one
  // chunk of the sixth component, its colon included.
  const arnColon = ARN_RESOURCE_VARIABLE.test(value) ? [fill(() => COLON_FILL, "Z"), ...(value.includes("*") ? [fill(() => COLON_FILL, "Z", "x:y")] : [])] : [];
  const others = [...new Set([fill(variableFill, "Z"), fill(() => "red", "😀"), ...arnStar, ...arnColon, ...(filled.startsWith("arn:") ? [] : [swapCase(filled)])])].filter((x) => x !== filled);
  // The value itself twice: comparisons differ from their `…Equals` partner only on equal values.
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return [filled, filled, filled, String(n + 1), String(n - 1), String(n + 0.5), (n + 0.0001).toFixed(5)];
  }
  const t = /^\d{4}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isNaN(t)) {
    const at = (ms: number): string => new Date(t + ms).toISOString();
    return [filled, filled, at(1000), at(-1000), at(1), at(-1)];
  }
  const range = ipv4Range(value);
  if (range !== undefined) return [range.first, range.last, range.last, range.first, ...(range.after ? [range.after] : [])];
  return [filled, ...others];
}

/** `text` with upper and lower case swapped (`It` → `iT`). */
const swapCase = (text: string): string => [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");

/** An IPv4 address or CIDR's first and last address, and the address just after it (octet 255 and /32 reached on purpose). */
function ipv4Range(value: string): { first: string; last: string; after?: string } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(value);
  if (m === null) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const n = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(n / size) * size;
  const text = (x: number): string => [24, 16, 8, 0].map((s) => Math.floor(x / 2 ** s) % 256).join(".");
  const last = first + size - 1;
  return { first: text(first), last: text(last), ...(last < 2 ** 32 - 1 ? { after: text(last + 1) } : {}) };
}

/** Condition entries of the statement as [key, candidate context values]. */
function conditionValues(s: Json): [string, string[]][] {
  const cond = s["Condition"];
  if (typeof cond !== "object" || cond === null) return [];
  const out: [string, string[]][] = [];
  for (const [operator, entries] of Object.entries(cond as Json)) {
    if (typeof entries !== "object" || entries === null) continue;
    // A Null condition's values say whether the key is present, not what it holds: nothing to steer to.
    if (/^null$/i.test(operator)) continue;
    const ignoreCase = /IgnoreCase(IfExists)?$/i.test(operator);
    for (const [k, v] of Object.entries(entries as Json)) {
      out.push([k, (Array.isArray(v) ? v : [v]).flatMap((x) => concretize(String(x), ignoreCase))]);
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
  // Variables the statement reads (`${aws:PrincipalTag/team}`): the condition values above are filled
  // with `red`, so the variable's key is set to `red` too a third of the time; a third it is left out
  // (the default or NULL path, against values steered to the default), a third as generated.
  const variableKeys = [...new Set([...JSON.stringify(placed.statement).matchAll(/\$\{([^},]+:[^},]+?)\s*(?:,[^}]*)?\}/g)].map((m) => m[1]!.trim()))];
  // Per entry, the values filled with COLON_FILL (ARNs with a variable in the resource part): a steered
  // request in `colon` mode gives those and sets the variables' keys to COLON_FILL.
  const colonValues = entries.map(([, values]) => values.filter((v) => v.includes(COLON_FILL)));
  // `colon` is drawn two times in five where it applies: only then can a resolved value's colon show.
  const modes = colonValues.some((v) => v.length > 0) ? ["set", "colon", "colon", "absent", "generated"] as const : ["set", "absent", "generated"] as const;
  // PERF: no `chain` per request — indices pick from lists computed once per statement.
  return fc.record({
    principal: fc.constantFrom(...callers),
    action: fc.constantFrom(...actions),
    resourcePick: fc.nat(),
    context: baseContext,
    picks: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.boolean()), { minLength: entries.length, maxLength: entries.length }),
    // "set": the variables' keys are `red` (the values above are filled with it); "colon": they are
    // COLON_FILL, and ARN values filled with it are given; "absent": left out, so a `${k, 'default'}`
    // takes its default (steered values include it, `''` too); "generated": as generated.
    variables: fc.constantFrom(...modes),
  }).map((r) => {
    const options = resources.get(r.action)!;
    const resource = options[r.resourcePick % options.length]!;
    const context: Context = { ...r.context };
    entries.forEach(([key, values], i) => {
      const [use, n, asList] = r.picks[i]!;
      const colon = r.variables === "colon" && colonValues[i]!.length > 0;
      if ((!use && !colon) || values.length === 0) return;
      for (const k of Object.keys(context)) if (k.toLowerCase() === key.toLowerCase()) delete context[k];
      const pool = colon ? colonValues[i]! : values;
      const v = pool[n % pool.length]!;
      context[key] = asList ? [v] : v;
    });
    if (r.variables !== "generated") {
      for (const key of variableKeys) {
        if (key.toLowerCase() === "aws:username") continue; // derived from the principal
        for (const k of Object.keys(context)) if (k.toLowerCase() === key.toLowerCase()) delete context[k];
        if (r.variables === "set") context[key] = "red";
        else if (r.variables === "colon") context[key] = COLON_FILL;
      }
    }
    return { principal: r.principal, action: r.action, resource, context };
  });
}
