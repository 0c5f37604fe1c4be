// The graph evaluator's public face: `createAuthorizer(graph)` compiles a decision graph once, then
// `decide(request)` reads the request as docs/request-model.md says and applies the KMS algebra.
// Callers, resources and action names are cached (bounded), so a repeated request allocates little.
import type { Decision, DecisionError, DecisionResult, Request } from "../contracts.js";
import type { Explanation, ExplanationResult } from "../explain/explanation.js";
import { explainOperation } from "../explain/explain-operation.js";
import { explainGraphDecision } from "./explain-graph.js";
import type { LoadedRequest } from "./explain-graph.js";
import type { DecisionGraph } from "../graph/graph-types.js";
import { readGraph } from "../graph/read-graph.js";
import { decideOperation } from "../decide-operation.js";
import { decideEach } from "../decide-many.js";
import type { Operation } from "../decide-operation.js";
import type { Derived } from "../request/derived-keys.js";
import { callerDerived, PRINCIPAL_ARN, resourceDerived, setsCallerAccount, uniqueRoles, usualGiven } from "../request/derived-keys.js";
import { parseCaller, roleKeyOf } from "../request/read-caller.js";
import { bareRoleCheck } from "../request/bare-role-caller.js";
import { graphPrincipalArns } from "../graph/graph-principal-arns.js";
import type { CallerInfo } from "../request/read-caller.js";
import { contextTypeError, fieldsTextError, fieldTypeError, isContextObject, onInput, ownContext, requestField } from "../request/read-shape.js";
import { parseTarget } from "../request/read-target.js";
import type { TargetInfo } from "../request/read-target.js";
import { engineFailure, RequestErrorCode, requestError } from "../request/request-errors.js";
import { compileGraph } from "./compile-graph.js";
import type { CompiledGraph } from "./compile-graph.js";
import { ContextReader } from "./context-reader.js";
import type { RequestDerived } from "./context-reader.js";
import { decideDenyOnly, decideIdentityOnly, decideKey, decideService, ReasonCollector } from "./decide-kms.js";
import type { Caller } from "./decide-kms.js";
import { EvalState } from "./eval-state.js";
import { compileLayers, type CallerLayers } from "./compile-layers.js";
import { decideLayered, ReasonCache, type LayeredCaller, type LayeredGraph, type LayeredRequest } from "./decide-layered.js";
import { requestEndpoint, type NetworkEntry } from "../request/request-endpoint.js";
import { ALL_KEYS_AWS_SETS, callerInOrganization, callerUserIdUnknown, isCreateGrant, keysAwsSetIndex, resourceInOrganization, type OrganizationAccounts } from "../request/unknown-keys.js";
import { StringCache } from "./string-cache.js";

export type { Operation } from "../decide-operation.js";

export interface Authorizer {
  /**
   * Decides one request or one operation; an error entry when it cannot be decided, never an Allow.
   * Decisions are frozen and may be shared between calls.
   */
  decide(request: Request | Operation | unknown): DecisionResult;
  /** Decides each of `requests` in order, as `decide` would (one result per entry, never thrown). */
  decideMany(requests: readonly (Request | Operation | unknown)[]): DecisionResult[];
  /**
   * Decides and explains one request or operation (docs/explain.md): the statements that decided,
   * and for an ImplicitDeny the Allow statements that came closest with the first test each failed.
   */
  explain(request: Request | Operation | unknown): ExplanationResult;
  readonly graph: DecisionGraph;
}

const CACHE_LIMIT = 4096;

/** Compiles a graph (object or JSON text) into an authorizer. Throws if it is not a valid graph. */
export function createAuthorizer(graph: DecisionGraph | string): Authorizer {
  const read = readGraph(graph);
  if ("error" in read) throw new Error(`cannot load decision graph: ${read.error}`);
  const cg = compileGraph(read.graph);
  const st = new EvalState(cg.slots.size, cg.nodeCount, cg.principalTests.length);
  const reader = new ContextReader(cg.slots);
  const out = new ReasonCollector(cg.table);
  const principals = new Map(Object.entries(read.graph.principals));
  const keys = new Map(Object.entries(read.graph.keys));
  // The layers of the authorization chain (docs/semantics/), when the bundle has them.
  const layers = read.graph.layers === undefined ? undefined : compileLayers(read.graph, read.graph.layers);
  const layered: LayeredGraph | undefined = layers === undefined ? undefined : {
    cg, st, layers, out, reasons: new ReasonCache(), operations: cg.actions.map((a) => a.name.slice(4)),
  };
  // Role policies by partition:account:name, in bundle order (a session finds its role whatever the path).
  const roles = new Map<string, number[]>();
  for (const [arn, list] of principals) {
    const key = roleKeyOf(arn);
    if (key !== undefined) roles.set(key, [...(roles.get(key) ?? []), ...list]);
  }
  // A session's aws:PrincipalArn is the bundle's one role of its name, if there is exactly one.
  const bundleRoles = uniqueRoles(principals.keys());
  const roleArnOf = (key: string): string | undefined => bundleRoles.get(key) ?? undefined;
  // KR0012: a role ARN as caller, against every principal the bundle names (request/bare-role-caller.ts).
  const bareRole = bareRoleCheck(graphPrincipalArns(read.graph));
  type CachedCaller = Caller & {
    readonly info?: CallerInfo; readonly derived: readonly Derived[]; readonly principalArn: string | undefined; readonly layers: CallerLayers | undefined;
    /** KR0012 for a bare role caller the bundle makes ambiguous, else undefined (decided once per caller). */
    readonly refusal: DecisionError | undefined;
  };
  // PERF: keyed by strings of the request (string-cache.ts: a new string is not hashed whole).
  // Bounds (each table grows with use): 2^14 callers keep 4,096 distinct sessions with few losses,
  // 2^13 resources an organisation's keys. Action names are short: a Map hashes them about as fast.
  const callers = new StringCache<CachedCaller | null>(14);
  const targets = new StringCache<CachedTarget | null>(13);
  const actions = new Map<string, number>();
  // PERF: a role session's identity policies and derived keys depend on its role alone (unless
  // policies are listed under the session ARN itself): every session of a role shares them, so
  // distinct sessions read the same arrays. Without layers (which read the session's ARN), a
  // session no policy names is even one caller object per role.
  const sessionParts = new Map<string, CallerParts>();
  const sessionCallers = new Map<string, CachedCaller>();
  // Whether the bundle lists policies under some session ARN (else a session's own need no lookup).
  const listsSessions = [...principals.keys()].some((arn) => parseCaller(arn)?.kind === "session");
  // PERF: account strings as one object each, so that `caller.account === target.account` compares pointers.
  const accounts = new Map<string, string>();
  // Whether AWS sets kms:CallerAccount for each action, on a key and on no specific resource.
  const callerAccountOnKey = cg.actions.map((a) => setsCallerAccount(a.name.toLowerCase(), "key"));
  const callerAccountOnNone = cg.actions.map((a) => setsCallerAccount(a.name.toLowerCase(), "none"));
  // PERF: one scratch record of the request's derived values, refilled per request.
  const derived: RequestDerived = { caller: [], resource: { kind: "free" }, setsCallerAccount: false, principalArn: undefined, unknownIfLeftOut: [] };
  // Deviation 49: the accounts of the bundle's organization (request/unknown-keys.ts); undefined without one.
  const organization: OrganizationAccounts | undefined = layers?.organization === undefined ? undefined
    : { members: layers.organization.accounts, management: layers.organization.management };
  // Deviation 50: whether each action is CreateGrant.
  const createGrant = cg.actions.map((a) => isCreateGrant(a.name.toLowerCase()));
  // PERF: each answer of `keysAwsSets` (request/unknown-keys.ts, by `keysAwsSetIndex`) cut to the keys the graph
  // reads (has a slot for), made once: a key no policy reads cannot matter, so a request does nothing for it.
  const readSets = ALL_KEYS_AWS_SETS.map((set) => set.filter((key) => cg.slots.has(key)));

  const accountOf = (account: string): string => {
    const kept = accounts.get(account);
    if (kept !== undefined) return kept;
    if (accounts.size >= CACHE_LIMIT) accounts.clear();
    accounts.set(account, account);
    return account;
  };
  const callerFor = (principal: string): CachedCaller | null => {
    let c = callers.get(principal);
    if (c === undefined) {
      const info = parseCaller(principal);
      c = info === undefined ? null : newCaller(info, principal);
      callers.set(principal, c);
    }
    return c;
  };
  const newCaller = (info: CallerInfo, principal: string): CachedCaller => {
    const anonymous = layers === undefined && info.kind === "session" && cg.principals.exactIdOf(info) < 0 && !(listsSessions && principals.has(principal));
    const shared = anonymous ? sessionCallers.get(info.roleKey) : undefined;
    if (shared !== undefined) return shared;
    const ids = cg.principals.idsOf(info);
    const parts = partsOf(info, principal);
    const caller: CachedCaller = {
      // A caller shared by the sessions of a role keeps no session's ARN.
      info: anonymous ? undefined : info,
      kind: info.kind, partition: info.partition, account: accountOf(info.account), identity: parts.identity, derived: parts.derived,
      principalArn: usualGiven(parts.derived[PRINCIPAL_ARN]!),
      exactId: ids.exactId, roleId: ids.roleId, accountId: ids.accountId, rootId: ids.rootId,
      layers: layers === undefined ? undefined : layers.callerLayers(info),
      // PERF: only a role caller is ever refused; a session or user is not looked up.
      refusal: info.kind === "role" ? bareRole(info) : undefined,
    };
    if (anonymous) {
      if (sessionCallers.size >= CACHE_LIMIT) sessionCallers.clear();
      sessionCallers.set(info.roleKey, caller);
    }
    return caller;
  };
  const partsOf = (info: CallerInfo, principal: string): CallerParts => {
    if (info.kind !== "session" || principals.has(principal)) {
      const by = layers === undefined ? undefined : layers.federatedByOf(info);
      // session-policy.md §2, permission-boundary.md §2: a federated user has its federating user's identity policies too.
      const own = identityOf(info.kind, principal, info.roleKey);
      return { identity: by === undefined ? own : [...own, ...(principals.get(by) ?? [])], derived: callerDerived(info, roleArnOf) };
    }
    let parts = sessionParts.get(info.roleKey);
    if (parts === undefined) {
      parts = { identity: identityOf(info.kind, principal, info.roleKey), derived: callerDerived(info, roleArnOf) };
      if (sessionParts.size >= CACHE_LIMIT) sessionParts.clear();
      sessionParts.set(info.roleKey, parts);
    }
    return parts;
  };
  // docs/request-model.md: root needs none (its identity side counts as allowed), a service has none;
  // a session has its role's policies, then those listed under the session ARN itself.
  const identityOf = (kind: string, arn: string, roleKey: string): number[] => {
    if (kind === "service" || kind === "root") return [];
    const own = principals.get(arn) ?? [];
    // DEVIATION: §5.7 — policies listed under a session ARN add to its role's; AWS session policies only narrow.
    return kind === "session" ? [...(roles.get(roleKey) ?? []), ...own] : [...own];
  };
  const targetFor = (resource: string): CachedTarget | null => {
    let t = targets.get(resource);
    if (t === undefined) {
      const parsed = parseTarget(resource);
      // PERF: the key's policy index is kept with the target (one map lookup per request, not two), and
      // the parsed resource's fields in the same object (one object less to read per request).
      const account = parsed === undefined ? "" : accountOf(parsed.account);
      t = parsed === undefined ? null : {
        kind: parsed.kind, arn: parsed.arn, partition: parsed.partition, account, name: parsed.name,
        derived: resourceDerived(parsed.kind, account), keyPolicy: parsed.kind === "key" ? keys.get(resource) : undefined,
      };
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

  // PERF: `load` writes the request it loaded into this one record (a new object per request was 80 of
  // the 136 bytes a seed decision allocated). INVARIANT: whoever gets it reads it at once (explainOne
  // keeps a copy). Once loaded, nothing reads the request again: `load` read each of its values once,
  // and the decision reads only what it read (the slots, the reader's network and grant entries).
  const loadedScratch: Writable<Loaded> = {
    principal: "", resource: "", caller: undefined as unknown as Caller, a: -1, keyPolicy: -1,
    target: undefined as unknown as TargetInfo, keyIndex: undefined, endpoint: undefined,
  };

  // PERF: the network keys as the reader found them in its one pass over the context. Made once: a
  // closure over the request, made per request, was ~90 of the ~920 bytes a layered decision allocated.
  const loadedNetworkEntry = (lowerName: string): NetworkEntry => reader.networkEntry(st, lowerName);

  // Reads a request whose members onInput checked (readsOwnShape) and loads it into the scratch state,
  // or returns its first error in the order of docs/request-model.md "Errors": the fields' types and
  // the context's shape (readRequestShape's checks, here each value read once), then the request's
  // own errors. PERF: the caller, action and resource are looked up before the context is read (its
  // loading needs them); an error they give waits for the context's shape errors, which come first.
  // PERF: the fields and the context are read as readRequestShape reads them, written out here: a
  // reader shared with it, filling a record, measured 5-9% slower on the seed bundle (in-process A/B).
  // The hostile-request tests hold the two readers to one answer (graph against Cedar, which reads
  // through readRequestShape).
  const load = (request: Request): Loaded | DecisionError => {
    const principal = requestField(request, 0);
    if (principal === undefined) return fieldTypeError(0);
    const action = requestField(request, 1);
    if (action === undefined) return fieldTypeError(1);
    const resource = requestField(request, 2);
    if (resource === undefined) return fieldTypeError(2);
    const context = ownContext(request);
    if (context !== undefined && !isContextObject(context)) return contextTypeError();
    const l = loadedScratch;
    const found = find(principal, action, resource, l);
    if (found === undefined) {
      st.begin(resource);
      // After begin(), which clears them: the request resource `*` is matched against the caller's account.
      st.callerPartition = l.caller.partition;
      st.callerAccount = l.caller.account;
    }
    const bad = reader.read(st, context, derived, found === undefined);
    if (bad !== undefined) return bad;
    const error = fieldsTextError(principal, action, resource) ?? reader.textError ?? found ?? reader.contradiction;
    if (error !== undefined) return error;
    // vpc-endpoint-policy.md §2: with `endpoints`, the endpoint named by aws:SourceVpce (KR0010, KR0011).
    const through = layers?.endpoints === undefined ? undefined : requestEndpoint(layers.endpoints, loadedNetworkEntry);
    if (through !== undefined && "error" in through) return through;
    l.principal = principal;
    l.resource = resource;
    l.endpoint = through?.endpoint;
    return l;
  };
  // The caller, action and resource of a request, written into `l` with the derived values, or the
  // first error they give (KR0001, KR0002, KR0003, KR0005, KR0004, KR0012).
  const find = (principal: string, action: string, resource: string, l: Writable<Loaded>): DecisionError | undefined => {
    const caller = callerFor(principal);
    if (caller === null) return requestError(RequestErrorCode.malformedPrincipal, "malformed principal", principal);
    const a = actionFor(action);
    if (a < 0) return requestError(RequestErrorCode.unknownAction, "unknown action", action);
    const found = targetFor(resource);
    if (found === null) return requestError(RequestErrorCode.malformedResource, "malformed resource", resource);
    const target: TargetInfo = found;
    const kind = cg.actions[a]!.target;
    const fits = target.kind === "key" ? kind !== "none" : target.kind === "alias" ? kind === "alias" : kind === "none";
    if (!fits) return requestError(RequestErrorCode.actionDoesNotFit, `action \`${action}\` does not fit resource`, resource);
    const keyPolicy = found.keyPolicy;
    if (target.kind === "key" && keyPolicy === undefined) return requestError(RequestErrorCode.unknownKey, "unknown key", resource);
    if (caller.refusal !== undefined) return caller.refusal;
    derived.caller = caller.derived;
    derived.principalArn = caller.principalArn;
    derived.resource = found.derived;
    derived.setsCallerAccount = (target.kind === "key" ? callerAccountOnKey : callerAccountOnNone)[a] === true && target.kind !== "alias";
    // Deviations 49, 50, 51: the keys AWS includes whose value the request alone gives (those a policy reads).
    derived.unknownIfLeftOut = readSets[keysAwsSetIndex(
      callerInOrganization(organization, caller),
      resourceInOrganization(organization, target.kind, target.account), createGrant[a] === true, callerUserIdUnknown(caller),
    )]!;
    l.caller = caller;
    l.a = a;
    // The key policy is consulted for a request on a key, for the actions a key policy can name.
    l.keyPolicy = target.kind === "key" && cg.actions[a]!.keyPolicy ? keyPolicy! : -1;
    l.target = target;
    // The key's policy found above is kept.
    l.keyIndex = keyPolicy;
    return undefined;
  };
  // PERF: the layered decision's request, one record refilled per request (a new one was ~56 bytes).
  // A decision that a getter re-entered while `load` read the request overwrote it; onInput then
  // refuses the outer decision (KR0007, read-shape.ts), whatever it computed.
  const layeredScratch: Writable<LayeredRequest> = { a: -1, target: undefined as unknown as TargetInfo, keyPolicy: undefined, endpoint: undefined, grantEntries: reader.grantEntries };
  const decideAny = (loaded: Loaded): Decision => {
    const { caller, a, target, keyIndex, endpoint } = loaded;
    if (layered !== undefined) {
      const r = layeredScratch;
      r.a = a;
      r.target = target;
      r.keyPolicy = keyIndex;
      r.endpoint = endpoint;
      return decideLayered(layered, caller as LayeredCaller, r);
    }
    return decideLoaded(cg, st, caller, a, target, keyIndex, out);
  };
  // After `load`, nothing reads the input (it read each value once, and grant matching reads the entries
  // it kept), so an exception there is the evaluator's own: KR0901, not the KR0007 onInput gives an
  // input whose reading threw.
  const decideOne = (request: Request): DecisionResult => {
    const loaded = load(request);
    if ("error" in loaded) return loaded;
    try {
      return decideAny(loaded);
    } catch (thrown) {
      return engineFailure(thrown);
    }
  };
  const explainOne = (request: Request): Explanation | DecisionError => {
    const loaded = load(request);
    if ("error" in loaded) return loaded;
    const own: Loaded = { ...loaded };
    try {
      return explainGraphDecision(cg, st, own, decideAny(own));
    } catch (thrown) {
      return engineFailure(thrown);
    }
  };

  // PERF: made once (a closure made per call was the other 56 bytes a seed decision allocated).
  const decideOp = (o: Operation): DecisionResult => decideOperation(o, decideOne);
  const explainOp = (o: Operation): ExplanationResult => explainOperation(o, explainOne);
  // `load` reads a request's fields and context itself (onInput's readsOwnShape).
  const decide = (input: unknown): DecisionResult => onInput(input, decideOne, decideOp, true);
  const explain = (input: unknown): ExplanationResult => onInput(input, explainOne, explainOp, true);
  return { decide, decideMany: (requests) => decideEach(requests, decide), explain, graph: read.graph };
}

/** A parsed resource, with the key's policy index for a key of the bundle. */
interface CachedTarget extends TargetInfo {
  readonly derived: Derived;
  readonly keyPolicy: number | undefined;
}

/** What a caller's identity policies and derived keys are (shared by the sessions of one role). */
interface CallerParts {
  readonly identity: readonly number[];
  readonly derived: readonly Derived[];
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A request read and loaded into the scratch state. */
interface Loaded extends LoadedRequest {
  readonly target: TargetInfo;
  /** The key's policy index for a request on a key (consulted or not), else undefined. */
  readonly keyIndex: number | undefined;
  readonly endpoint: LayeredRequest["endpoint"] | undefined;
}

function decideLoaded(
  cg: CompiledGraph, st: EvalState, caller: Caller, a: number, target: TargetInfo, keyPolicy: number | undefined, out: ReasonCollector,
): Decision {
  const account = caller.account;
  if (target.kind !== "key") {
    // Alias half or no specific resource: IAM only, never across accounts (spec §5.3, §5.5).
    return decideIdentityOnly(cg, st, caller, a, target.account === "" || target.account === account, out);
  }
  // AWS: §5.4, seed 004 — RetireGrant: "A policy alone cannot allow access to this operation".
  // DEVIATION: §5.4, §5.7 — grants are not modelled, so it is never allowed; Denies still apply.
  if (!cg.actions[a]!.policyAllows) return decideDenyOnly(cg, st, caller, a, cg.actions[a]!.keyPolicy ? keyPolicy! : -1, out);
  if (!cg.actions[a]!.keyPolicy) return decideIdentityOnly(cg, st, caller, a, true, out);
  if (caller.kind === "service") return decideService(cg, st, caller, a, keyPolicy!, out);
  return decideKey(cg, st, caller, a, keyPolicy!, account === target.account, out);
}

