// The CI conformance budget (`npx vitest run conformance/`): one fixed seed per base operator and
// many small bundles, so a bug that needs one policy value is reached by many bundles instead of a
// few large ones. Shared by conformance.test.ts and the mutation check, which must run exactly what
// CI runs. Environment overrides: FC_SEED, CONFORMANCE_CASES, CONFORMANCE_REQUESTS_PER_BUNDLE,
// CONFORMANCE_LAYER_CASES.
import type { EngineName } from "../engines/engine-types.js";

export interface CiBudget {
  /** Seed of the first operator; operator i uses seed + i. */
  readonly seed: number;
  /** Requests per base operator (split evenly over its variants). */
  readonly casesPerOperator: number;
  readonly requestsPerBundle: number;
  /** Metamorphic laws on one bundle in `lawEvery`. */
  readonly lawEvery: number;
  readonly lawEngines: readonly EngineName[];
  /** Cedar on one bundle in `cedarEvery` (emitting Cedar is most of a bundle's cost). */
  readonly cedarEvery: number;
  /** Requests decided on a bundle Cedar runs on (more than on the others: its bundle is already paid for). */
  readonly cedarRequests: number;
  /** Requests of the stream of bundles with layers (issue 12), decided after the operators, with seed `seed + LAYER_SEED_OFFSET`. */
  readonly layerCases: number;
}

/** The layered stream's seed is the budget's plus this (the operators take seed … seed + 26). */
export const LAYER_SEED_OFFSET = 100;

const env = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v === "" ? undefined : Number(v);
};

/** The budget CI runs (overridable through the environment). */
export function ciBudget(): CiBudget {
  return {
    seed: env("FC_SEED") ?? 20261123,
    casesPerOperator: env("CONFORMANCE_CASES") ?? 120,
    requestsPerBundle: env("CONFORMANCE_REQUESTS_PER_BUNDLE") ?? 6,
    cedarEvery: env("CONFORMANCE_CEDAR_EVERY") ?? 3,
    cedarRequests: env("CONFORMANCE_CEDAR_REQUESTS") ?? 28,
    lawEvery: env("CONFORMANCE_LAWS_EVERY") ?? 2,
    lawEngines: ["reference", "graph"],
    layerCases: env("CONFORMANCE_LAYER_CASES") ?? 480,
  };
}
