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
import { FEDERATED_FED, KEY_A1, ROLE_APP, SESSION_APP, USER_BOB } from "../src/arbitraries/fixtures.js";
import type { GeneratedRequest } from "../src/arbitraries/request-arbitraries.js";
import { LAYER_NAMES, layerChoiceArb, layeredRequest, layersOf, withLayers, type LayerName } from "../src/arbitraries/layer-arbitraries.js";
import { outcomeText, sameOutcome } from "../src/compare/outcome.js";

const REQUESTS = 12;
const RUNS = Number(process.env["KMS_CEDAR_LAYER_RUNS"] ?? 150);

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
    fc.assert(fc.property(arb, fc.boolean(), ({ c, choice }, dept) => {
      const full = withLayers(c.bundle, choice);
      const graph = graphOf(full);
      if (typeof graph === "string") {
        // Only the base bundle may be what the compiler rejects (a generated policy IAM refuses), never a layer member.
        expect(graph, JSON.stringify(full)).not.toMatch(/^KC29[3-6]\d/);
        rejected.push(graph);
        return;
      }
      bundles++;
      const present = layersOf(choice);
      const withouts = new Map<LayerName, Authorizer | string>(present.map((layer) => [layer, graphOf(withLayers(c.bundle, choice, [layer]))]));
      c.requests.forEach((generated, i) => {
        if (typeof readInputShape(generated) !== "string") return;
        const request = layeredRequest(generated as GeneratedRequest, choice.throughEndpoint[i] ?? false, dept);
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
    }), { numRuns: RUNS, seed: 12 });
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
  });

  it("empty_ceilings_change_nothing on the graph: allow-all ceilings decide as without them", () => {
    const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const endpoint = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    let compared = 0;
    fc.assert(fc.property(conformanceCaseArb({ requestsPerBundle: REQUESTS }), fc.boolean(), (c, through) => {
      const base = c.bundle as unknown as Record<string, Record<string, Record<string, unknown>>>;
      const principals = { ...base["principals"] };
      for (const arn of [ROLE_APP, USER_BOB]) principals[arn] = { ...(principals[arn] ?? {}), boundary: allowAll };
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
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)), seed: 13 });
    expect(compared).toBeGreaterThan(0);
  });
});
