// The graph evaluator's public face: `createAuthorizer(graph)` compiles a decision graph once, then
// `decide(request)` reads the request as docs/request-model.md says and applies the KMS algebra.
// Callers, resources and action names are cached (bounded), so a repeated request allocates little.
import type { Decision, DecisionResult, Request } from "../contracts.js";
import type { DecisionGraph } from "../graph/graph-types.js";
import { readGraph } from "../graph/read-graph.js";
import { decideOperation, isOperation } from "../decide-operation.js";
import { decideEach } from "../decide-many.js";
import type { Operation } from "../decide-operation.js";
import { parseCaller, roleKeyOf } from "./caller.js";
import { compileGraph } from "./compile-graph.js";
import type { CompiledGraph } from "./compile-graph.js";
import { ContextReader } from "./context-reader.js";
import { decideIdentityOnly, decideKey, decideService, ReasonCollector } from "./decide-kms.js";
import type { Caller } from "./decide-kms.js";
import { RequestErrorCode, requestError } from "./errors.js";
import { EvalState } from "./eval-state.js";
import { parseTarget } from "./target.js";
import type { TargetInfo } from "./target.js";

export type { Operation } from "../decide-operation.js";

export interface Authorizer {
  /**
   * Decides one request or one operation; an error entry when it cannot be decided, never an Allow.
   * Decisions are frozen and may be shared between calls.
   */
  decide(request: Request | Operation): DecisionResult;
  /** Decides each of `requests` in order, as `decide` would (one result per entry, never thrown). */
  decideMany(requests: readonly (Request | Operation)[]): DecisionResult[];
  readonly graph: DecisionGraph;
}

const CACHE_LIMIT = 4096;

/** Compiles a graph (object or JSON text) into an authorizer. Throws if it is not a valid graph. */
export function createAuthorizer(graph: DecisionGraph | string): Authorizer {
  const read = readGraph(graph);
  if ("error" in read) throw new Error(`cannot load decision graph: ${read.error}`);
  const cg = compileGraph(read.graph);
  const st = new EvalState(cg.slots.size, cg.nodeCount);
  const reader = new ContextReader(cg.slots);
  const out = new ReasonCollector();
  const principals = new Map(Object.entries(read.graph.principals));
  // Role policies by partition:account:name, in bundle order (a session finds its role whatever the path).
  const roles = new Map<string, number[]>();
  for (const [arn, list] of principals) {
    const key = roleKeyOf(arn);
    if (key !== undefined) roles.set(key, [...(roles.get(key) ?? []), ...list]);
  }
  const callers = new Map<string, Caller | null>();
  const targets = new Map<string, TargetInfo | null>();
  const actions = new Map<string, number>();

  const callerFor = (principal: string): Caller | null => {
    let c = callers.get(principal);
    if (c === undefined) {
      const info = parseCaller(principal);
      c = info === undefined ? null : { info, identity: identityOf(info.kind, principal, info.roleKey), bits: new Int8Array(cg.principalTests.length).fill(-1) };
      if (callers.size >= CACHE_LIMIT) callers.clear();
      callers.set(principal, c);
    }
    return c;
  };
  // docs/request-model.md: root needs none (its identity side counts as allowed), a service has none;
  // a session has its role's policies, then those listed under the session ARN itself.
  const identityOf = (kind: string, arn: string, roleKey: string): number[] => {
    if (kind === "service" || kind === "root") return [];
    const own = principals.get(arn) ?? [];
    // DEVIATION: §5.7 — policies listed under a session ARN add to its role's; AWS session policies only narrow.
    return kind === "session" ? [...(roles.get(roleKey) ?? []), ...own] : [...own];
  };
  const targetFor = (resource: string): TargetInfo | null => {
    let t = targets.get(resource);
    if (t === undefined) {
      t = parseTarget(resource) ?? null;
      if (targets.size >= CACHE_LIMIT) targets.clear();
      targets.set(resource, t);
    }
    return t;
  };
  const actionFor = (name: string): number => {
    let a = actions.get(name);
    if (a === undefined) {
      a = cg.actionIndex.get(name.toLowerCase()) ?? -1;
      if (actions.size >= CACHE_LIMIT) actions.clear();
      actions.set(name, a);
    }
    return a;
  };

  const decideOne = (request: Request): DecisionResult => {
    if (typeof request !== "object" || request === null) return malformed("the request is not an object");
    const { principal, action, resource } = request;
    if (typeof principal !== "string" || typeof action !== "string" || typeof resource !== "string") {
      return malformed("`principal`, `action` and `resource` must be strings");
    }
    st.begin(resource);
    const bad = reader.load(st, request.context);
    if (bad !== undefined) return bad;
    const caller = callerFor(principal);
    if (caller === null) return requestError(RequestErrorCode.malformedPrincipal, "malformed principal", principal);
    const a = actionFor(action);
    if (a < 0) return requestError(RequestErrorCode.unknownAction, "unknown action", action);
    const target = targetFor(resource);
    if (target === null) return requestError(RequestErrorCode.malformedResource, "malformed resource", resource);
    const kind = cg.actions[a]!.target;
    const fits = target.kind === "key" ? kind !== "none" : target.kind === "alias" ? kind === "alias" : kind === "none";
    if (!fits) return requestError(RequestErrorCode.actionDoesNotFit, `action \`${action}\` does not fit resource`, resource);
    const keyPolicy = target.kind === "key" ? read.graph.keys[resource] : undefined;
    if (target.kind === "key" && keyPolicy === undefined) return requestError(RequestErrorCode.unknownKey, "unknown key", resource);
    return decideLoaded(cg, st, caller, a, target, keyPolicy, out);
  };

  const decide = (input: Request | Operation): DecisionResult => {
    if (isOperation(input)) return decideOperation(input, decideOne);
    return decideOne(input as Request);
  };
  return { decide, decideMany: (requests) => decideEach(requests, decide), graph: read.graph };
}

function malformed(why: string): DecisionResult {
  return requestError(RequestErrorCode.malformedRequest, `malformed request: ${why}`);
}

function decideLoaded(
  cg: CompiledGraph, st: EvalState, caller: Caller, a: number, target: TargetInfo, keyPolicy: number | undefined, out: ReasonCollector,
): Decision {
  const account = caller.info.account;
  if (target.kind !== "key") {
    // Alias half or no specific resource: IAM only, never across accounts (spec §5.3, §5.5).
    return decideIdentityOnly(cg, st, caller, a, target.account === "" || target.account === account, out);
  }
  // DEVIATION: §5.4, §5.7 — grants are not modelled: RetireGrant is decided by identity policies alone.
  // RetireGrant: the key policy is not effective (spec §5.4); identity only, cross-account capable.
  if (!cg.actions[a]!.keyPolicy) return decideIdentityOnly(cg, st, caller, a, true, out);
  if (caller.info.kind === "service") return decideService(cg, st, caller, a, keyPolicy!, out);
  return decideKey(cg, st, caller, a, keyPolicy!, account === target.account, out);
}

