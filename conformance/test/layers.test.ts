// The layers of the authorization chain (docs/semantics/, docs/cedar-mapping.md "Layers"): what the
// conformance runner's layered stream (conformance.test.ts: the three engines on generated layered
// cases, the three layer laws on the reference and the graph) does not check on its own:
//  - members the shared layer generator does not draw (a federated user's `federatedBy`, more grant
//    forms, `awsManaged`), on the graph against the reference, with the laws on the graph;
//  - the laws on Cedar (adding_a_ceiling_never_grants, a_grant_never_denies, empty_ceilings_change_nothing);
//  - that every layer itself decides both ways (its reasons name it), on the reference and the graph;
//  - dense grants and dense identity ceilings against the reference.
// Any divergence (decision, ExplicitDeny statements, or request-error code) fails.
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { createAuthorizer, createCedarAuthorizer, readInputShape, type Bundle, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import type { ConformanceCase } from "../src/arbitraries/case-arbitrary.js";
import { FEDERATED_FED, KEY_A1, ROLE_APP, ROLE_EXT, ROOT_A, SERVICE_LOGS, SESSION_APP, USER_BOB } from "../src/arbitraries/fixtures.js";
import type { Context, GeneratedRequest } from "../src/arbitraries/request-arbitraries.js";
import { aimedAtGrant, LAYER_NAMES, layerChoiceArb, layeredRequest, layersOf, withLayers, type LayerChoice, type LayerName } from "../src/arbitraries/layer-arbitraries.js";
import { outcomeText, sameOutcome } from "../src/compare/outcome.js";
import { newlyRefusedByNames } from "../src/laws/law-helpers.js";

const REQUESTS = 12;
const RUNS = Number(process.env["KMS_CEDAR_LAYER_RUNS"] ?? 100);
// Each Cedar case compiles its bundle once, and once more per layer for the laws (~0.3 s each on an idle core).
const CEDAR_RUNS = Number(process.env["KMS_CEDAR_LAYER_CEDAR_RUNS"] ?? 16);
/** Each property compiles a bundle per case (and one per ceiling removed): minutes for a long hunt. */
const TIMEOUT = 30 * 60_000;
/** Added to every property's fixed seed (a longer hunt: KMS_CEDAR_LAYER_SEED=1 KMS_CEDAR_LAYER_RUNS=2000). */
const SEED = Number(process.env["KMS_CEDAR_LAYER_SEED"] ?? 0);

type Engine = "graph" | "cedar";
type Decide = (request: unknown) => DecisionResult;
const isAllow = (r: DecisionResult): boolean => !("error" in r) && r.decision === "Allow";
const layerReasons = (r: DecisionResult, layer: LayerName): boolean => !("error" in r) && r.reasons.some((reason) => reason.layer === layer);

/** `engine` compiled from a bundle object, or the compiler's first error. */
function engineOf(bundle: unknown, engine: Engine): Decide | string {
  const compiled = compileBundle(bundle as Bundle, { cedar: engine === "cedar" });
  const built = engine === "graph" ? compiled.graph : compiled.cedar;
  if (built === undefined) {
    const first = compiled.diagnostics.find((d) => d.severity === "error");
    return first === undefined ? `no ${engine}` : `${first.code} ${first.message}`;
  }
  const authorizer = engine === "graph" ? createAuthorizer(compiled.graph!) : createCedarAuthorizer(compiled.cedar!);
  return (request) => authorizer.decide(request as never);
}

// ---------------------------------------------------------------------------------------------------
// Members the shared layer generator does not draw.

/**
 * Added to a generated layered bundle so the engines meet them too: a federated user's `federatedBy` (and
 * session policies), a second grant (other grantees, a service grantee with its `sourceArn`,
 * `encryptionContextEquals`), `awsManaged`; and request context that satisfies them.
 */
interface Extras {
  readonly federation: "none" | "by" | "by+session" | "session";
  readonly grant: Record<string, unknown> | undefined;
  readonly awsManaged: boolean;
  readonly sourceArn: boolean;
  readonly team: boolean;
}

const NO_EXTRAS: Extras = { federation: "none", grant: undefined, awsManaged: false, sourceArn: false, team: false };
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

/** The request is on the grant's key (KEY_A1) for one of its operations. */
function grantConsidered(grant: Record<string, unknown> | undefined, request: unknown): boolean {
  if (grant === undefined || typeof request !== "object" || request === null || !("action" in request)) return false;
  const { action, resource } = request as { action: string; resource: string };
  return resource === KEY_A1 && (grant["operations"] as string[]).includes(action.replace(/^kms:/i, ""));
}

// ---------------------------------------------------------------------------------------------------
// One decision mix per layer, and the layer laws on one engine.

type Tally = { Allow: number; ExplicitDeny: number; ImplicitDeny: number; decidedAllow: number; decidedDeny: number };
type Mix = Record<LayerName, Tally & { cases: number; divergences: number; reference: Tally }>;
const tally = (): Tally => ({ Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, decidedAllow: 0, decidedDeny: 0 });

/** Counts `r` for `layer`: its decision, and whether the layer itself decided it (grants.md: a grant never denies). */
function count(t: Tally, r: DecisionResult, layer: LayerName, grant: Record<string, unknown> | undefined, request: unknown): void {
  if (!("error" in r)) t[r.decision]++;
  // The layer decided: a deny naming it, or (grant) an Allow naming it; or (ceilings) an Allow it let through.
  if (layerReasons(r, layer)) {
    if (isAllow(r)) t.decidedAllow++;
    else t.decidedDeny++;
  } else if (layer !== "grant" && isAllow(r)) {
    t.decidedAllow++;
  } else if (layer === "grant" && !isAllow(r) && grantConsidered(grant, request)) {
    // A grant's "deny side": a request on its key for one of its operations that it does not allow.
    t.decidedDeny++;
  }
}

/** adding_a_ceiling_never_grants and a_grant_never_denies, on one engine: `got` with the layer, `without` without it. */
function checkLaws(layer: LayerName, got: DecisionResult, without: DecisionResult, context: unknown): void {
  // A grant naming a session of the caller's role refuses a role ARN as caller (KR0012): no decision to compare.
  if (newlyRefusedByNames(without, got)) return;
  if (layer === "grant") {
    if (isAllow(without)) expect(outcomeText(got), JSON.stringify(context)).toBe("Allow");
    if (!("error" in without) && without.decision === "ExplicitDeny") expect(outcomeText(got), JSON.stringify(context)).toMatch(/^ExplicitDeny/);
  } else if (isAllow(got)) {
    expect(outcomeText(without), JSON.stringify({ layer, context })).toBe("Allow");
  }
}

function printMix(title: string, mix: Mix): void {
  const pad = (n: number, w = 6): string => String(n).padStart(w);
  const table = LAYER_NAMES.map((l) => {
    const m = mix[l];
    return `${l.padEnd(9)} ${pad(m.cases)} ${pad(m.Allow)} ${pad(m.ExplicitDeny)} ${pad(m.ImplicitDeny)} ${pad(m.divergences, 5)}   decided: ${m.decidedAllow} allow, ${m.decidedDeny} deny (reference: ${m.reference.decidedAllow}, ${m.reference.decidedDeny})`;
  });
  console.log([title, "layer      cases  Allow  EDeny  IDeny  div.", ...table].join("\n"));
}

/**
 * Generated layered cases on `engine` against the reference: every request compared, the laws checked on
 * the engine's own answers, the per-layer mix returned. `extras`: draw the members the generator does not.
 */
function layeredCases(engine: Engine, runs: number, extras: boolean): { mix: Mix; divergences: string[]; bundles: number } {
  const mix = Object.fromEntries(LAYER_NAMES.map((l) => [l, { ...tally(), cases: 0, divergences: 0, reference: tally() }])) as Mix;
  const divergences: string[] = [];
  let bundles = 0;
  const arb = conformanceCaseArb({ requestsPerBundle: REQUESTS }).chain((c) => layerChoiceArb(REQUESTS).map((choice) => ({ c, choice })));
  const check = ({ c, choice }: { c: ConformanceCase; choice: LayerChoice }, dept: boolean, x: Extras): void => {
    const full = withExtras(withLayers(c.bundle, choice), x);
    const decide = engineOf(full, engine);
    if (typeof decide === "string") {
      // Only the base bundle may be what the compiler rejects (a generated policy IAM refuses), never a layer member.
      expect(decide, JSON.stringify(full)).not.toMatch(/^KC29[3-6]\d/);
      return;
    }
    bundles++;
    const present = LAYER_NAMES.filter((l) => layersOf(choice).includes(l) || (l === "grant" && x.grant !== undefined));
    // Without a layer: the extras stay, but the grant law removes every grant.
    const withouts = new Map(present.map((layer) => [layer,
      engineOf(withExtras(withLayers(c.bundle, choice, [layer]), layer === "grant" ? { ...x, grant: undefined } : x), engine)]));
    c.requests.forEach((generated, i) => {
      if (typeof readInputShape(generated) !== "string") return;
      // As layered-case.ts sends them: some re-aimed at the generated grant.
      const aim = choice.aimsAtGrant[i];
      const aimed = aim === undefined || choice.grant === undefined ? generated as GeneratedRequest : aimedAtGrant(generated as GeneratedRequest, choice.grant, aim);
      const request = withExtraContext(layeredRequest(aimed, choice.throughEndpoint[i] ?? false, dept, choice.givesSourceVpc[i] ?? false, choice.listsKeys[i] ?? "as-generated"), x);
      const want = evaluateReference(full as never, request);
      const got = decide(request);
      const agree = sameOutcome(want, got);
      if (!agree && divergences.length < 5) divergences.push(JSON.stringify({ reference: outcomeText(want), [engine]: outcomeText(got), request, bundle: full }));
      for (const layer of present) {
        const m = mix[layer];
        m.cases++;
        if (!agree) m.divergences++;
        count(m, got, layer, choice.grant, request);
        count(m.reference, want, layer, choice.grant, request);
        const less = withouts.get(layer)!;
        if (typeof less !== "string") checkLaws(layer, got, less(request), { full, request });
      }
    });
  };
  const params = { numRuns: runs, seed: 12 + SEED };
  if (extras) fc.assert(fc.property(arb, fc.boolean(), extrasArb, check), params);
  else fc.assert(fc.property(arb, fc.boolean(), (v, dept) => check(v, dept, NO_EXTRAS)), params);
  return { mix, divergences, bundles };
}

describe("the layers on generated cases", () => {
  it("graph: agrees with the reference with the members the generator does not draw, keeps the laws; every layer decides both ways", () => {
    const { mix, divergences, bundles } = layeredCases("graph", RUNS, true);
    printMix(`graph vs reference: ${bundles} layered bundles`, mix);
    expect(divergences, divergences.join("\n")).toEqual([]);
    expect(bundles).toBeGreaterThan(RUNS / 2);
    for (const layer of LAYER_NAMES) {
      for (const [who, t] of [["graph", mix[layer]], ["reference", mix[layer].reference]] as const) {
        expect(t.decidedAllow, `${who}: ${layer} lets some request through`).toBeGreaterThan(0);
        expect(t.decidedDeny, `${who}: ${layer} denies some request`).toBeGreaterThan(0);
      }
    }
  }, TIMEOUT);

  it("Cedar: agrees with the reference and keeps the laws (the runner checks them on the reference and the graph only)", () => {
    const { mix, divergences, bundles } = layeredCases("cedar", CEDAR_RUNS, false);
    printMix(`Cedar vs reference: ${bundles} layered bundles`, mix);
    expect(divergences, divergences.join("\n")).toEqual([]);
    expect(bundles).toBeGreaterThan(CEDAR_RUNS / 2);
    for (const layer of LAYER_NAMES) {
      expect(mix[layer].Allow, `${layer}: some Allow`).toBeGreaterThan(0);
      expect(mix[layer].ExplicitDeny + mix[layer].ImplicitDeny, `${layer}: some deny`).toBeGreaterThan(0);
    }
  }, TIMEOUT);

  it("empty_ceilings_change_nothing on the graph and on Cedar: allow-all ceilings decide as without them", () => {
    const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const endpoint = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    const compared: Record<Engine, number> = { graph: 0, cedar: 0 };
    const runs = Math.max(20, Math.floor(RUNS / 3));
    let run = 0;
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
      // Cedar on the first cases only (emitting it is most of a case's cost).
      const engines: Engine[] = run++ < Math.max(8, Math.floor(CEDAR_RUNS / 3)) ? ["graph", "cedar"] : ["graph"];
      for (const engine of engines) {
        const plain = engineOf(c.bundle, engine);
        const layered = engineOf(ceilings, engine);
        if (typeof plain === "string" || typeof layered === "string") {
          // The same base bundle: both compile or neither does.
          expect(typeof layered === "string" ? layered : "compiled").toBe(typeof plain === "string" ? layered : "compiled");
          continue;
        }
        for (const generated of c.requests.filter((r): r is GeneratedRequest => typeof readInputShape(r) === "string")) {
          // The same request to both: through the endpoint it gives aws:SourceVpce, and the keys of the
          // endpoint's path it leaves out are unknown with or without `endpoints` (vpc-endpoint-policy.md §2).
          // It gives the organization keys: left out, a member's are unknown with the organization and
          // absent without it (deviation 49), which is not what allow-all ceilings are about.
          const request = layeredRequest(generated, through, false, false, "as-generated", true);
          // Session policies listed under App/s1 name a session of role App: a role ARN as caller is KR0012.
          if (newlyRefusedByNames(plain(request), layered(request))) continue;
          expect(outcomeText(layered(request)), `${engine} ${JSON.stringify(request)}`).toBe(outcomeText(plain(request)));
          compared[engine]++;
        }
      }
    }), { numRuns: runs, seed: 13 + SEED });
    expect(compared.graph).toBeGreaterThan(0);
    expect(compared.cedar).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe("the layers, densely: graph against the reference", () => {
  it("agree on grants, densely: grantees of every form, operations, constraints, encryption context in every case", () => {
    const ctxEntry = fc.constantFrom<[string, string | string[]]>(
      ["kms:EncryptionContext:Dept", "IT"], ["kms:EncryptionContext:Dept", "it"], ["kms:EncryptionContext:Dept", "HR"],
      ["kms:encryptioncontext:dept", "IT"], ["kms:EncryptionContext:Team", "x"], ["kms:EncryptionContext:Dept", ["IT", "HR"]],
      ["kms:EncryptionContext:Dept", []],
      // The keys the request lists (deviation 47, read as given): beyond its pairs, short of them, in another case.
      ["kms:EncryptionContextKeys", ["Dept"]], ["kms:EncryptionContextKeys", ["Dept", "Other"]], ["kms:EncryptionContextKeys", "Other"],
      ["kms:EncryptionContextKeys", ["Dept", "Team"]], ["KMS:EncryptionContextKeys", ["dept"]], ["aws:SourceArn", SOURCE_ARN], ["aws:sourcearn", "arn:aws:logs:us-west-2:111122223333:log-group:h"],
      // What a CreateGrant request creates (grants.md §2: within the parent grant's operations).
      ["kms:GrantOperations", ["Decrypt"]], ["kms:GrantOperations", ["Decrypt", "Sign"]], ["kms:GrantOperations", "CreateGrant"],
      ["kms:grantoperations", ["Encrypt", "GenerateDataKey"]], ["kms:GrantOperations", []],
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
      const graph = engineOf(bundle, "graph");
      if (typeof graph === "string") throw new Error(graph);
      for (const r of requests) {
        const request = { ...r, resource: KEY_A1 };
        const want = evaluateReference(bundle as never, request);
        const got = graph(request);
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
      const graph = engineOf(bundle, "graph");
      if (typeof graph === "string") throw new Error(`${graph}\n${JSON.stringify(bundle)}`);
      for (const r of k.requests) {
        const request = { ...r, resource: KEY_A1 };
        const want = evaluateReference(bundle as never, request);
        const got = graph(request);
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
});
