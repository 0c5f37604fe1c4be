// The generators produce only policies the compiler's checks accept, reach every operator variant,
// Principal form and KMS path, and make conditions match about half the time (STYLE "Tests").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicyText } from "@kms-cedar/compiler";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { VALID_VARIANTS, buildConditionBlock, conditionArb } from "../src/arbitraries/condition-arbitraries.js";
import { BASE_OPERATOR_NAMES, operatorName, parseOperatorVariant } from "../src/arbitraries/operators.js";
import { contextArb } from "../src/arbitraries/request-arbitraries.js";
import { withConsistentCallerKeys } from "../src/arbitraries/caller-keys.js";
import { KEY_POLICY_PRINCIPALS } from "../src/arbitraries/statement-arbitraries.js";
import { COLON_FILL, steeredCheckArb } from "../src/arbitraries/steered-requests.js";
import { statementsOf } from "../src/laws/bundle-transforms.js";

const SEED = Number(process.env["FC_SEED"] ?? 20261123);

describe("generated bundles", () => {
  const cases = fc.sample(conformanceCaseArb({ requestsPerBundle: 4 }), { seed: SEED, numRuns: 800 });

  it("pass the compiler's checks (every policy, both kinds), and the filtered share is counted", () => {
    let policies = 0;
    const rejected: string[] = [];
    for (const c of cases) {
      const docs = [
        ...Object.values(c.bundle.keys).map((k) => ["key", k.policy] as const),
        ...Object.values(c.bundle.principals).flatMap((p) => p.policies.map((d) => ["identity", d] as const)),
      ];
      for (const [kind, doc] of docs) {
        policies++;
        const errors = checkPolicyText(JSON.stringify(doc, null, 2), kind).diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) rejected.push(`${errors[0]!.code} ${errors[0]!.message}`);
      }
    }
    console.log(`arbitraries: seed ${SEED}, ${cases.length} bundles, ${policies} policies, ${rejected.length} rejected by the checks`);
    expect(rejected).toEqual([]);
  });

  it("reach every valid operator variant in conditions, in key and in identity policies", () => {
    const seen = { key: new Set<string>(), identity: new Set<string>() };
    for (const c of cases) {
      const visit = (kind: "key" | "identity", doc: unknown): void => {
        for (const s of statementsOf(doc)) {
          for (const op of Object.keys((s["Condition"] ?? {}) as object)) {
            const v = parseOperatorVariant(op);
            if (v !== undefined) seen[kind].add(operatorName(v));
          }
        }
      };
      Object.values(c.bundle.keys).forEach((k) => visit("key", k.policy));
      Object.values(c.bundle.principals).forEach((p) => p.policies.forEach((d) => visit("identity", d)));
    }
    const all = VALID_VARIANTS.map(operatorName);
    expect(all).toHaveLength(27 * 6 - 5);
    expect(all.filter((v) => !seen.key.has(v))).toEqual([]);
    expect(all.filter((v) => !seen.identity.has(v))).toEqual([]);
  });

  it("use every Principal form of spec §1.5 in key policies", () => {
    const seen = new Set<string>();
    for (const c of cases) {
      for (const k of Object.values(c.bundle.keys)) for (const s of statementsOf(k.policy)) seen.add(JSON.stringify(s["Principal"]));
    }
    expect(KEY_POLICY_PRINCIPALS.map((p) => JSON.stringify(p)).filter((p) => !seen.has(p))).toEqual([]);
  });

  it("put `*` and `?` in actions and resources, variables in resources and conditions, and both Versions", () => {
    const text = JSON.stringify(cases.map((c) => c.bundle));
    expect(text).toMatch(/"kms:[A-Za-z]*\?[A-Za-z]*"/);
    expect(text).toMatch(/"kms:[A-Za-z]*\*"/);
    expect(text).toMatch(/key\/\$\{aws:PrincipalTag\/team, '1111aaaa'\}\*/);
    expect(text).toMatch(/"NotResource"/);
    expect(text).toMatch(/"NotAction"/);
    expect(text).toMatch(/\$\{aws:username\}/);
    expect(text).toMatch(/"2008-10-17"/);
  });
});

describe("condition values", () => {
  it("match about half the time for requests aimed at the condition (each base operator between 15% and 85%)", () => {
    const role = "arn:aws:iam::111122223333:role/team/App";
    const key = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
    const dkp = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "kms:*", Resource: "*" }] };
    const rate = new Map<string, [number, number]>();
    VALID_VARIANTS.forEach((v, vi) => {
      for (const c of fc.sample(conditionArb(v, "identity", true), { seed: SEED + vi, numRuns: 12 })) {
        const statement = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: buildConditionBlock([c]) };
        const bundle = { keys: { [key]: { policy: dkp } }, principals: { [role]: { policies: [{ Version: "2012-10-17", Statement: [statement] }] } } };
        const ctx = contextArb([c.key.toLowerCase(), "aws:username", "aws:principaltag/team"]);
        for (const r of fc.sample(steeredCheckArb({ statement, holder: role }, ctx), { seed: SEED + vi, numRuns: 8 })) {
          // As requestArb does: caller-derived context keys agree with the principal (else KR0009).
          const d = evaluateReference(bundle, withConsistentCallerKeys({ ...r, principal: role, action: "kms:Decrypt", resource: key }) as never);
          if ("error" in d) continue;
          const t = rate.get(v.base) ?? [0, 0];
          rate.set(v.base, [t[0] + (d.decision === "Allow" ? 1 : 0), t[1] + 1]);
        }
      }
    });
    const shares = BASE_OPERATOR_NAMES.map((b) => [b, rate.get(b)![0] / rate.get(b)![1]] as const);
    console.log(`condition truth rate by operator: ${shares.map(([b, s]) => `${b} ${(100 * s).toFixed(0)}%`).join(", ")}`);
    expect(shares.filter(([, s]) => s < 0.15 || s > 0.85)).toEqual([]);
  });
});

// Two one-line mutants of the mutation check survived the CI budget until the steered requests reached
// their case (scripts/mutants.json: arn-last-segment, encoder-ignorecase). A request steered at such a
// condition must reach it often, and the condition must hold for it (else it shows nothing).
describe("steered requests reach the cases of two mutants", () => {
  const role = "arn:aws:iam::111122223333:role/team/App";
  const key = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
  const dkp = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "kms:*", Resource: "*" }] };
  const decide = (statement: Record<string, unknown>, r: { context: Record<string, unknown> }): string => {
    const bundle = { keys: { [key]: { policy: dkp } }, principals: { [role]: { policies: [{ Version: "2012-10-17", Statement: [statement] }] } } };
    const d = evaluateReference(bundle, withConsistentCallerKeys({ ...r, principal: role, action: "kms:Decrypt", resource: key }) as never);
    return "error" in d ? "error" : d.decision;
  };
  /** The single value of a context entry (two values of a single-valued key decide nothing). */
  const one = (v: unknown): string => (Array.isArray(v) ? (v.length === 1 ? String(v[0]) : "") : String(v));

  it.each([
    "arn:aws:s3:::bucket-${aws:PrincipalTag/team}/*",
    "arn:aws:logs:us-west-2:111122223333:log-group:${aws:PrincipalTag/team, 'red'}:*",
  ])("ArnLike %s: the variable's key holds a colon and the ARN carries it (the resolved text stays in the sixth component)", (pattern) => {
    const statement = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { ArnLike: { "aws:SourceArn": pattern } } };
    const ctx = contextArb(["aws:sourcearn", "aws:principaltag/team"]);
    const requests = fc.sample(steeredCheckArb({ statement, holder: role }, ctx), { seed: SEED, numRuns: 200 });
    const reached = requests.filter((r) => r.context["aws:PrincipalTag/team"] === COLON_FILL && one(r.context["aws:SourceArn"]).includes(COLON_FILL));
    expect(reached.length).toBeGreaterThan(requests.length / 4);
    expect(reached.map((r) => decide(statement, r)).filter((d) => d !== "Allow")).toEqual([]);
  });

  it.each(["it", "IT", "Finance", "prod"])("StringEqualsIgnoreCase %s (native in Cedar): values with an upper-case letter that match case-insensitively", (value) => {
    const statement = { Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEqualsIgnoreCase: { "kms:EncryptionContext:Dept": value } } };
    const ctx = contextArb(["kms:encryptioncontext:dept"]);
    const requests = fc.sample(steeredCheckArb({ statement, holder: role }, ctx), { seed: SEED, numRuns: 200 });
    const reached = requests.filter((r) => {
      const v = one(r.context["kms:EncryptionContext:Dept"]);
      return v !== v.toLowerCase() && v.toLowerCase() === value.toLowerCase();
    });
    // An upper-case letter: Cedar compares a lower-cased view with lower-cased constants, so the test holds only if the view is lower-cased.
    expect(reached.length).toBeGreaterThan(requests.length / 6);
    expect(reached.map((r) => decide(statement, r)).filter((d) => d !== "Allow")).toEqual([]);
  });
});
