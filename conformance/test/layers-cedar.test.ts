// The layers of the authorization chain decided by Cedar (docs/cedar-mapping.md "Layers") against the
// reference evaluator (the oracle): examples/organization/tests.json, then every generated layered case.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { compileBundle } from "@kms-cedar/compiler";
import { decisionsAgree } from "@kms-cedar/compiler/api";
import { createCedarAuthorizer, readInputShape, type CedarAuthorizer, type DecisionResult } from "@kms-cedar/runtime";
import { evaluateReference } from "@kms-cedar/runtime/reference";
import { describe, expect, it } from "vitest";
import { conformanceCaseArb } from "../src/arbitraries/case-arbitrary.js";
import { FEDERATED_FED, ROLE_APP, SESSION_APP, USER_BOB } from "../src/arbitraries/fixtures.js";
import type { GeneratedRequest } from "../src/arbitraries/request-arbitraries.js";
import { LAYER_NAMES, layerChoiceArb, layeredRequest, layersOf, withLayers, type LayerName } from "../src/arbitraries/layer-arbitraries.js";

const here = dirname(fileURLToPath(import.meta.url));
const example = resolve(here, "../../examples/organization");

describe("examples/organization on Cedar", () => {
  it("decides every request of tests.json as expected", { timeout: 120_000 }, () => {
    const compiled = compileBundle(join(example, "bundle.json"));
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cedar = createCedarAuthorizer(compiled.cedar!);
    const tests = JSON.parse(readFileSync(join(example, "tests.json"), "utf8")) as { description: string; expect: string; principal: string; action: string; resource: string; context?: Record<string, unknown> }[];
    const got = tests.map(({ description, expect: _e, ...request }) => {
      const r = cedar.decide(request);
      return `${description}: ${"error" in r ? r.error.code : r.decision}`;
    });
    const want = tests.map((t) => `${t.description}: ${typeof t.expect === "string" ? t.expect : JSON.stringify(t.expect)}`);
    expect(got).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------------------------
// Generated layered cases: every request decided by the reference and by Cedar; any divergence fails.

const REQUESTS = 12;
// Each case compiles its bundle once, and once more per layer for the laws (~0.3 s each on an idle core).
const RUNS = Number(process.env["KMS_CEDAR_LAYER_CEDAR_RUNS"] ?? 16);

type Mix = { cases: number; Allow: number; ExplicitDeny: number; ImplicitDeny: number; divergences: number };
const outcome = (r: DecisionResult): string => ("error" in r ? `error ${r.error.code}` : r.decision);
const isAllow = (r: DecisionResult): boolean => !("error" in r) && r.decision === "Allow";

/** Cedar for a bundle object: the authorizer, or the compile errors (a layered bundle must compile). */
function cedarFor(bundle: unknown): CedarAuthorizer {
  const compiled = compileBundle(bundle as never);
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || compiled.cedar === undefined) throw new Error(`does not compile: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return createCedarAuthorizer(compiled.cedar);
}

describe("the layers, decided by Cedar and by the reference", () => {
  it("agree on every generated case; the laws hold for Cedar; every layer decides both ways", () => {
    const mix = Object.fromEntries(LAYER_NAMES.map((l) => [l, { cases: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, divergences: 0 }])) as Record<LayerName, Mix>;
    const divergences: string[] = [];
    let cases = 0;
    const arb = conformanceCaseArb({ requestsPerBundle: REQUESTS }).chain((c) => layerChoiceArb(REQUESTS).map((choice) => ({ c, choice })));
    fc.assert(fc.property(arb, fc.boolean(), ({ c, choice }, dept) => {
      const full = withLayers(c.bundle, choice);
      const present = layersOf(choice);
      const cedar = cedarFor(full);
      const without = new Map<LayerName, CedarAuthorizer>();
      const cedarWithout = (layer: LayerName): CedarAuthorizer => {
        let found = without.get(layer);
        if (found === undefined) without.set(layer, (found = cedarFor(withLayers(c.bundle, choice, [layer]))));
        return found;
      };
      c.requests.forEach((generated, i) => {
        if (typeof readInputShape(generated) !== "string") return;
        const request = layeredRequest(generated as GeneratedRequest, choice.throughEndpoint[i] ?? false, dept);
        const want = evaluateReference(full as never, request);
        const got = cedar.decide(request);
        const agree = decisionsAgree(want, got);
        cases++;
        if (!agree) divergences.push(JSON.stringify({ full, request, reference: want, cedar: got }));
        for (const layer of present) {
          const m = mix[layer];
          m.cases++;
          if (!("error" in got)) m[got.decision]++;
          if (!agree) m.divergences++;
          // The three laws, on Cedar's own answers.
          const less = cedarWithout(layer).decide(request);
          if (layer === "grant") {
            // a_grant_never_denies
            if (isAllow(less)) expect(outcome(got), JSON.stringify({ full, request })).toBe("Allow");
            if (!("error" in less) && less.decision === "ExplicitDeny") expect(outcome(got)).toBe("ExplicitDeny");
          } else if (isAllow(got)) {
            // adding_a_ceiling_never_grants
            expect(outcome(less), JSON.stringify({ layer, full, request })).toBe("Allow");
          }
        }
      });
    }), { numRuns: RUNS, seed: 12 });
    const table = LAYER_NAMES.map((l) => `${l.padEnd(9)} ${String(mix[l].cases).padStart(6)} ${String(mix[l].Allow).padStart(6)} ${String(mix[l].ExplicitDeny).padStart(6)} ${String(mix[l].ImplicitDeny).padStart(6)} ${String(mix[l].divergences).padStart(6)}`);
    console.log([`Cedar vs reference, ${cases} requests`, "layer      cases  Allow  EDeny  IDeny  diverg", ...table].join("\n"));
    expect(divergences.slice(0, 3)).toEqual([]);
    for (const layer of LAYER_NAMES) {
      expect(mix[layer].Allow, `${layer}: some Allow`).toBeGreaterThan(0);
      expect(mix[layer].ExplicitDeny + mix[layer].ImplicitDeny, `${layer}: some deny`).toBeGreaterThan(0);
    }
  }, 900_000);

  it("empty_ceilings_change_nothing on Cedar: allow-all ceilings decide as without them", () => {
    const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const endpoint = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    fc.assert(fc.property(conformanceCaseArb({ requestsPerBundle: REQUESTS }), fc.boolean(), (c, through) => {
      const base = c.bundle as unknown as Record<string, Record<string, Record<string, unknown>>>;
      const principals = { ...base["principals"] };
      for (const arn of [ROLE_APP, USER_BOB]) principals[arn] = { ...(principals[arn] ?? {}), boundary: allowAll };
      // A session lists `policies` or `sessionPolicies`, not both (KC2938): only those without policies get some.
      for (const arn of [SESSION_APP, FEDERATED_FED]) {
        if ((principals[arn] as Record<string, unknown> | undefined)?.["policies"] === undefined) principals[arn] = { ...(principals[arn] ?? {}), sessionPolicies: [allowAll] };
      }
      const ceilings = {
        ...base, principals,
        organization: { root: { scps: [allowAll], children: [{ ou: "ou-1", scps: [allowAll], children: [{ account: "111122223333", scps: [allowAll] }, { account: "444455556666" }] }] } },
        endpoints: { "vpce-0a1b2c3d": { policy: endpoint } },
      };
      const plain = cedarFor(c.bundle);
      const layered = cedarFor(ceilings);
      for (const generated of c.requests.filter((r): r is GeneratedRequest => typeof readInputShape(r) === "string")) {
        const request = layeredRequest(generated, through, false);
        const bare = layeredRequest(generated, false, false);
        expect(outcome(layered.decide(through ? request : bare)), JSON.stringify(request)).toBe(outcome(plain.decide(bare)));
      }
    }), { numRuns: Math.max(8, Math.floor(RUNS / 3)), seed: 13 });
  }, 900_000);
});
