// The Cedar engine (DESIGN §2): `createCedarAuthorizer({ policies, schema, manifest })` preparses the
// policy set and the schema once, then each `decide(request)` encodes the request and asks cedar-wasm
// (`statefulIsAuthorized`). The deciding policy ids say ExplicitDeny (a `deny-*` forbid) from
// ImplicitDeny; a Cedar evaluation error is never turned into a decision (it would be fail-open).
import type { AuthorizationAnswer } from "@cedar-policy/cedar-wasm/nodejs";
import type { Decision, DecisionError, DecisionResult, Reason, Request } from "../contracts.js";
import type { CedarManifest, ManifestPolicy } from "./cedar-manifest.js";
import { MANIFEST_FORMAT, MANIFEST_VERSION } from "./cedar-manifest.js";
import { createEncoder } from "./encode-request.js";
import { loadCedar } from "./load-cedar.js";
import { splitPolicySet } from "./split-policy-set.js";
import { decideOperation, isOperation } from "../decide-operation.js";
import { decideEach } from "../decide-many.js";
import type { Operation } from "../decide-operation.js";

/** The Cedar output of the compiler, as `compile` writes it (texts, or the parsed schema/manifest). */
export interface CedarBundle {
  readonly policies: string;
  /** schema.cedarschema text or its JSON form. */
  readonly schema: string | object;
  /** manifest.json, parsed or as text. */
  readonly manifest: CedarManifest | string;
}

/** An operation that needs several authorizations (spec §5.5): the worst of its checks. */
export type CedarOperation = Operation;

/** What Cedar said about one request, for tests and debugging. */
export interface CedarAnswer {
  readonly result: DecisionResult;
  /** The determining policy ids (satisfied permits on allow, satisfied forbids on deny). */
  readonly determining: readonly string[];
  /** Evaluation errors Cedar reported (must always be empty: `cedar_never_errors`). */
  readonly errors: readonly string[];
}

export interface CedarAuthorizer {
  /** Decides a request or an operation; an error entry when it cannot be decided, never an Allow. */
  decide(request: Request | CedarOperation): DecisionResult;
  /** Decides each of `requests` in order, as `decide` would (one result per entry, never thrown). */
  decideMany(requests: readonly (Request | CedarOperation)[]): DecisionResult[];
  /** Decides one request and returns Cedar's raw diagnostics too. */
  authorize(request: Request): CedarAnswer;
}

/** Code of the error entry returned when Cedar itself fails (a bug: the compiler guarantees it cannot). */
export const CEDAR_FAILURE_CODE = "KR0900";

let nextSet = 0;

/** Loads the Cedar output; throws when it is not a policy set, schema and manifest this runtime reads. */
export function createCedarAuthorizer(bundle: CedarBundle): CedarAuthorizer {
  const cedar = loadCedar();
  const manifest: CedarManifest = typeof bundle.manifest === "string" ? (JSON.parse(bundle.manifest) as CedarManifest) : bundle.manifest;
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== MANIFEST_VERSION) {
    throw new Error(`cannot load Cedar manifest: expected ${MANIFEST_FORMAT} version ${MANIFEST_VERSION}`);
  }
  const split = splitPolicySet(cedar, bundle.policies);
  if ("error" in split) throw new Error(`cannot load Cedar policies: ${split.error}`);
  const setId = `kms-cedar-${++nextSet}`;
  const parsed = cedar.preparsePolicySet(setId, { staticPolicies: split.policies });
  if (parsed.type !== "success") throw new Error(`cannot load Cedar policies: ${parsed.errors.map((e) => e.message).join("; ")}`);
  const schema = cedar.preparseSchema(setId, bundle.schema as Parameters<typeof cedar.preparseSchema>[1]);
  if (schema.type !== "success") throw new Error(`cannot load Cedar schema: ${schema.errors.map((e) => e.message).join("; ")}`);
  const roles = new Map<string, ManifestPolicy>(manifest.policies.map((p) => [p.id, p]));
  const order = new Map(manifest.policies.map((p, i) => [p.id, i] as const));
  const encode = createEncoder(manifest);

  const authorize = (request: Request): CedarAnswer => {
    const encoded = encode(request);
    if ("error" in encoded) return { result: encoded, determining: [], errors: [] };
    const answer: AuthorizationAnswer = cedar.statefulIsAuthorized({
      ...encoded,
      preparsedPolicySetId: setId,
      preparsedSchemaName: setId,
      validateRequest: true,
    });
    if (answer.type !== "success") {
      const errors = answer.errors.map((e) => e.message);
      return { result: failure(errors), determining: [], errors };
    }
    const { decision, diagnostics } = answer.response;
    const determining = [...diagnostics.reason].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const errors = diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`);
    // INVARIANT: the emitted set cannot error; if it did, a skipped forbid could mean a wrong Allow.
    if (errors.length > 0) return { result: failure(errors), determining, errors };
    return { result: toDecision(decision === "allow", determining, roles), determining, errors };
  };

  const decide = (input: Request | CedarOperation): DecisionResult => {
    if (isOperation(input)) return decideOperation(input, (r) => authorize(r).result);
    return authorize(input as Request).result;
  };
  return { decide, decideMany: (requests) => decideEach(requests, decide), authorize };
}

function toDecision(allowed: boolean, determining: readonly string[], roles: ReadonlyMap<string, ManifestPolicy>): Decision {
  const reasons = (role: string): Reason[] =>
    determining.flatMap((id) => {
      const p = roles.get(id);
      return p?.role === role && p.reason !== undefined ? [p.reason] : [];
    });
  if (allowed) return { decision: "Allow", reasons: reasons("allow") };
  const denies = reasons("deny");
  if (denies.length > 0) return { decision: "ExplicitDeny", reasons: denies };
  return { decision: "ImplicitDeny", reasons: [] };
}

function failure(errors: readonly string[]): DecisionError {
  return { error: { code: CEDAR_FAILURE_CODE, message: `cedar could not decide the request: ${errors.join("; ")}` } };
}
