// Case batches with the layers of the authorization chain: a generated case (case-arbitrary.ts)
// given an organization, boundaries, session policies, an endpoint and a grant (layer-arbitraries.ts),
// its requests sent through the endpoint or not. Drawn in their own stream of a run, so the streams
// of the operator variants stay as they were. Phase: conformance generators.
import fc from "fast-check";
import { readInputShape } from "@kms-cedar/runtime";
import { conformanceCaseArb } from "./case-arbitrary.js";
import type { CaseOptions, ConformanceCase } from "./case-arbitrary.js";
import { aimedAtGrant, layerChoiceArb, layeredRequest, withLayers } from "./layer-arbitraries.js";
import type { PlainBundle } from "./bundle-arbitraries.js";
import type { GeneratedRequest } from "./request-arbitraries.js";

/** A generated case with layers added; malformed inputs (the hostile family) are kept as they are. */
export function layeredCaseArb(options: CaseOptions = {}): fc.Arbitrary<ConformanceCase> {
  const n = options.requestsPerBundle ?? 32;
  return conformanceCaseArb(options).chain((c) => fc.tuple(layerChoiceArb(n), fc.boolean()).map(([choice, dept]) => ({
    ...c,
    bundle: withLayers(c.bundle, choice) as unknown as PlainBundle,
    requests: c.requests.map((request, i) => {
      if (typeof readInputShape(request) !== "string") return request;
      const aim = choice.aimsAtGrant[i];
      const aimed = aim === undefined || choice.grant === undefined ? request as GeneratedRequest : aimedAtGrant(request as GeneratedRequest, choice.grant, aim);
      return layeredRequest(aimed, choice.throughEndpoint[i] ?? false, dept, choice.givesSourceVpc[i] ?? false, choice.listsKeys[i] ?? "as-generated", choice.givesOrgKeys[i] ?? false);
    }),
  })));
}
