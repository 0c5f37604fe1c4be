// The Cedar engine (DESIGN §2): `createCedarAuthorizer({ policies, schema, manifest })` preparses the
// policy set and the schema once, then each `decide(request)` encodes the request and asks cedar-wasm
// (`statefulIsAuthorized`). The deciding policy ids say ExplicitDeny (a `deny-*` forbid) from
// ImplicitDeny; a Cedar evaluation error is never turned into a decision (it would be fail-open).
import type { AuthorizationAnswer } from "@cedar-policy/cedar-wasm/nodejs";
import type { Decision, DecisionError, DecisionResult, Reason, Request } from "../contracts.js";
import type { CedarManifest, ManifestPolicy } from "./cedar-manifest.js";
import { MANIFEST_FORMAT, MANIFEST_VERSION } from "./cedar-manifest.js";
import { createEncoder, organizationAccounts } from "./encode-request.js";
import { cedarLimitProblems } from "./cedar-limits.js";
import { loadCedar } from "./load-cedar.js";
import type { CedarWasm } from "./load-cedar.js";
import { actionId, CedarType } from "./cedar-names.js";
import { splitPolicySet } from "./split-policy-set.js";
import { askCeilings, slicedCeilings, splitCeilings, wholeCeilings } from "./ceiling-sets.js";
import { preparedSets, preparseWhole } from "./prepared-sets.js";
import type { Prepared } from "./prepared-sets.js";
import { plainUid, reachedSlices, slicePolicySet } from "./slice-policy-set.js";
import type { EncodedRequest } from "./encode-request.js";
import { decideOperation } from "../decide-operation.js";
import { decideEach } from "../decide-many.js";
import type { Operation } from "../decide-operation.js";
import { onInput, printable } from "../request/read-shape.js";
import { RequestErrorCode } from "../request/request-errors.js";
import type { Explanation, ExplanationResult } from "../explain/explanation.js";
import { explainOperation } from "../explain/explain-operation.js";
import { createSeenReader } from "../explain/seen-values.js";
import type { CedarExplainIndex } from "./cedar-explain-index.js";
import { EXPLAIN_FORMAT, EXPLAIN_VERSION } from "./cedar-explain-index.js";
import { explainCedarDecision } from "./explain-cedar.js";

/** The Cedar output of the compiler, as `compile` writes it (texts, or the parsed schema/manifest). */
export interface CedarBundle {
  readonly policies: string;
  /** schema.cedarschema text or its JSON form. */
  readonly schema: string | object;
  /** manifest.json, parsed or as text. */
  readonly manifest: CedarManifest | string;
  /**
   * The explanation probes (`emitCedarProbes` of the compiler), parsed or as text: without them
   * `explain` gives the deciding policies only, and says so.
   */
  readonly explain?: CedarExplainIndex | string;
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
  decide(request: Request | CedarOperation | unknown): DecisionResult;
  /** Decides each of `requests` in order, as `decide` would (one result per entry, never thrown). */
  decideMany(requests: readonly (Request | CedarOperation | unknown)[]): DecisionResult[];
  /** Decides one request and returns Cedar's raw diagnostics too. Never throws. */
  authorize(request: Request | unknown): CedarAnswer;
  /** Decides and explains a request or an operation from Cedar's answers (docs/explain.md). Never throws. */
  explain(request: Request | CedarOperation | unknown): ExplanationResult;
}

/** How the authorizer hands the policy set to cedar-wasm. */
export interface CedarAuthorizerOptions {
  /**
   * `true`: decide each request by the slices of the policy set (and of the ceiling gates) that can apply to it
   * (slice-policy-set.ts); `false`: by the whole set (tests compare the two). Default: slices when the
   * set has more than SLICE_ABOVE policies (besides the ceiling gates), else the whole set.
   */
  readonly slicing?: boolean;
  /**
   * With slicing, how many (key, identity policies) combinations get one preparsed set of their own
   * (one cedar-wasm call per request); past that, a request is decided by two calls, the key's set
   * and the identity policies' set. Default 256. The bound is memory: on the layered organisation of
   * bench/org-bundle.ts a combined set (~15 policies) holds ~90 KB of cedar-wasm memory and takes ~3 ms to
   * preparse (issue 14, measured), so 256 sets are ~23 MB.
   */
  readonly combinedSets?: number;
}

/**
 * PERF (issue 14): up to this many policies the whole set decides every request. A slice set is
 * preparsed for each (key, identity policies) combination a request needs, at ~0.2 ms a policy, to
 * save ~15 µs a policy a call: it pays on an organisation's thousands of policies, not on a small
 * bundle, where the whole set decided the generated conformance requests twice as fast as the slices
 * (1.5 against 3.1 ms a decision, their preparsing included). Both are exact (slice-policy-set.ts).
 */
export const SLICE_ABOVE = 64;

/** Code of the error entry returned when Cedar itself fails (a bug: the compiler guarantees it cannot). */
export const CEDAR_FAILURE_CODE = RequestErrorCode.cedarFailure;

let nextSet = 0;

/** Loads the Cedar output; throws when it is not a policy set, schema and manifest this runtime reads. */
export function createCedarAuthorizer(bundle: CedarBundle, options: CedarAuthorizerOptions = {}): CedarAuthorizer {
  const cedar = loadCedar();
  const manifest: CedarManifest = typeof bundle.manifest === "string" ? (JSON.parse(bundle.manifest) as CedarManifest) : bundle.manifest;
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== MANIFEST_VERSION) {
    throw new Error(`cannot load Cedar manifest: expected ${MANIFEST_FORMAT} version ${MANIFEST_VERSION}`);
  }
  // Never hand cedar-wasm text it cannot take: a trap there would break every authorizer (cedar-limits.ts).
  const tooBig = [...cedarLimitProblems(bundle.policies), ...(typeof bundle.schema === "string" ? cedarLimitProblems(bundle.schema) : [])];
  if (tooBig.length > 0) throw new Error(`cannot load Cedar policies: ${tooBig.join("; ")}`);
  const split = splitPolicySet(cedar, bundle.policies);
  if ("error" in split) throw new Error(`cannot load Cedar policies: ${split.error}`);
  const setId = `kms-cedar-${++nextSet}`;
  const schema = cedar.preparseSchema(setId, bundle.schema as Parameters<typeof cedar.preparseSchema>[1]);
  if (schema.type !== "success") throw new Error(`cannot load Cedar schema: ${schema.errors.map((e) => e.message).join("; ")}`);
  const roles = new Map<string, ManifestPolicy>(manifest.policies.map((p) => [p.id, p]));
  const order = new Map(manifest.policies.map((p, i) => [p.id, i] as const));
  const encode = createEncoder(manifest);
  // docs/cedar-mapping.md "Layers": boundary and session-policy gates (`ceiling`) are a second set, asked
  // only when every satisfied permit is a capped path; the rest is the main set.
  const { main, ceilings } = splitCeilings(split.policies, roles);
  const slicing = options.slicing ?? Object.keys(main).length > SLICE_ABOVE;
  // With slicing, the ceiling gates are sliced too (ceiling-sets.ts).
  const ceilingsFor = ceilings === undefined ? undefined : (slicing ? slicedCeilings : wholeCeilings)(cedar, `${setId}-ceilings`, ceilings);
  const setsFor = slicing ? slicedSets(cedar, setId, main, options.combinedSets ?? 256) : wholeSet(cedar, setId, main);

  const authorize = (request: unknown): CedarAnswer => {
    const answers: AuthorizationAnswer[] = [];
    let encoded: EncodedRequest;
    try {
      // An input whose reading throws (a getter, a Proxy) is the encoder's KR0007, as decide() answers it.
      const read = encode(request);
      if ("error" in read) return { result: read, determining: [], errors: [] };
      encoded = read;
      const sets = setsFor(encoded);
      if (typeof sets === "string") return { result: failure([sets]), determining: [], errors: [sets] };
      for (const preparsedPolicySetId of sets) {
        // PERF (issue 14): the first call validates the request against the schema; a later call (another
        // slice) has the same request and schema, so it is not validated again. A failure ends the calls.
        const answer = cedar.statefulIsAuthorized({ ...encoded, preparsedPolicySetId, preparsedSchemaName: setId, validateRequest: answers.length === 0 });
        answers.push(answer);
        if (answer.type !== "success") break;
      }
    } catch (thrown) {
      // No exception from cedar-wasm (or the encoder) may leave decide(): it becomes an error entry, never a decision.
      const message = printable(thrown instanceof Error ? thrown.message : String(thrown));
      return { result: failure([message]), determining: [], errors: [message] };
    }
    // EXACT (slice-policy-set.ts): the slices are disjoint and hold every policy whose head can hold, so
    // the whole set's satisfied forbids are the union of the slices' (a slice that denies names its
    // satisfied forbids), its satisfied permits the union of the allowing slices', its errors the union.
    const forbids: string[] = [];
    const permits: string[] = [];
    const errors: string[] = [];
    for (const answer of answers) {
      if (answer.type !== "success") {
        const failed = answer.errors.map((e) => e.message);
        return { result: failure(failed), determining: [], errors: failed };
      }
      const { decision, diagnostics } = answer.response;
      (decision === "allow" ? permits : forbids).push(...diagnostics.reason);
      for (const e of diagnostics.errors) errors.push(`${e.policyId}: ${e.error.message}`);
    }
    const allowed = forbids.length === 0 && permits.length > 0;
    const determining = (allowed ? permits : forbids).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    // INVARIANT: the emitted set cannot error; if it did, a skipped forbid could mean a wrong Allow.
    if (errors.length > 0) return { result: failure(errors), determining, errors };
    // docs/semantics/README.md §1.2: KDfree needs no ceiling; every other path needs C = B ∧ S.
    if (allowed && ceilingsFor !== undefined && determining.every((id) => roles.get(id)?.capped === true)) {
      const closed = askCeilings(cedar, ceilingsFor, setId, encoded, order);
      if (typeof closed !== "boolean" && "errors" in closed) return { result: failure(closed.errors), determining, errors: closed.errors };
      if (closed !== false) {
        const gap = roles.get(closed.by)?.reason;
        return { result: { decision: "ImplicitDeny", reasons: gap === undefined ? [] : [gap] }, determining: [closed.by], errors };
      }
    }
    // A service caller on an IAM-only request (an alias, no specific resource) has no identity side: nothing could
    // allow it, so no layer is what closed it (the reference and the graph decide it before the layers).
    const noGap = plainUid(encoded.principal).type === CedarType.service && plainUid(encoded.resource).type !== CedarType.key;
    const retireGrant = (encoded.action as { readonly id?: string }).id === actionId("RetireGrant");
    return { result: toDecision(allowed, determining, roles, retireGrant, noGap), determining, errors };
  };

  // A request is read once by the encoder (its snapshot and shape check: onInput's readsOwnShape); an
  // explanation reads its request three times (authorize, the probes, the seen values), so it is handed
  // onInput's snapshot.
  const decide = (input: unknown): DecisionResult => onInput(input, (r) => authorize(r).result, (o) => decideOperation(o, (r) => authorize(r).result), true);
  // Explanations: the probe set is preparsed on first use, against the schema preparsed above.
  const index: CedarExplainIndex | undefined = typeof bundle.explain === "string" ? (JSON.parse(bundle.explain) as CedarExplainIndex) : bundle.explain;
  let probes: { ready: true } | { problem: string } | undefined;
  const probeSet = `${setId}-probes`;
  const prepareProbes = (): { ready: true } | { problem: string } => {
    if (index === undefined) return { problem: "no explanation probes were given" };
    if (index.format !== EXPLAIN_FORMAT || index.version !== EXPLAIN_VERSION) return { problem: `the probes are not ${EXPLAIN_FORMAT} version ${EXPLAIN_VERSION}` };
    try {
      const texts = index.policies === "" ? { policies: {} } : splitPolicySet(cedar, index.policies);
      if ("error" in texts) return { problem: `the probes do not parse: ${texts.error}` };
      const parsedProbes = cedar.preparsePolicySet(probeSet, { staticPolicies: texts.policies });
      if (parsedProbes.type !== "success") return { problem: `the probes do not parse: ${parsedProbes.errors.map((e) => e.message).join("; ")}` };
    } catch (thrown) {
      return { problem: printable(thrown instanceof Error ? thrown.message : String(thrown)) };
    }
    return { ready: true };
  };
  const conditionKeys = (index?.statements ?? []).flatMap((s) => s.tests.flatMap((t) => (t.test.kind === "condition" ? [t.test.key] : [])));
  const seenReader = createSeenReader(conditionKeys, manifest.identity.map((i) => i.principal), organizationAccounts(manifest));
  const explainOne = (request: Request): Explanation | DecisionError => {
    const answer = authorize(request);
    if ("error" in answer.result) return answer.result;
    probes ??= prepareProbes();
    let satisfied: Set<string> | undefined;
    let problem = "problem" in probes ? probes.problem : undefined;
    if (problem === undefined) {
      try {
        const encoded = encode(request);
        if ("error" in encoded) return encoded;
        const probed = cedar.statefulIsAuthorized({ ...encoded, preparsedPolicySetId: probeSet, preparsedSchemaName: setId, validateRequest: true });
        if (probed.type !== "success") problem = probed.errors.map((e) => e.message).join("; ");
        else if (probed.response.diagnostics.errors.length > 0) problem = probed.response.diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`).join("; ");
        else satisfied = new Set(probed.response.diagnostics.reason);
      } catch (thrown) {
        problem = printable(thrown instanceof Error ? thrown.message : String(thrown));
      }
    }
    return explainCedarDecision({
      request, decision: answer.result, rootDecided: answer.determining.some((id) => roles.get(id)?.role === "root"),
      satisfied, ...(problem !== undefined ? { probeProblem: `Cedar could not evaluate the probes: ${problem}` } : {}),
      statements: index?.statements ?? [], seen: seenReader(request),
    });
  };
  const explain = (input: unknown): ExplanationResult => onInput(input, explainOne, (o) => explainOperation(o, explainOne));
  return { decide, decideMany: (requests) => decideEach(requests, decide), authorize, explain };
}

/** The preparsed policy sets a request is decided by (ids), or why they cannot be had. */
type SetsFor = (encoded: EncodedRequest) => readonly string[] | string;

/** One preparsed set: every policy, for every request. */
function wholeSet(cedar: CedarWasm, setId: string, policies: Record<string, string>): SetsFor {
  const ids = [preparseWhole(cedar, setId, policies)];
  return () => ids;
}

/**
 * PERF: the sets a request needs, each preparsed on first use and kept: for the first `combined`
 * (key, identity policies) combinations one set with the common slice, the key's slice and the
 * identity policies' slices (one call); after that two sets, the common slice with the key's slice,
 * and the identity policies' slices. All are bounded by the bundle (its keys; its principals' lists
 * of attached policies) and `combined`.
 */
function slicedSets(cedar: CedarWasm, setId: string, policies: Record<string, string>, combined: number): SetsFor {
  const slices = slicePolicySet(policies);
  const sets = preparedSets(cedar, `${setId}-slice`, "policy slice");
  let combinations = 0;
  const result = (...ids: Prepared[]): readonly string[] | string => {
    for (const id of ids) if (typeof id !== "string") return id.failed;
    return ids as string[];
  };
  return (encoded) => {
    const resource = plainUid(encoded.resource);
    const key = resource.type === CedarType.key ? resource.id : undefined;
    const keySlice = key === undefined ? undefined : slices.byKey.get(key);
    const keyName = keySlice === undefined ? "common" : `key:${key!}`;
    const named = reachedSlices(encoded.principal, encoded.entities, slices.byPolicy);
    const keyParts = () => [slices.common, keySlice];
    if (named.length === 0) return result(sets.get(keyName, keyParts));
    const identityParts = () => named.map((p) => slices.byPolicy.get(p)!);
    // JSON of the key name and the sorted ids: a name no other combination can have.
    const both = JSON.stringify([keyName, named]);
    if (sets.has(both) || combinations < combined) {
      if (!sets.has(both)) combinations++;
      return result(sets.get(both, () => [...keyParts(), ...identityParts()]));
    }
    return result(sets.get(keyName, keyParts), sets.get(JSON.stringify(["policies", named]), identityParts));
  };
}

function toDecision(allowed: boolean, determining: readonly string[], roles: ReadonlyMap<string, ManifestPolicy>, retireGrant: boolean, noGap: boolean): Decision {
  const reasons = (role: string): Reason[] =>
    determining.flatMap((id) => {
      const p = roles.get(id);
      return p?.role === role && p.reason !== undefined ? [p.reason] : [];
    });
  if (allowed) return { decision: "Allow", reasons: [...reasons("allow"), ...reasons("grant")] };
  const denies = reasons("deny");
  if (denies.length > 0) return { decision: "ExplicitDeny", reasons: denies };
  // DEVIATION: §5.4 — RetireGrant is never allowed (no request can name its grant yet), so no layer is what
  // closed it: no reason, as in the reference and the graph.
  if (retireGrant || noGap) return { decision: "ImplicitDeny", reasons: [] };
  // docs/semantics/README.md §1.5: an SCP level or endpoint without an Allow names its layer (the first, in policy order).
  const gap = reasons("layer-gate")[0];
  return { decision: "ImplicitDeny", reasons: gap === undefined ? [] : [gap] };
}

function failure(errors: readonly string[]): DecisionError {
  return { error: { code: CEDAR_FAILURE_CODE, message: `cedar could not decide the request: ${errors.join("; ")}` } };
}
