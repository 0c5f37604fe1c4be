// The layers of the authorization chain, decided by the reference evaluator AND the decision graph
// (issue 12): every generated layered case (conformance's own arbitraries) is compiled to a graph and
// decided by both; any divergence (decision, ExplicitDeny statements, or request-error code) fails the
// test. The per-layer decision mix of the graph is printed and must show every layer deciding both ways.
// The laws of issue 12 are checked on the graph too:
//  - adding_a_ceiling_never_grants: removing one ceiling never turns a graph Allow into a deny;
//  - a_grant_never_denies: removing the grant never turns a deny into an Allow, nor an Allow into an ExplicitDeny;
//  - empty_ceilings_change_nothing: allow-all SCPs, boundaries, session and endpoint policies decide as without them.
// The Cedar backend refuses these bundles (KC2960) until it decides the layers.
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, readInputShape, type Authorizer, type Bundle, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { FEDERATED_FED, KEY_A1, ROLE_APP, ROLE_EXT, ROOT_A, SERVICE_LOGS, SESSION_APP, USER_BOB } from "../src/arbitraries/fixtures.js";
import type { Context, GeneratedRequest } from "../src/arbitraries/request-arbitraries.js";
import { LAYER_NAMES, layerChoiceArb, layeredRequest, layersOf, withLayers, type LayerName } from "../src/arbitraries/layer-arbitraries.js";
import { outcomeText, sameOutcome } from "../src/compare/outcome.js";

const REQUESTS = 12;

/**
 * Members the shared layer generator does not draw, added here so the graph meets them too: a federated
 * user's `federatedBy` (and session policies), a second grant (other grantees, a service grantee with its
 * `sourceArn`, `encryptionContextEquals`), `awsManaged`; and request context that satisfies them.
 */
interface Extras {
  readonly federation: "none" | "by" | "by+session" | "session";
  readonly grant: Record<string, unknown> | undefined;
  readonly awsManaged: boolean;
  readonly sourceArn: boolean;
  readonly team: boolean;
}

const SOURCE_ARN = "arn:aws:logs:us-west-2:111122223333:log-group:g";
const extrasArb: fc.Arbitrary<Extras> = fc.record({
  federation: fc.constantFrom("none", "by", "by+session", "session"),
  grant: fc.option(fc.record({
    grantee: fc.constantFrom(SESSION_APP, ROLE_EXT, USER_BOB, FEDERATED_FED, ROOT_A, SERVICE_LOGS),
    operations: fc.subarray(["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateGrant", "ReEncryptTo", "RetireGrant"], { minLength: 1, maxLength: 5 }),
    constraint: fc.constantFrom("none", "equals", "subset", "sourceArn"),
  }).map(({ grantee, operations, constraint }) => ({
    name: "g-extra", operations,
    ...(grantee === SERVICE_LOGS ? { granteeServicePrincipal: grantee, retiringPrincipal: ROOT_A } : { granteePrincipal: grantee }),
    ...(grantee === SERVICE_LOGS || constraint === "sourceArn" ? { constraints: { sourceArn: SOURCE_ARN, ...(constraint === "equals" ? { encryptionContextEquals: { Dept: "IT" } } : {}) } }
      : constraint === "equals" ? { constraints: { encryptionContextEquals: { Dept: "IT" } } }
        : constraint === "subset" ? { constraints: { encryptionContextSubset: { Dept: "IT" } } } : {}),
  })), { nil: undefined }),
  awsManaged: fc.boolean(),
  sourceArn: fc.boolean(),
  team: fc.boolean(),
});

function withExtras(full: Record<string, unknown>, extras: Extras): Record<string, unknown> {
  const principals = { ...(full["principals"] as Record<string, Record<string, unknown>>) };
  const fed = principals[FEDERATED_FED] ?? {};
  const session = [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"], Resource: "*" }] }];
  // KC2938: `sessionPolicies` only on an entry without the legacy `policies`.
  const canSession = fed["policies"] === undefined;
  if (extras.federation === "by") principals[FEDERATED_FED] = { ...fed, federatedBy: USER_BOB };
  if (extras.federation === "by+session") principals[FEDERATED_FED] = { ...fed, federatedBy: USER_BOB, ...(canSession ? { sessionPolicies: session } : {}) };
  if (extras.federation === "session" && canSession) principals[FEDERATED_FED] = { ...fed, sessionPolicies: session };
  const keys = { ...(full["keys"] as Record<string, Record<string, unknown>>) };
  const key = keys[KEY_A1];
  if (key !== undefined) {
    const grants = [...((key["grants"] as unknown[] | undefined) ?? []), ...(extras.grant === undefined ? [] : [extras.grant])];
    keys[KEY_A1] = { ...key, ...(grants.length === 0 ? {} : { grants }), ...(extras.awsManaged ? { awsManaged: true } : {}) };
  }
  return { ...full, principals, keys };
}

function withExtraContext(request: GeneratedRequest, extras: Extras): GeneratedRequest {
  const add = (context: Context): Context => ({
    ...context, ...(extras.sourceArn ? { "aws:SourceArn": SOURCE_ARN } : {}), ...(extras.team ? { "kms:EncryptionContext:Team": "x" } : {}),
  });
  if ("checks" in request) return { ...request, checks: request.checks.map((c) => ({ ...c, context: add(c.context) })) } as GeneratedRequest;
  return { ...request, context: add(request.context) } as GeneratedRequest;
}
const RUNS = Number(process.env["KMS_CEDAR_LAYER_RUNS"] ?? 100);
/** Each property compiles a bundle per case (and one per ceiling removed): minutes for a long hunt. */
const TIMEOUT = 30 * 60_000;
/** Added to every property's fixed seed (a longer hunt: KMS_CEDAR_LAYER_SEED=1 KMS_CEDAR_LAYER_RUNS=2000). */
const SEED = Number(process.env["KMS_CEDAR_LAYER_SEED"] ?? 0);

type Mix = { cases: number; Allow: number; ExplicitDeny: number; ImplicitDeny: number; divergences: number; decidedAllow: number; decidedDeny: number };
const isAllow = (r: DecisionResult): boolean => !("error" in r) && r.decision === "Allow";
const layerReasons = (r: DecisionResult, layer: LayerName): boolean => !("error" in r) && r.reasons.some((reason) => reason.layer === layer);

/** The graph of a bundle (Cedar not emitted), or the compiler's first error. */
function graphOf(bundle: unknown): Authorizer | string {
  const compiled = compileBundle(bundle as Bundle, { cedar: false });
  if (compiled.graph === undefined) {
    const first = compiled.diagnostics.find((d) => d.severity === "error");
    return first === undefined ? "no graph" : `${first.code} ${first.message}`;
  }
  return createAuthorizer(compiled.graph);
}

/** The request is on the grant's key (KEY_A1) for one of its operations. */
function grantConsidered(grant: Record<string, unknown> | undefined, request: unknown): boolean {
  if (grant === undefined || typeof request !== "object" || request === null || !("action" in request)) return false;
  const { action, resource } = request as { action: string; resource: string };
  return resource === KEY_A1 && (grant["operations"] as string[]).includes(action.replace(/^kms:/i, ""));
}

describe("the layers, decided by the reference evaluator and the graph", () => {
  it("agree on every generated layered case, keep the laws, and every layer decides both ways", () => {
    const mix = Object.fromEntries(LAYER_NAMES.map((l) => [l, { cases: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, divergences: 0, decidedAllow: 0, decidedDeny: 0 }])) as Record<LayerName, Mix>;
    const divergences: string[] = [];
    const rejected: string[] = [];
    let compared = 0;
    let bundles = 0;
    const arb = conformanceCaseArb({ requestsPerBundle: REQUESTS }).chain((c) => layerChoiceArb(REQUESTS).map((choice) => ({ c, choice })));
    fc.assert(fc.property(arb, fc.boolean(), extrasArb, ({ c, choice }, dept, extras) => {
      const full = withExtras(withLayers(c.bundle, choice), extras);
      const graph = graphOf(full);
      if (typeof graph === "string") {
        // Only the base bundle may be what the compiler rejects (a generated policy IAM refuses), never a layer member.
        expect(graph, JSON.stringify(full)).not.toMatch(/^KC29[3-6]\d/);
        rejected.push(graph);
        return;
      }
      bundles++;
      const present = LAYER_NAMES.filter((l) => layersOf(choice).includes(l) || (l === "grant" && extras.grant !== undefined));
      // Without a layer: the extras stay, but the grant law removes every grant.
      const withouts = new Map<LayerName, Authorizer | string>(present.map((layer) => [layer,
        graphOf(withExtras(withLayers(c.bundle, choice, [layer]), layer === "grant" ? { ...extras, grant: undefined } : extras))]));
      c.requests.forEach((generated, i) => {
        if (typeof readInputShape(generated) !== "string") return;
        const request = withExtraContext(layeredRequest(generated as GeneratedRequest, choice.throughEndpoint[i] ?? false, dept), extras);
        const want = evaluateReference(full as never, request);
        const got = graph.decide(request);
        compared++;
        const agree = sameOutcome(want, got);
        if (!agree && divergences.length < 5) {
          divergences.push(JSON.stringify({ reference: outcomeText(want), graph: outcomeText(got), request, bundle: full }));
        }
        for (const layer of present) {
          const m = mix[layer];
          m.cases++;
          if (!agree) m.divergences++;
          if (!("error" in got)) m[got.decision]++;
          if (layerReasons(got, layer)) {
            if (isAllow(got)) m.decidedAllow++;
            else m.decidedDeny++;
          } else if (layer !== "grant" && isAllow(got)) {
            m.decidedAllow++;
          } else if (layer === "grant" && !isAllow(got) && grantConsidered(choice.grant, request)) {
            m.decidedDeny++;
          }
          const withoutGraph = withouts.get(layer)!;
          if (typeof withoutGraph === "string") continue;
          const without = withoutGraph.decide(request);
          if (layer === "grant") {
            // a_grant_never_denies
            if (isAllow(without)) expect(outcomeText(got), JSON.stringify({ full, request })).toBe("Allow");
            if (!("error" in without) && without.decision === "ExplicitDeny") expect(outcomeText(got)).toMatch(/^ExplicitDeny/);
          } else if (isAllow(got)) {
            // adding_a_ceiling_never_grants
            expect(outcomeText(without), JSON.stringify({ layer, full, request })).toBe("Allow");
          }
        }
      });
    }), { numRuns: RUNS, seed: 12 + SEED });
    const table = LAYER_NAMES.map((l) => `${l.padEnd(9)} ${String(mix[l].cases).padStart(6)} ${String(mix[l].Allow).padStart(6)} ${String(mix[l].ExplicitDeny).padStart(6)} ${String(mix[l].ImplicitDeny).padStart(6)} ${String(mix[l].divergences).padStart(5)}   decided: ${mix[l].decidedAllow} allow, ${mix[l].decidedDeny} deny`);
    console.log([
      `graph vs reference: ${compared} requests on ${bundles} layered bundles (${rejected.length} base bundles rejected by the compiler)`,
      "layer      cases  Allow  EDeny  IDeny  div.",
      ...table,
    ].join("\n"));
    expect(divergences, divergences.join("\n")).toEqual([]);
    expect(bundles).toBeGreaterThan(RUNS / 2);
    for (const layer of LAYER_NAMES) {
      expect(mix[layer].decidedAllow, `${layer} lets some request through`).toBeGreaterThan(0);
      expect(mix[layer].decidedDeny, `${layer} denies some request`).toBeGreaterThan(0);
    }
  }, TIMEOUT);

  it("agree on grants, densely: grantees of every form, operations, constraints, encryption context in every case", () => {
    const ctxEntry = fc.constantFrom<[string, string | string[]]>(
      ["kms:EncryptionContext:Dept", "IT"], ["kms:EncryptionContext:Dept", "it"], ["kms:EncryptionContext:Dept", "HR"],
      ["kms:encryptioncontext:dept", "IT"], ["kms:EncryptionContext:Team", "x"], ["kms:EncryptionContext:Dept", ["IT", "HR"]],
      ["kms:EncryptionContext:Dept", []], ["aws:SourceArn", SOURCE_ARN], ["aws:sourcearn", "arn:aws:logs:us-west-2:111122223333:log-group:h"],
    );
    const grantArb = fc.record({
      grantee: fc.constantFrom(SESSION_APP, ROLE_APP, ROLE_EXT, USER_BOB, FEDERATED_FED, ROOT_A, SERVICE_LOGS),
      operations: fc.subarray(["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateGrant", "ReEncryptFrom", "Sign", "RetireGrant"], { minLength: 1, maxLength: 4 }),
      constraint: fc.constantFrom("none", "equals", "subset", "subset2", "sourceArn"),
    });
    const context = fc.uniqueArray(ctxEntry, { maxLength: 3, selector: ([k]) => k }).map((entries) => Object.fromEntries(entries));
    const anyRequest = fc.record({
      principal: fc.constantFrom(SESSION_APP, ROLE_APP, USER_BOB, FEDERATED_FED, ROOT_A, "arn:aws:sts::444455556666:assumed-role/Ext/s1", ROLE_EXT, SERVICE_LOGS, "arn:aws:iam::444455556666:root"),
      action: fc.constantFrom("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant", "kms:ReEncryptFrom", "kms:Sign", "kms:RetireGrant"),
      context,
    });
    // Half the requests aim at a grant: its grantee (or a session of a role grantee) and one of its operations.
    const aimedAt = (grants: readonly { grantee: string; operations: string[] }[]) => fc.constantFrom(...grants).chain((g) => fc.record({
      principal: fc.constantFrom(g.grantee, g.grantee === ROLE_EXT ? "arn:aws:sts::444455556666:assumed-role/Ext/s1" : g.grantee),
      action: fc.constantFrom(...g.operations).map((op) => `kms:${op}`),
      context,
    }));
    const caseArb = fc.array(grantArb, { minLength: 1, maxLength: 3 }).chain((grants) => fc.record({
      grants: fc.constant(grants),
      appIdentity: fc.boolean(), extIdentity: fc.boolean(), bobBoundary: fc.boolean(),
      requests: fc.array(fc.oneof(anyRequest, aimedAt(grants)), { minLength: 10, maxLength: 10 }),
    }));
    let compared = 0;
    let grantAllows = 0;
    const divergences: string[] = [];
    fc.assert(fc.property(caseArb, ({ grants, appIdentity, extIdentity, bobBoundary, requests }) => {
      const doc = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
      const bundle = {
        keys: {
          [KEY_A1]: {
            policy: doc([{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }]),
            grants: grants.map((g, i) => ({
              name: `g${i}`, operations: g.operations,
              ...(g.grantee === SERVICE_LOGS ? { granteeServicePrincipal: g.grantee, retiringPrincipal: ROOT_A } : { granteePrincipal: g.grantee }),
              ...(g.grantee === SERVICE_LOGS || g.constraint === "sourceArn" ? { constraints: { sourceArn: SOURCE_ARN } }
                : g.constraint === "equals" ? { constraints: { encryptionContextEquals: { Dept: "IT" } } }
                  : g.constraint === "subset" ? { constraints: { encryptionContextSubset: { Dept: "IT" } } }
                    : g.constraint === "subset2" ? { constraints: { encryptionContextSubset: { Dept: "IT", Team: "x" } } } : {}),
            })),
          },
        },
        principals: {
          ...(appIdentity ? { [ROLE_APP]: { policies: [doc([{ Effect: "Allow", Action: "kms:Encrypt", Resource: "*" }])] } } : {}),
          ...(extIdentity ? { [ROLE_EXT]: { policies: [doc([{ Effect: "Allow", Action: "kms:*", Resource: KEY_A1 }])] } } : {}),
          ...(bobBoundary ? { [USER_BOB]: { boundary: doc([{ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" }]) } } : {}),
        },
      };
      const graph = graphOf(bundle);
      if (typeof graph === "string") throw new Error(graph);
      for (const r of requests) {
        const request = { ...r, resource: KEY_A1 };
        const want = evaluateReference(bundle as never, request);
        const got = graph.decide(request);
        compared++;
        if (isAllow(got) && layerReasons(got, "grant")) grantAllows++;
        if (!sameOutcome(want, got) && divergences.length < 5) divergences.push(JSON.stringify({ reference: outcomeText(want), graph: outcomeText(got), request, bundle }));
      }
    }), { numRuns: RUNS, seed: 14 + SEED });
    console.log(`grants: ${compared} requests, ${grantAllows} allowed by a grant`);
    expect(divergences, divergences.join("\n")).toEqual([]);
    expect(grantAllows).toBeGreaterThan(compared / 20);
  }, TIMEOUT);

  it("agree on the identity ceilings, densely: key policies naming every caller form, boundaries, session policies, federation", () => {
    const doc = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
    const ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey", "kms:Sign"];
    const actions = fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 });
    // A ceiling that allows some actions and maybe denies one.
    const ceiling = fc.tuple(actions, fc.option(fc.constantFrom(...ACTIONS), { nil: undefined })).map(([allow, deny]) => doc([
      { Effect: "Allow", Action: allow, Resource: "*" }, ...(deny === undefined ? [] : [{ Effect: "Deny", Action: deny, Resource: "*" }]),
    ]));
    const SESSION_APP2 = "arn:aws:sts::111122223333:assumed-role/App/s2";
    const named = fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ROLE_APP }, { AWS: SESSION_APP }, { AWS: USER_BOB }, { AWS: FEDERATED_FED },
      { AWS: "arn:aws:iam::111122223333:root" }, { AWS: "111122223333" }, { AWS: ROLE_EXT }, { AWS: "arn:aws:iam::444455556666:root" });
    const caseArb = fc.record({
      keyStatements: fc.array(fc.record({ principal: named, actions }), { minLength: 1, maxLength: 4 }),
      appIdentity: fc.option(ceiling, { nil: undefined }), bobIdentity: fc.option(ceiling, { nil: undefined }), extIdentity: fc.option(ceiling, { nil: undefined }),
      appBoundary: fc.option(ceiling, { nil: undefined }), bobBoundary: fc.option(ceiling, { nil: undefined }),
      session: fc.option(fc.array(ceiling, { minLength: 0, maxLength: 2 }), { nil: undefined }),
      fed: fc.constantFrom("none", "by", "by+session", "by+session", "session", "by+empty"), fedSession: fc.array(ceiling, { minLength: 1, maxLength: 2 }),
      requests: fc.array(fc.record({
        principal: fc.constantFrom(SESSION_APP, SESSION_APP2, ROLE_APP, USER_BOB, FEDERATED_FED, FEDERATED_FED, ROOT_A, "arn:aws:sts::444455556666:assumed-role/Ext/s1", ROLE_EXT, SERVICE_LOGS),
        action: fc.constantFrom(...ACTIONS),
      }), { minLength: 10, maxLength: 10 }),
    });
    let compared = 0;
    const kinds = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, boundary: 0, session: 0 };
    const divergences: string[] = [];
    fc.assert(fc.property(caseArb, (k) => {
      const principals: Record<string, Record<string, unknown>> = {};
      const put = (arn: string, member: string, value: unknown): void => {
        if (value !== undefined) principals[arn] = { ...(principals[arn] ?? {}), [member]: value };
      };
      put(ROLE_APP, "policies", k.appIdentity === undefined ? undefined : [k.appIdentity]);
      put(USER_BOB, "policies", k.bobIdentity === undefined ? undefined : [k.bobIdentity]);
      put(ROLE_EXT, "policies", k.extIdentity === undefined ? undefined : [k.extIdentity]);
      put(ROLE_APP, "boundary", k.appBoundary);
      put(USER_BOB, "boundary", k.bobBoundary);
      put(SESSION_APP, "sessionPolicies", k.session);
      if (k.fed === "by" || k.fed === "by+session") put(FEDERATED_FED, "federatedBy", USER_BOB);
      if (k.fed === "by+empty") put(FEDERATED_FED, "federatedBy", USER_BOB);
      if (k.fed === "session" || k.fed === "by+session") put(FEDERATED_FED, "sessionPolicies", k.fedSession);
      if (k.fed === "by+empty") put(FEDERATED_FED, "sessionPolicies", []);
      const bundle = {
        keys: { [KEY_A1]: { policy: doc(k.keyStatements.map((st) => ({ Effect: "Allow", Principal: st.principal, Action: st.actions, Resource: "*" }))) } },
        principals,
      };
      const graph = graphOf(bundle);
      if (typeof graph === "string") throw new Error(`${graph}\n${JSON.stringify(bundle)}`);
      for (const r of k.requests) {
        const request = { ...r, resource: KEY_A1 };
        const want = evaluateReference(bundle as never, request);
        const got = graph.decide(request);
        compared++;
        if (!("error" in got)) kinds[got.decision]++;
        if (layerReasons(got, "boundary")) kinds.boundary++;
        if (layerReasons(got, "session")) kinds.session++;
        if (!sameOutcome(want, got) && divergences.length < 5) divergences.push(JSON.stringify({ reference: outcomeText(want), graph: outcomeText(got), request, bundle }));
      }
    }), { numRuns: RUNS, seed: 15 + SEED });
    console.log(`identity ceilings: ${compared} requests: ${JSON.stringify(kinds)}`);
    expect(divergences, divergences.join("\n")).toEqual([]);
    expect(Math.min(kinds.Allow, kinds.ExplicitDeny, kinds.ImplicitDeny, kinds.boundary, kinds.session)).toBeGreaterThan(compared / 50);
  }, TIMEOUT);

  it("empty_ceilings_change_nothing on the graph: allow-all ceilings decide as without them", () => {
    const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const endpoint = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    let compared = 0;
    fc.assert(fc.property(conformanceCaseArb({ requestsPerBundle: REQUESTS }), fc.boolean(), (c, through) => {
      const base = c.bundle as unknown as Record<string, Record<string, Record<string, unknown>>>;
      const principals = { ...base["principals"] };
      // Only on entries the bundle has: a new role entry would change what a session's aws:PrincipalArn is
      // (the bundle's one role of that name, docs/request-model.md), which no ceiling is about.
      for (const arn of [ROLE_APP, USER_BOB]) if (principals[arn] !== undefined) principals[arn] = { ...principals[arn], boundary: allowAll };
      // KC2938: a session lists `policies` (deviation 38) or `sessionPolicies`, not both.
      for (const arn of [SESSION_APP, FEDERATED_FED]) {
        if (principals[arn]?.["policies"] === undefined) principals[arn] = { ...(principals[arn] ?? {}), sessionPolicies: [allowAll] };
      }
      const ceilings = {
        ...base, principals,
        organization: { root: { scps: [allowAll], children: [{ ou: "ou-1", scps: [allowAll], children: [{ account: "111122223333", scps: [allowAll] }, { account: "444455556666" }] }] } },
        endpoints: { "vpce-0a1b2c3d": { policy: endpoint } },
      };
      const plainGraph = graphOf(c.bundle);
      const layeredGraph = graphOf(ceilings);
      if (typeof plainGraph === "string" || typeof layeredGraph === "string") {
        // The same base bundle: both compile or neither does.
        expect(typeof layeredGraph === "string" ? layeredGraph : "compiled").toBe(typeof plainGraph === "string" ? layeredGraph : "compiled");
        return;
      }
      for (const generated of c.requests.filter((r): r is GeneratedRequest => typeof readInputShape(r) === "string")) {
        const request = layeredRequest(generated, through, false);
        const plain = layeredRequest(generated, false, false);
        // Without `endpoints`, the base bundle does not check the network keys: compare requests without them only.
        const want = outcomeText(plainGraph.decide(through ? request : plain));
        expect(outcomeText(layeredGraph.decide(through ? request : plain)), JSON.stringify(request)).toBe(want);
        compared++;
      }
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)), seed: 13 + SEED });
    expect(compared).toBeGreaterThan(0);
  }, TIMEOUT);
});
