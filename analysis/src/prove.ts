// Assertions "no request matching P is allowed" (IAM Access Analyzer's CheckAccessNotGranted
// question), decided over the same exact request space: P's principals, accounts and keys are added
// to what the space tells apart, so P is constant on every class and one allowed class member is a
// counterexample, while none means proved.
import type { DecisionGraph, Request } from "@kms-cedar/runtime";
import { createAuthorizer, parseCaller } from "@kms-cedar/runtime";
import { AnalysisCode, AnalysisRefusal, refuse } from "./diagnostics.js";
import type { AssertionPlace } from "./diagnostics.js";
import { outcomeOf } from "./outcome.js";
import { RequestSpace } from "./space/request-space.js";
import type { SpaceOptions } from "./space/request-space.js";
import { noteArn } from "./space/principal-space.js";

export interface Assertion {
  readonly name: string;
  /** Exact caller ARNs or `*` (default `*`). */
  readonly principals: readonly string[];
  /** The caller's account is none of these (a service caller is outside every account). */
  readonly notInAccounts: readonly string[];
  /** Action names or `kms:*`-style globs, case-insensitive; each must match some KMS action (KA0015). */
  readonly actions: readonly string[];
  /** Exact key ARNs of the bundle (KA0016 otherwise) or `*` (any resource, keys, aliases and none). */
  readonly keys: readonly string[];
}

export interface AssertionResult {
  readonly name: string;
  readonly proved: boolean;
  readonly counterexample?: Request;
  /** Request classes checked. */
  readonly regions: number;
}

const strings = (v: unknown, at: AssertionPlace, what: string, fallback?: string[]): string[] => {
  if (v === undefined && fallback !== undefined) return fallback;
  if (!Array.isArray(v) || v.length === 0) refuse(AnalysisCode.assertion, `${what} must be a non-empty array of strings`, at);
  const bad = v.findIndex((s) => typeof s !== "string");
  if (bad >= 0) refuse(AnalysisCode.assertion, `${what} must be a non-empty array of strings`, { ...at, item: bad });
  return v as string[];
};

/** `assertion \`name\`` (or its place, 1-based, when it has no name): how messages name an assertion. */
export function assertionLabel(a: { readonly name?: string } | undefined, index: number): string {
  // An assertion without a name is called `assertion N` (readAssertions).
  return a?.name !== undefined && a.name !== `assertion ${index + 1}` ? `assertion \`${a.name}\`` : `assertion ${index + 1}`;
}

/** Reads `{ "assertions": [...] }` (KA0014 on anything else, with the place it points at). */
export function readAssertions(root: unknown): Assertion[] {
  const list = typeof root === "object" && root !== null ? (root as Record<string, unknown>)["assertions"] : undefined;
  if (!Array.isArray(list) || list.length === 0) refuse(AnalysisCode.assertion, "expected { \"assertions\": [ … ] } with at least one assertion");
  return list.map((a: unknown, i) => {
    const at = (member?: string, item?: number): AssertionPlace => ({ assertion: i, ...(member !== undefined ? { member } : {}), ...(item !== undefined ? { item } : {}) });
    if (typeof a !== "object" || a === null || Array.isArray(a)) refuse(AnalysisCode.assertion, `assertion ${i + 1} must be an object`, at());
    const o = a as Record<string, unknown>;
    if (o["name"] !== undefined && typeof o["name"] !== "string") refuse(AnalysisCode.assertion, `the name of assertion ${i + 1} must be a string`, at("name"));
    const label = assertionLabel(o as { name?: string }, i);
    const known = new Set(["name", "principals", "notInAccounts", "actions", "keys"]);
    const extra = Object.keys(o).find((k) => !known.has(k));
    if (extra !== undefined) refuse(AnalysisCode.assertion, `${label} has unknown member \`${extra}\` (known: name, principals, notInAccounts, actions, keys)`, at(extra));
    const notIn = strings(o["notInAccounts"], at("notInAccounts"), `${label}: notInAccounts`, []);
    notIn.forEach((x, j) => {
      if (!/^\d{12}$/.test(x)) refuse(AnalysisCode.assertion, `${label}: notInAccounts holds 12-digit account ids, not \`${x}\``, at("notInAccounts", j));
    });
    const principals = strings(o["principals"], at("principals"), `${label}: principals`, ["*"]);
    principals.forEach((p, j) => {
      if (p !== "*" && parseCaller(p) === undefined) refuse(AnalysisCode.assertion, `${label}: \`${p}\` is not a caller ARN or service principal`, at("principals", j));
    });
    if (o["actions"] === undefined) refuse(AnalysisCode.assertion, `${label} has no \`actions\``, at());
    const actions = strings(o["actions"], at("actions"), `${label}: actions`);
    const keys = strings(o["keys"], at("keys"), `${label}: keys`, ["*"]);
    return { name: typeof o["name"] === "string" ? o["name"] : `assertion ${i + 1}`, principals, notInAccounts: notIn, actions, keys };
  });
}

/** The graph's actions (the KMS catalog it was compiled against) an assertion's action pattern matches: `*`, or `kms:` and a glob (`*`, `?`), ignoring case. */
export function actionsMatching(pattern: string, graph: DecisionGraph): string[] {
  const lower = pattern.toLowerCase();
  if (lower !== "*" && !lower.startsWith("kms:")) return [];
  const re = globRegExp(lower);
  return graph.actions.map((a) => a.name).filter((name) => re.test(name.toLowerCase()));
}

/**
 * The names in assertion `index` that name nothing: an action pattern that matches no KMS action
 * (KA0015), a key that is not one of the bundle's keys (KA0016). Principals and accounts the bundle
 * does not name are not problems: any caller is a caller the policies decide (usually an implicit deny).
 */
export function checkAssertionNames(a: Assertion, index: number, graph: DecisionGraph): AnalysisRefusal[] {
  const problems: AnalysisRefusal[] = [];
  const label = assertionLabel(a, index);
  a.actions.forEach((pattern, item) => {
    if (actionsMatching(pattern, graph).length === 0) {
      problems.push(new AnalysisRefusal(AnalysisCode.unknownAction, `${label}: \`${pattern}\` matches no KMS action`, { assertion: index, member: "actions", item }));
    }
  });
  a.keys.forEach((key, item) => {
    if (key !== "*" && !Object.hasOwn(graph.keys, key)) {
      problems.push(new AnalysisRefusal(AnalysisCode.unknownKey, `${label}: \`${key}\` is not a key of the bundle (keys are \`*\` or the exact ARN of one of the bundle's keys)`, { assertion: index, member: "keys", item }));
    }
  });
  return problems;
}

export function matchesAssertion(a: Assertion, request: Request): boolean {
  if (!a.principals.includes("*") && !a.principals.includes(request.principal)) return false;
  if (a.notInAccounts.length > 0) {
    const c = parseCaller(request.principal);
    if (c !== undefined && c.kind !== "service" && a.notInAccounts.includes(c.account)) return false;
  }
  if (!a.keys.includes("*") && !a.keys.includes(request.resource)) return false;
  const action = request.action.toLowerCase();
  return a.actions.some((g) => globRegExp(g).test(action));
}

/** `*` any run, `?` one character, the rest literal, ignoring case (as Action patterns, spec §1.6). */
function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.toLowerCase().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "su");
}

/**
 * Proves each assertion over the exact request space. An assertion that names nothing (checkAssertionNames)
 * or matches no request is refused (KA0015, KA0016, KA0017): it is never "proved".
 */
export function proveAssertions(graph: DecisionGraph, assertions: readonly Assertion[], options: SpaceOptions = {}): AssertionResult[] {
  assertions.forEach((a, i) => {
    const [problem] = checkAssertionNames(a, i, graph);
    if (problem !== undefined) throw problem;
  });
  const space = new RequestSpace([graph], {
    ...options,
    mentions: (m) => {
      for (const a of assertions) {
        for (const p of a.principals) if (p !== "*") {
          if (parseCaller(p)?.kind === "service") m.services.add(p);
          else {
            m.arns.add(p);
            noteArn(m, p);
          }
        }
        for (const x of a.notInAccounts) m.accounts.add(x);
      }
    },
  });
  const authorizer = createAuthorizer(graph);
  return assertions.map((a, i) => {
    let counterexample: Request | undefined;
    let regions = 0;
    const actions = new Set(a.actions.flatMap((g) => actionsMatching(g, graph)));
    space.forEach((region) => {
      if (counterexample !== undefined || !matchesAssertion(a, region.request)) return;
      regions++;
      if (outcomeOf(authorizer.decide(region.request)) === "Allow") counterexample = region.request;
    }, (action) => actions.has(action));
    if (regions === 0) {
      refuse(AnalysisCode.vacuousAssertion, `${assertionLabel(a, i)} matches no request: its principals, notInAccounts, actions and keys exclude each other (an action that takes no key with a key ARN, every principal in notInAccounts …), so there is nothing to prove`, { assertion: i });
    }
    return counterexample === undefined ? { name: a.name, proved: true, regions } : { name: a.name, proved: false, counterexample, regions };
  });
}
