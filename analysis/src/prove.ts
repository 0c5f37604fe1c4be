// Assertions "no request matching P is allowed" (IAM Access Analyzer's CheckAccessNotGranted
// question), decided over the same exact request space: P's principals, accounts and keys are added
// to what the space tells apart, so P is constant on every class and one allowed class member is a
// counterexample, while none means proved.
import type { DecisionGraph, Request } from "@kms-cedar/runtime";
import { createAuthorizer, parseCaller } from "@kms-cedar/runtime";
import { AnalysisCode, refuse } from "./diagnostics.js";
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
  /** Action names or `kms:*`-style globs, case-insensitive. */
  readonly actions: readonly string[];
  /** Exact key ARNs or `*` (any resource, keys, aliases and none). */
  readonly keys: readonly string[];
}

export interface AssertionResult {
  readonly name: string;
  readonly proved: boolean;
  readonly counterexample?: Request;
  /** Request classes checked. */
  readonly regions: number;
}

const strings = (v: unknown, what: string, fallback?: string[]): string[] => {
  if (v === undefined && fallback !== undefined) return fallback;
  if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== "string")) refuse(AnalysisCode.assertion, `${what} must be a non-empty array of strings`);
  return v as string[];
};

/** Reads `{ "assertions": [...] }` (KA0014 on anything else). */
export function readAssertions(root: unknown): Assertion[] {
  const list = typeof root === "object" && root !== null ? (root as Record<string, unknown>)["assertions"] : undefined;
  if (!Array.isArray(list) || list.length === 0) refuse(AnalysisCode.assertion, "expected { \"assertions\": [ … ] } with at least one assertion");
  return list.map((a: unknown, i) => {
    if (typeof a !== "object" || a === null || Array.isArray(a)) refuse(AnalysisCode.assertion, `assertion ${i} must be an object`);
    const o = a as Record<string, unknown>;
    const known = new Set(["name", "principals", "notInAccounts", "actions", "keys"]);
    const extra = Object.keys(o).filter((k) => !known.has(k));
    if (extra.length > 0) refuse(AnalysisCode.assertion, `assertion ${i} has unknown member \`${extra[0]}\``);
    const notIn = strings(o["notInAccounts"], `assertion ${i} notInAccounts`, []);
    if (notIn.some((x) => !/^\d{12}$/.test(x))) refuse(AnalysisCode.assertion, `assertion ${i}: notInAccounts holds 12-digit account ids`);
    const principals = strings(o["principals"], `assertion ${i} principals`, ["*"]);
    for (const p of principals) if (p !== "*" && parseCaller(p) === undefined) refuse(AnalysisCode.assertion, `assertion ${i}: \`${p}\` is not a caller ARN or service principal`);
    return {
      name: typeof o["name"] === "string" ? o["name"] : `assertion ${i}`,
      principals, notInAccounts: notIn, actions: strings(o["actions"], `assertion ${i} actions`), keys: strings(o["keys"], `assertion ${i} keys`, ["*"]),
    };
  });
}

function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "is");
}

export function matchesAssertion(a: Assertion, request: Request): boolean {
  if (!a.principals.includes("*") && !a.principals.includes(request.principal)) return false;
  if (a.notInAccounts.length > 0) {
    const c = parseCaller(request.principal);
    if (c !== undefined && c.kind !== "service" && a.notInAccounts.includes(c.account)) return false;
  }
  if (!a.keys.includes("*") && !a.keys.includes(request.resource)) return false;
  return a.actions.some((g) => globRegExp(g).test(request.action));
}

export function proveAssertions(graph: DecisionGraph, assertions: readonly Assertion[], options: SpaceOptions = {}): AssertionResult[] {
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
  return assertions.map((a) => {
    let counterexample: Request | undefined;
    let regions = 0;
    space.forEach((region) => {
      if (counterexample !== undefined || !matchesAssertion(a, region.request)) return;
      regions++;
      if (outcomeOf(authorizer.decide(region.request)) === "Allow") counterexample = region.request;
    }, (action) => a.actions.some((g) => globRegExp(g).test(action)));
    return counterexample === undefined ? { name: a.name, proved: true, regions } : { name: a.name, proved: false, counterexample, regions };
  });
}
