// Each law can fail: a deliberately broken engine (wrapped around the graph engine) must be caught
// by the law that names its mistake, on hand-written bundles; and the bundle rewrites the
// metamorphic laws use do what they say.
import { describe, expect, it } from "vitest";
import type { DecisionResult } from "@kms-cedar/runtime";
import type { LawExtras } from "../src/arbitraries/case-arbitrary.js";
import type { Decide, EngineWrapper } from "../src/engines/engine-types.js";
import { addStatement, mapStatements, namesAnAccount, permuteBundle, statementsOf } from "../src/laws/bundle-transforms.js";
import { malformation } from "../src/compare/strict-shape.js";
import { evaluateCase } from "../src/run/evaluate-case.js";

const A = "111122223333";
const B = "444455556666";
const K1 = `arn:aws:kms:us-west-2:${A}:key/1111aaaa-1111-1111-1111-111111111111`;
const APP = `arn:aws:iam::${A}:role/App`;
const EXT = `arn:aws:iam::${B}:role/Ext`;
const DKP = { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" };
const allowAll = { Version: "2012-10-17", Statement: [{ Sid: "All", Effect: "Allow", Action: "kms:*", Resource: "*" }] };
const bundle = {
  keys: { [K1]: { policy: { Version: "2012-10-17", Statement: [DKP, { Sid: "Ext", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "kms:*", Resource: "*" }] } } },
  principals: { [APP]: { policies: [allowAll] }, [EXT]: { policies: [allowAll] } },
};
const decrypt = (principal: string) => ({ principal, action: "kms:Decrypt", resource: K1, context: {} });
const extras: LawExtras = {
  seed: 7,
  extraDeny: { key: { Effect: "Deny", Principal: "*", Action: "kms:Decrypt", Resource: "*" }, identity: { Effect: "Deny", Action: "kms:Decrypt", Resource: "*" }, target: K1 },
};

/** Wraps only the graph engine with `mutate`. */
const mutant = (mutate: (request: unknown, r: DecisionResult) => DecisionResult): EngineWrapper =>
  (engine, decide): Decide => (engine === "graph" ? (request) => mutate(request, decide(request)) : decide);

const lawsBroken = (requests: unknown[], wrap: EngineWrapper, only?: string[]) =>
  [...new Set(evaluateCase(bundle, requests, extras, { engines: ["reference", "graph"], wrap, metamorphic: true, ...(only ? { laws: new Set(only) } : {}) })
    .violations.map((v) => `${v.law}/${v.engine}`))].sort();

describe("laws", () => {
  it("hold for the real engines on the hand-written bundle", () => {
    const evaluation = evaluateCase(bundle, [decrypt(APP), decrypt(EXT), decrypt(`arn:aws:sts::${A}:assumed-role/App/s`)], extras, { engines: ["reference", "graph"], metamorphic: true });
    expect(evaluation.rejected).toBe(false);
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.results.map((r) => (r.reference && "decision" in r.reference ? r.reference.decision : "error"))).toEqual(["Allow", "Allow", "Allow"]);
  });

  it("graph_agrees_with_reference catches an engine that flips a decision", () => {
    const flip = mutant((_q, r) => ("decision" in r && r.decision === "Allow" ? { decision: "ImplicitDeny", reasons: [] } : r));
    expect(lawsBroken([decrypt(APP)], flip, ["graph_agrees_with_reference"])).toEqual(["graph_agrees_with_reference/graph"]);
  });

  it("malformed_input_never_allows catches an engine that decides a request carrying `checks` (and passes one that refuses it)", () => {
    const strict = (decide: Decide): Decide => (q) => (malformation(q) !== undefined ? { error: { code: "KR0007", message: "malformed" } } : decide(q));
    // The audit's wrong Allow: the extra members are dropped and what is left is decided.
    const lenient = (decide: Decide): Decide => (q) => {
      if (typeof q !== "object" || q === null) return { error: { code: "KR0007", message: "not an object" } };
      const { principal, action, resource, context } = q as Record<string, unknown>;
      return decide({ principal, action, resource, context: typeof context === "object" && context !== null ? context : {} });
    };
    const onGraph = (f: (d: Decide) => Decide): EngineWrapper => (engine, decide) => (engine === "graph" ? f(decide) : decide);
    const graphOnly = (l: string[]) => l.filter((x) => x.endsWith("/graph"));
    expect(graphOnly(lawsBroken([decrypt(APP), decrypt(EXT)], onGraph(strict), ["malformed_input_never_allows"]))).toEqual([]);
    expect(graphOnly(lawsBroken([decrypt(APP), decrypt(EXT)], onGraph(lenient), ["malformed_input_never_allows"]))).toEqual(["malformed_input_never_allows/graph"]);
  });

  it("no_input_throws catches an engine that throws on a hostile value (and passes one that does not)", () => {
    const throwing = mutant((q, r) => {
      if (typeof q === "bigint" || typeof q === "symbol") throw new TypeError("cannot read a request from this value");
      return r;
    });
    const graphOnly = (l: string[]) => l.filter((x) => x.endsWith("/graph"));
    expect(graphOnly(lawsBroken([decrypt(APP)], mutant((_q, r) => r), ["no_input_throws"]))).toEqual([]);
    expect(graphOnly(lawsBroken([decrypt(APP)], throwing, ["no_input_throws"]))).toEqual(["no_input_throws/graph"]);
  });

  it("explicit_deny_overrides_allow catches an engine that ignores Deny statements", () => {
    const ignoreDeny = mutant((_q, r) => ("decision" in r && r.decision === "ExplicitDeny" ? { decision: "Allow", reasons: [] } : r));
    expect(lawsBroken([decrypt(APP)], ignoreDeny, ["explicit_deny_overrides_allow"])).toEqual(["explicit_deny_overrides_allow/graph"]);
  });

  it("adding_a_deny_never_grants catches an engine that grants once a Deny is added", () => {
    // The second prepared bundle is the one with the extra Deny; this engine allows everything there.
    let prepared = 0;
    const grantsOnDeny: EngineWrapper = (engine, decide) => {
      if (engine !== "graph") return decide;
      const withExtraDeny = prepared++ > 0;
      return (q) => (withExtraDeny ? { decision: "Allow", reasons: [] } : decide(q));
    };
    const stranger = decrypt(`arn:aws:iam::${A}:user/Stranger`);
    expect(lawsBroken([stranger], grantsOnDeny, ["adding_a_deny_never_grants"])).toEqual(["adding_a_deny_never_grants/graph"]);
  });

  it("statement_order_irrelevant catches an engine whose answer depends on statement order", () => {
    // The wrapper is asked once per prepared bundle: the case's own bundle first, then the permuted one,
    // on which this engine denies (as an engine that only read the first statement might).
    let prepared = 0;
    const orderSensitive: EngineWrapper = (engine, decide) => {
      if (engine !== "graph") return decide;
      const original = prepared++ === 0;
      return (q) => (original ? decide(q) : { decision: "ImplicitDeny", reasons: [] });
    };
    expect(lawsBroken([decrypt(APP)], orderSensitive, ["statement_order_irrelevant"])).toEqual(["statement_order_irrelevant/graph"]);
  });

  it("identity_allow_without_delegation_grants_nothing catches an engine that lets identity Allows through without delegation", () => {
    // Prepared bundles: the case's, the one without account Allows, the one without identity Allows too.
    // This engine allows whenever an identity policy does (the first two), whatever the key policy says.
    let prepared = 0;
    const noGate: EngineWrapper = (engine, decide) => {
      if (engine !== "graph") return decide;
      const identityAllows = prepared++ < 2;
      return (q) => (identityAllows ? { decision: "Allow", reasons: [] } : decide(q));
    };
    expect(lawsBroken([decrypt(APP)], noGate, ["identity_allow_without_delegation_grants_nothing"])).toEqual(["identity_allow_without_delegation_grants_nothing/graph"]);
  });

  it("cross_account_needs_both_sides catches an engine that allows a cross-account caller on the key policy alone", () => {
    const oneSide: EngineWrapper = (engine, decide) => (engine === "graph" ? (q) => {
      const r = decide(q);
      return "decision" in r && (q as { principal: string }).principal === EXT ? { decision: "Allow", reasons: [] } : r;
    } : decide);
    expect(lawsBroken([decrypt(EXT)], oneSide, ["cross_account_needs_both_sides"])).toEqual(["cross_account_needs_both_sides/graph"]);
    // And an action that is not cross-account capable is never allowed across accounts.
    const schedule = { principal: EXT, action: "kms:ScheduleKeyDeletion", resource: K1, context: {} };
    expect(lawsBroken([schedule], oneSide, ["cross_account_needs_both_sides"])).toEqual(["cross_account_needs_both_sides/graph"]);
  });
});

describe("bundle rewrites", () => {
  it("permuteBundle keeps every statement and policy, in another order", () => {
    const p = permuteBundle(bundle, 7);
    const sids = (b: typeof bundle | ReturnType<typeof permuteBundle>) => statementsOf(b.keys![K1]!.policy).map((s) => s["Sid"]).sort();
    expect(sids(p)).toEqual(sids(bundle));
    expect(Object.keys(p.principals!).sort()).toEqual([APP, EXT].sort());
  });

  it("mapStatements drops an emptied identity policy (keeping its principal) and gives an emptied key policy an inert statement", () => {
    const none = mapStatements(bundle, () => []);
    // The principal stays named: a role session's derived aws:PrincipalArn is read from the bundle's roles.
    expect(none.principals).toEqual(Object.fromEntries(Object.keys(bundle.principals!).map((arn) => [arn, { policies: [] }])));
    expect(statementsOf(none.keys![K1]!.policy).map((s) => s["Sid"])).toEqual(["Inert"]);
  });

  it("addStatement appends to the named policy, or gives a principal a new policy", () => {
    const added = addStatement(bundle, `keys[${K1}]`, { Sid: "X", Effect: "Deny" });
    expect(statementsOf(added.keys![K1]!.policy).map((s) => s["Sid"])).toEqual(["EnableIAM", "Ext", "X"]);
    const fresh = addStatement(bundle, `principals[arn:aws:iam::${A}:user/New][0]`, { Sid: "Y", Effect: "Deny" });
    expect(fresh.principals![`arn:aws:iam::${A}:user/New`]!.policies).toHaveLength(1);
  });

  it("namesAnAccount recognizes root ARNs and bare account ids, alone or in lists", () => {
    expect(namesAnAccount({ AWS: A })).toBe(true);
    expect(namesAnAccount({ AWS: [APP, `arn:aws:iam::${B}:root`] })).toBe(true);
    expect(namesAnAccount({ AWS: APP })).toBe(false);
    expect(namesAnAccount("*")).toBe(false);
    expect(namesAnAccount({ Service: "logs.amazonaws.com" })).toBe(false);
  });
});
