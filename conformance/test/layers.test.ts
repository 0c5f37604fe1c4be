// The layers of the authorization chain, run by the reference evaluator alone (the graph and Cedar
// backends do not decide them yet: the compiler refuses such bundles, KC2960). Generated bundles
// (conformance's own arbitraries) get an organization, boundaries, session policies, an endpoint and
// a grant; the laws of issue 12 are checked on every request, and the decision mix per layer is
// printed and must show every layer deciding both ways:
//  - adding_a_ceiling_never_grants: removing one ceiling (SCP, RCP, boundary, session, endpoint) never
//    turns an Allow into a deny;
//  - a_grant_never_denies: removing the grant never turns a deny into an Allow, nor an Allow into an ExplicitDeny;
//  - empty_ceilings_change_nothing: allow-all SCPs, boundaries, session and endpoint policies (and no RCP) decide as without them.
import fc from "fast-check";
import { readInputShape, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { FEDERATED_FED, KEY_A1, ROLE_APP, SESSION_APP, USER_BOB } from "../src/arbitraries/fixtures.js";
import type { GeneratedRequest } from "../src/arbitraries/request-arbitraries.js";
import { LAYER_NAMES, layerChoiceArb, layeredRequest, layersOf, withLayers, type LayerName } from "../src/arbitraries/layer-arbitraries.js";

const REQUESTS = 12;
const RUNS = Number(process.env["KMS_CEDAR_LAYER_RUNS"] ?? 150);

type Mix = { cases: number; Allow: number; ExplicitDeny: number; ImplicitDeny: number; decidedAllow: number; decidedDeny: number };
const outcome = (r: DecisionResult): string => ("error" in r ? `error ${r.error.code}` : r.decision);
const isAllow = (r: DecisionResult): boolean => !("error" in r) && r.decision === "Allow";
const layerReasons = (r: DecisionResult, layer: LayerName): boolean =>
  !("error" in r) && r.reasons.some((reason) => (reason as { layer?: string }).layer === layer);

/** The request is on the grant's key (KEY_A1) for one of its operations. */
function grantConsidered(grant: Record<string, unknown> | undefined, request: unknown): boolean {
  if (grant === undefined || typeof request !== "object" || request === null || !("action" in request)) return false;
  const { action, resource } = request as { action: string; resource: string };
  return resource === KEY_A1 && (grant["operations"] as string[]).includes(action.replace(/^kms:/i, ""));
}

describe("the layers, decided by the reference evaluator", () => {
  it("keep the laws, and every layer decides both ways", () => {
    const mix = Object.fromEntries(LAYER_NAMES.map((l) => [l, { cases: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, decidedAllow: 0, decidedDeny: 0 }])) as Record<LayerName, Mix>;
    const arb = conformanceCaseArb({ requestsPerBundle: REQUESTS }).chain((c) => layerChoiceArb(REQUESTS).map((choice) => ({ c, choice })));
    fc.assert(fc.property(arb, fc.boolean(), ({ c, choice }, dept) => {
      const full = withLayers(c.bundle, choice);
      const present = layersOf(choice);
      c.requests.forEach((generated, i) => {
        // Malformed shapes (the hostile family) are request errors before any layer: left out here.
        if (typeof readInputShape(generated) !== "string") return;
        const request = layeredRequest(generated as GeneratedRequest, choice.throughEndpoint[i] ?? false, dept);
        const decided = evaluateReference(full as never, request);
        for (const layer of present) {
          const m = mix[layer];
          m.cases++;
          if (!("error" in decided)) m[decided.decision]++;
          // The layer decided: a deny naming it, or (grant) an Allow naming it; or (ceilings) an Allow it let through.
          if (layerReasons(decided, layer)) {
            if (isAllow(decided)) m.decidedAllow++;
            else m.decidedDeny++;
          } else if (layer !== "grant" && isAllow(decided)) {
            m.decidedAllow++;
          } else if (layer === "grant" && !isAllow(decided) && grantConsidered(choice.grant, request)) {
            // A grant never denies: its "deny side" is a request on its key for one of its operations that it does not allow.
            m.decidedDeny++;
          }
          const without = evaluateReference(withLayers(c.bundle, choice, [layer]) as never, request);
          if (layer === "grant") {
            // a_grant_never_denies
            if (isAllow(without)) expect(outcome(decided), JSON.stringify({ full, request })).toBe("Allow");
            if (!("error" in without) && without.decision === "ExplicitDeny") expect(outcome(decided)).toBe("ExplicitDeny");
          } else if (isAllow(decided)) {
            // adding_a_ceiling_never_grants
            expect(outcome(without), JSON.stringify({ layer, full, request })).toBe("Allow");
          }
        }
      });
    }), { numRuns: RUNS, seed: 12 });
    const table = LAYER_NAMES.map((l) => `${l.padEnd(9)} ${String(mix[l].cases).padStart(6)} ${String(mix[l].Allow).padStart(6)} ${String(mix[l].ExplicitDeny).padStart(6)} ${String(mix[l].ImplicitDeny).padStart(6)}   decided: ${mix[l].decidedAllow} allow, ${mix[l].decidedDeny} deny`);
    console.log(["layer      cases  Allow  EDeny  IDeny", ...table].join("\n"));
    for (const layer of LAYER_NAMES) {
      expect(mix[layer].decidedAllow, `${layer} lets some request through`).toBeGreaterThan(0);
      expect(mix[layer].decidedDeny, `${layer} denies some request`).toBeGreaterThan(0);
    }
  });

  it("empty_ceilings_change_nothing: allow-all ceilings decide as without them", () => {
    const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const endpoint = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    fc.assert(fc.property(conformanceCaseArb({ requestsPerBundle: REQUESTS }), fc.boolean(), (c, through) => {
      const base = c.bundle as unknown as Record<string, Record<string, Record<string, unknown>>>;
      const principals = { ...base["principals"] };
      for (const arn of [ROLE_APP, USER_BOB]) principals[arn] = { ...(principals[arn] ?? {}), boundary: allowAll };
      for (const arn of [SESSION_APP, FEDERATED_FED]) principals[arn] = { ...(principals[arn] ?? {}), sessionPolicies: [allowAll] };
      const ceilings = {
        ...base, principals,
        organization: { root: { scps: [allowAll], children: [{ ou: "ou-1", scps: [allowAll], children: [{ account: "111122223333", scps: [allowAll] }, { account: "444455556666" }] }] } },
        endpoints: { "vpce-0a1b2c3d": { policy: endpoint } },
      };
      for (const generated of c.requests.filter((r): r is GeneratedRequest => typeof readInputShape(r) === "string")) {
        const request = layeredRequest(generated, through, false);
        // Without `endpoints`, the base bundle does not check the network keys: compare requests without them only.
        const plain = layeredRequest(generated, false, false);
        const want = outcome(evaluateReference(c.bundle as never, through ? request : plain));
        expect(outcome(evaluateReference(ceilings as never, through ? request : plain)), JSON.stringify(request)).toBe(want);
      }
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)), seed: 13 });
  });
});
