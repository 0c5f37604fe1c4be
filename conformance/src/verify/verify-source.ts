// Case source for a user's bundle (`verify`, `corpus`): batches of requests generated from what the
// bundle mentions (callers, keys, actions, condition constants and their near misses, absent keys,
// multi-valued keys as lists), counted under the operators in play for each request's action.
// Phase: conformance verify.
import fc from "fast-check";
import { actionClassOf, accountOf } from "../arbitraries/fixtures.js";
import type { ConformanceCase } from "../arbitraries/case-arbitrary.js";
import { statementArb } from "../arbitraries/statement-arbitraries.js";
import type { PlainBundleShape } from "../laws/bundle-transforms.js";
import type { CaseSource } from "../run/run-conformance.js";
import { bundleFacts, variantsInPlay } from "./bundle-facts.js";
import { allOf, oneOfValues } from "./large-arbitraries.js";
import { nearMisses } from "./near-misses.js";

/** Keys a request carries as lists (spec §3.7 and the global multivalued keys). */
const MULTI = new Set(["kms:encryptioncontextkeys", "kms:grantoperations", "kms:resourcealiases", "aws:tagkeys", "aws:calledvia", "aws:principalorgpaths", "aws:resourceorgpaths", "aws:principalservicenameslist", "aws:sourceorgpaths", "aws:vpceorgpaths"]);

const actionsOf = (request: unknown): string[] => {
  const r = request as { action?: unknown; checks?: { action?: unknown }[] };
  if (Array.isArray(r.checks)) return r.checks.map((c) => String(c.action));
  return typeof r.action === "string" ? [r.action] : [];
};

/** The case source for `bundle` (inline documents): `perBundle` requests per case. */
export function verifySource(bundle: PlainBundleShape, perBundle: number, label = "bundle"): CaseSource {
  const facts = bundleFacts(bundle);
  const keys = facts.keys.length > 0 ? facts.keys : ["arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000"];
  const accounts = [...new Set(keys.map((k) => accountOf(k)!))];
  const contextEntries = [...facts.conditionKeys.values()].map((k) => {
    const values = nearMisses(k.constants, k.families);
    const one = oneOfValues(values);
    const value = MULTI.has(k.key.toLowerCase()) ? fc.array(one, { maxLength: 3 }) : fc.oneof({ weight: 10, arbitrary: one }, { weight: 1, arbitrary: fc.array(one, { minLength: 1, maxLength: 2 }) });
    return fc.record({ present: fc.nat(2), value }).map((e): [string, unknown] | undefined => (e.present > 0 ? [k.key, e.value] : undefined));
  });
  const context = allOf(contextEntries).map((entries) => {
    const out: Record<string, unknown> = {};
    for (const e of entries) if (e !== undefined) out[e[0]] = e[1];
    return out;
  });
  const mentioned = facts.actions.slice(0, Math.max(1, facts.actions.length));
  const action = fc.oneof({ weight: 4, arbitrary: oneOfValues(mentioned.slice(0, 12)) }, { weight: 1, arbitrary: oneOfValues(facts.actions) });
  const aliasTargets = [...facts.resources.filter((r) => r.includes(":alias/")), ...accounts.map((a) => `arn:aws:kms:us-west-2:${a}:alias/example`)];
  const noResource = ["*", ...accounts.map((a) => `arn:aws:kms:us-west-2:${a}:*`), ...facts.resources.filter((r) => r.endsWith(":*"))];
  const check = fc.record({
    principal: oneOfValues(facts.callers), action, key: oneOfValues(keys), alias: oneOfValues(aliasTargets),
    none: oneOfValues(noResource), aliasHalf: fc.boolean(), context,
  }).map((c) => {
    const cls = actionClassOf(c.action);
    const resource = cls === "no-resource" ? c.none : cls === "alias" && c.aliasHalf ? c.alias : c.key;
    return { principal: c.principal, action: c.action, resource, context: c.context };
  });
  const operation = fc.tuple(check, check).map(([a, b]) => ({
    operation: "kms:ReEncrypt",
    checks: [{ ...a, action: "kms:ReEncryptFrom", resource: a.resource.includes(":key/") ? a.resource : keys[0]! },
      { ...b, principal: a.principal, action: "kms:ReEncryptTo", resource: b.resource.includes(":key/") ? b.resource : keys[0]! }],
  }));
  const request = fc.oneof({ weight: 9, arbitrary: check as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: operation });
  const targets = [...facts.keys, ...Object.keys(bundle.principals ?? {})];
  const extras = fc.record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    key: statementArb({ kind: "key", variables: true, focus: { base: "StringEquals", qualifier: "", ifExists: false } }).map((s) => s.statement),
    identity: statementArb({ kind: "identity", variables: true, focus: { base: "StringEquals", qualifier: "", ifExists: false } }).map((s) => s.statement),
    target: oneOfValues(targets.length > 0 ? targets : keys),
  }).map(({ seed, key, identity, target }) => ({ seed, extraDeny: { key, identity, target } }));
  const arbitrary: fc.Arbitrary<ConformanceCase> = fc.tuple(fc.array(request, { minLength: perBundle, maxLength: perBundle }), extras)
    .map(([requests, ex]) => ({ bundle: bundle as ConformanceCase["bundle"], requests: requests as ConformanceCase["requests"], extras: ex }));
  return {
    arbitrary,
    variantsOf: (_c, r) => actionsOf(r).flatMap((a) => variantsInPlay(facts, a)),
    labelOf: () => label,
  };
}
