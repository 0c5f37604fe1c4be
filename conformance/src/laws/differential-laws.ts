// The differential laws: on every request, the graph and Cedar engines give the reference
// evaluator's answer (three-valued decision, Deny statements, error code), and Cedar never errors
// where the reference decides (DESIGN §4: an erroring forbid is skipped, which fails open).
// Phase: conformance laws.
import { outcomeText, sameOutcome } from "../compare/outcome.js";
import { CEDAR_FAILURE_CODE } from "@kms-cedar/runtime";
import type { DifferentialLaw } from "./law-types.js";

export const graphAgreesWithReference: DifferentialLaw = {
  name: "graph_agrees_with_reference",
  sentence: "the decision graph decides every request exactly as the reference evaluator does",
  applies: (r) => r.reference !== undefined && r.graph !== undefined,
  check: (r) => (sameOutcome(r.reference!, r.graph!) ? undefined : `graph ${outcomeText(r.graph!)} ≠ reference ${outcomeText(r.reference!)}`),
};

export const cedarAgreesWithReference: DifferentialLaw = {
  name: "cedar_agrees_with_reference",
  sentence: "the compiled Cedar decides every request exactly as the reference evaluator does",
  applies: (r) => r.reference !== undefined && r.cedar !== undefined,
  check: (r) => (sameOutcome(r.reference!, r.cedar!) ? undefined : `cedar ${outcomeText(r.cedar!)} ≠ reference ${outcomeText(r.reference!)}`),
};

export const cedarNeverErrors: DifferentialLaw = {
  name: "cedar_never_errors",
  sentence: "Cedar never reports an evaluation error (the engine turns one into error KR0900, and the harness a throw into `throw`)",
  applies: (r) => r.cedar !== undefined,
  check: (r) => {
    const c = r.cedar!;
    if ("error" in c && (c.error.code === CEDAR_FAILURE_CODE || c.error.code === "throw")) return `cedar failed: ${c.error.code} ${c.error.message}`;
    return undefined;
  },
};

export const avpLocalAgreesWithReference: DifferentialLaw = {
  name: "avp_local_agrees_with_reference",
  engine: "avp-local",
  sentence: "the AVP profile (its store, request encoder and answer decoder), decided locally, decides every request exactly as the reference evaluator does",
  applies: (r) => r.reference !== undefined && r["avp-local"] !== undefined,
  check: (r) => (sameOutcome(r.reference!, r["avp-local"]!) ? undefined : `avp-local ${outcomeText(r["avp-local"]!)} ≠ reference ${outcomeText(r.reference!)}`),
};

export const DIFFERENTIAL_LAWS: readonly DifferentialLaw[] = [graphAgreesWithReference, cedarAgreesWithReference, cedarNeverErrors, avpLocalAgreesWithReference];
