// What a user's bundle mentions, for generating requests about it: keys, callers (named in
// principals and key policies, sessions of its roles, roots of its accounts, an outsider), KMS
// actions its patterns match, and for each condition key the constants and operators that test it.
// Phase: conformance verify. Reads plain JSON documents; tolerant of anything malformed.
import { ALL_KMS_ACTIONS, accountOf } from "../arbitraries/fixtures.js";
import { parseOperatorVariant } from "../arbitraries/operators.js";
import type { OperatorVariant } from "../arbitraries/operators.js";
import type { PlainBundleShape, Json } from "../laws/bundle-transforms.js";
import { statementsOf } from "../laws/bundle-transforms.js";

export interface KeyFacts {
  /** The key as written first (its case is kept). */
  readonly key: string;
  readonly constants: Set<string>;
  readonly families: Set<string>;
}

export interface BundleFacts {
  readonly keys: readonly string[];
  readonly callers: readonly string[];
  /** KMS actions some statement's Action names (patterns expanded), most used first. */
  readonly actions: readonly string[];
  /** Alias ARNs and resource-less targets found in identity Resource patterns. */
  readonly resources: readonly string[];
  readonly conditionKeys: ReadonlyMap<string, KeyFacts>;
  /** Each statement's operator variants and a test for the actions it concerns. */
  readonly statements: readonly { readonly variants: readonly OperatorVariant[]; readonly concerns: (action: string) => boolean }[];
}

const OUTSIDER_ACCOUNT = "999988887777";
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

function actionGlob(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`, "i");
}

/** Callers for one principal value of a key policy or one bundle principal. */
function callersOf(arn: string): string[] {
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (/^\d{12}$/.test(arn)) return [`arn:aws:iam::${arn}:root`];
  if (m === null) return /\.amazonaws\.com$/.test(arn) ? [arn] : [];
  const [, partition, , account, rest] = m as unknown as [string, string, string, string, string];
  if (rest.startsWith("role/")) {
    const name = rest.slice(rest.lastIndexOf("/") + 1);
    return [arn, `arn:${partition}:sts::${account}:assumed-role/${name}/session1`];
  }
  return [arn];
}

/** Facts of `bundle`. */
export function bundleFacts(bundle: PlainBundleShape): BundleFacts {
  const keys = Object.keys(bundle.keys ?? {});
  const callers = new Set<string>();
  const actionHits = new Map<string, number>();
  const resources = new Set<string>();
  const conditionKeys = new Map<string, KeyFacts>();
  const statements: { variants: OperatorVariant[]; concerns: (a: string) => boolean }[] = [];
  const accounts = new Set<string>(keys.map((k) => accountOf(k)).filter((a): a is string => a !== undefined));

  const visit = (s: Json): void => {
    const p = s["Principal"] ?? s["NotPrincipal"];
    if (p === "*") callers.add("*");
    else if (typeof p === "object" && p !== null) {
      for (const v of [...list((p as Json)["AWS"]), ...list((p as Json)["Service"])]) {
        if (v === "*") callers.add("*");
        else callersOf(v).forEach((c) => callers.add(c));
      }
    }
    const patterns = list(s["Action"] ?? s["NotAction"]);
    const res = patterns.map(actionGlob);
    const negated = "NotAction" in s;
    const concerns = (action: string): boolean => res.some((r) => r.test(action)) !== negated;
    for (const a of ALL_KMS_ACTIONS) if (!negated && res.some((r) => r.test(a))) actionHits.set(a, (actionHits.get(a) ?? 0) + 1);
    for (const r of list(s["Resource"] ?? s["NotResource"])) {
      if (/:alias\//.test(r) || /:\*$/.test(r)) resources.add(r.replace(/\$\{[^}]*\}/g, "x").replace(/\*/g, "x").replace(/\?/g, "x").replace(/:x$/, ":*"));
    }
    const variants: OperatorVariant[] = [];
    const cond = s["Condition"];
    if (typeof cond === "object" && cond !== null) {
      for (const [op, entries] of Object.entries(cond as Json)) {
        const v = parseOperatorVariant(op);
        if (v !== undefined) variants.push(v);
        if (typeof entries !== "object" || entries === null) continue;
        for (const [k, raw] of Object.entries(entries as Json)) {
          const facts = conditionKeys.get(k.toLowerCase()) ?? { key: k, constants: new Set<string>(), families: new Set<string>() };
          for (const x of Array.isArray(raw) ? raw : [raw]) if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") facts.constants.add(String(x));
          if (v !== undefined) facts.families.add(v.base);
          conditionKeys.set(k.toLowerCase(), facts);
          for (const m of JSON.stringify(raw).matchAll(/\$\{([^},]+)/g)) {
            const name = m[1]!.trim();
            if (name.includes(":") && !conditionKeys.has(name.toLowerCase())) conditionKeys.set(name.toLowerCase(), { key: name, constants: new Set(), families: new Set(["variable"]) });
          }
        }
      }
    }
    statements.push({ variants, concerns });
  };
  for (const e of Object.values(bundle.keys ?? {})) statementsOf(e.policy).forEach(visit);
  for (const [arn, e] of Object.entries(bundle.principals ?? {})) {
    callersOf(arn).forEach((c) => callers.add(c));
    const a = accountOf(arn);
    if (a !== undefined) accounts.add(a);
    e.policies.forEach((p) => statementsOf(p).forEach(visit));
  }
  for (const c of callers) {
    const a = accountOf(c);
    if (a !== undefined) accounts.add(a);
  }
  // Everyone a key policy's `*` could mean, the roots of the accounts seen, a stranger and an outsider.
  callers.delete("*");
  for (const a of accounts) {
    callers.add(`arn:aws:iam::${a}:root`);
    callers.add(`arn:aws:iam::${a}:user/Stranger`);
  }
  callers.add(`arn:aws:sts::${OUTSIDER_ACCOUNT}:assumed-role/Outsider/s1`);
  const actions = [...ALL_KMS_ACTIONS].sort((x, y) => (actionHits.get(y) ?? 0) - (actionHits.get(x) ?? 0));
  return {
    keys, callers: [...callers].sort(), actions, resources: [...resources].sort(), conditionKeys, statements,
  };
}

/** The operator variants in play for an action: those of the statements that concern it. */
export function variantsInPlay(facts: BundleFacts, action: string): OperatorVariant[] {
  return facts.statements.filter((s) => s.concerns(action)).flatMap((s) => s.variants);
}
