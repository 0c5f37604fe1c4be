// Greedy minimization of a failing case after fast-check's shrinking: drop requests, keys,
// principals, policies, statements, condition entries, list items and context entries one at a
// time while the same law still fails for the same engine. Phase: conformance counterexamples.
import type { PlainBundleShape, Json } from "../laws/bundle-transforms.js";
import { statementsOf } from "../laws/bundle-transforms.js";

export interface Candidate {
  readonly bundle: PlainBundleShape;
  readonly requests: readonly unknown[];
}

type Still = (c: Candidate) => boolean;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every one-step simplification of `c`, biggest first. */
function* simplifications(c: Candidate): Generator<Candidate> {
  const { bundle, requests } = c;
  if (requests.length > 1) {
    for (let i = 0; i < requests.length; i++) yield { bundle, requests: requests.filter((_, j) => j !== i) };
  }
  for (const arn of Object.keys(bundle.principals ?? {})) {
    const principals = { ...bundle.principals };
    delete principals[arn];
    yield { bundle: { ...bundle, principals }, requests };
    const policies = bundle.principals![arn]!.policies;
    for (let i = 0; policies.length > 1 && i < policies.length; i++) {
      yield { bundle: { ...bundle, principals: { ...bundle.principals, [arn]: { policies: policies.filter((_, j) => j !== i) } } }, requests };
    }
  }
  for (const arn of Object.keys(bundle.keys ?? {})) {
    const keys = { ...bundle.keys };
    delete keys[arn];
    yield { bundle: { ...bundle, keys }, requests };
  }
  // Statements, then the parts of each statement.
  const places: { get: (b: PlainBundleShape) => unknown; set: (b: PlainBundleShape, p: unknown) => PlainBundleShape }[] = [];
  for (const arn of Object.keys(bundle.keys ?? {})) {
    places.push({ get: (b) => b.keys![arn]!.policy, set: (b, p) => ({ ...b, keys: { ...b.keys, [arn]: { policy: p } } }) });
  }
  for (const [arn, entry] of Object.entries(bundle.principals ?? {})) {
    entry.policies.forEach((_, i) => places.push({
      get: (b) => b.principals![arn]!.policies[i],
      set: (b, p) => ({ ...b, principals: { ...b.principals, [arn]: { policies: b.principals![arn]!.policies.map((q, j) => (j === i ? p : q)) } } }),
    }));
  }
  for (const place of places) {
    const policy = place.get(bundle) as Json;
    const statements = statementsOf(policy);
    for (let i = 0; statements.length > 1 && i < statements.length; i++) {
      yield { bundle: place.set(bundle, { ...policy, Statement: statements.filter((_, j) => j !== i) }), requests };
    }
    for (let i = 0; i < statements.length; i++) {
      for (const s of simplerStatements(statements[i]!)) {
        yield { bundle: place.set(bundle, { ...policy, Statement: statements.map((x, j) => (j === i ? s : x)) }), requests };
      }
    }
  }
  for (let i = 0; i < requests.length; i++) {
    for (const r of simplerRequests(requests[i])) yield { bundle, requests: requests.map((x, j) => (j === i ? r : x)) };
  }
}

function* simplerStatements(s: Json): Generator<Json> {
  const cond = s["Condition"] as Record<string, Record<string, unknown>> | undefined;
  if (cond !== undefined) {
    const { Condition: _drop, ...rest } = s;
    yield rest;
    for (const op of Object.keys(cond)) {
      if (Object.keys(cond).length > 1) {
        const c = { ...cond };
        delete c[op];
        yield { ...s, Condition: c };
      }
      const entries = cond[op]!;
      for (const k of Object.keys(entries)) {
        if (Object.keys(entries).length > 1) {
          const e = { ...entries };
          delete e[k];
          yield { ...s, Condition: { ...cond, [op]: e } };
        }
        const v = entries[k];
        if (Array.isArray(v) && v.length > 1) {
          for (const item of v) yield { ...s, Condition: { ...cond, [op]: { ...entries, [k]: item } } };
        }
      }
    }
  }
  for (const el of ["Action", "NotAction", "Resource", "NotResource"]) {
    const v = s[el];
    if (Array.isArray(v) && v.length > 1) for (const item of v) yield { ...s, [el]: [item] };
  }
  const p = s["Principal"] as Json | undefined;
  if (p !== undefined && typeof p === "object") {
    for (const [k, v] of Object.entries(p)) {
      if (Object.keys(p).length > 1) yield { ...s, Principal: { [k]: v } };
      if (Array.isArray(v) && v.length > 1) for (const item of v) yield { ...s, Principal: { ...p, [k]: item } };
    }
  }
}

function* simplerRequests(r: unknown): Generator<unknown> {
  if (typeof r !== "object" || r === null) return;
  const req = r as Json;
  if (Array.isArray(req["checks"])) {
    const checks = req["checks"] as unknown[];
    for (const c of checks) yield c;
    for (let i = 0; i < checks.length; i++) for (const c of simplerRequests(checks[i])) yield { ...req, checks: checks.map((x, j) => (j === i ? c : x)) };
    return;
  }
  const ctx = req["context"] as Json | undefined;
  if (ctx === undefined) return;
  for (const k of Object.keys(ctx)) {
    const c = { ...ctx };
    delete c[k];
    yield { ...req, context: c };
    const v = ctx[k];
    if (Array.isArray(v) && v.length > 1) for (const item of v) yield { ...req, context: { ...ctx, [k]: [item] } };
  }
}

/** Minimizes `start` while `still` holds (it must hold for `start`). At most `budget` attempts. */
export function minimizeCase(start: Candidate, still: Still, budget = 2000): Candidate {
  let current: Candidate = clone(start);
  let attempts = 0;
  let progress = true;
  while (progress && attempts < budget) {
    progress = false;
    for (const next of simplifications(current)) {
      if (++attempts > budget) break;
      if (still(next)) {
        current = next;
        progress = true;
        break;
      }
    }
  }
  return clone(current);
}
