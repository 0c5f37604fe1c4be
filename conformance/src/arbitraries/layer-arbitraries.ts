// Generators for the layers of the authorization chain (docs/request-model.md "Layers",
// docs/semantics/): an organization (SCPs and RCPs), permissions boundaries, session policies, a VPC
// endpoint policy and a grant, added to a generated bundle. Each layer is biased so that it decides a
// fair share of requests both ways: its documents allow or deny the hot actions the requests use.
// Only the reference evaluator decides these bundles so far (the compiler refuses them, KC2960).
// Phase: conformance generators. Written from docs/semantics/, not from the evaluator.
import fc from "fast-check";
import type { PlainBundle } from "./bundle-arbitraries.js";
import {
  ACCOUNT_A, ACCOUNT_B, FEDERATED_FED, HOT_ACTIONS, KEY_A1, ROLE_APP, ROLE_EXT, ROOT_A, SESSION_APP, SESSION_EXT, USER_BOB,
} from "./fixtures.js";
import type { Context, GeneratedRequest } from "./request-arbitraries.js";
import { CALLER_DERIVED_KEYS } from "./condition-keys.js";

const DERIVED: ReadonlySet<string> = new Set(CALLER_DERIVED_KEYS.map((k) => k.toLowerCase()));

/** The layers, as the JSON report names them. */
export const LAYER_NAMES = ["scp", "rcp", "boundary", "session", "endpoint", "grant"] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

type Doc = Record<string, unknown>;

/** The layer members of one generated bundle; each is absent or present. */
export interface LayerChoice {
  readonly organization?: Doc;
  /** Whether the organization has a customer RCP (the `rcp` layer). */
  readonly rcp: boolean;
  readonly boundaries?: Readonly<Record<string, Doc>>;
  readonly sessionPolicies?: readonly Doc[];
  readonly endpoint?: Doc;
  /** Whether the bundle gives the endpoint's VPC (`vpc`, ENDPOINT_VPC). */
  readonly endpointVpc: boolean;
  readonly grant?: Doc;
  /** Send a request through the endpoint (`aws:SourceVpce`), by request index. */
  readonly throughEndpoint: readonly boolean[];
  /** Whether a request through the endpoint gives `aws:SourceVpc` (ENDPOINT_VPC), by request index. */
  readonly givesSourceVpc: readonly boolean[];
  /** What a request's `kms:EncryptionContextKeys` lists (ListedKeys), by request index. */
  readonly listsKeys: readonly ListedKeys[];
  /**
   * By request index: undefined, or the request is re-aimed at the grant (`aimedAtGrant`) and this picks
   * which of its operations.
   */
  readonly aimsAtGrant: readonly (number | undefined)[];
  /**
   * Whether a request gives the organization keys (`aws:PrincipalOrgID` o-gen, the paths,
   * `aws:ResourceOrgID`) where it leaves them out, by request index; left out, a member's are unknown
   * (deviation 49).
   */
  readonly givesOrgKeys: readonly boolean[];
}

/**
 * What `layeredRequest` makes a request's `kms:EncryptionContextKeys` list, which a grant's encryption-context
 * constraint reads with the pairs (grants.md §2, deviation 47: read as given): `as-generated` leaves the
 * request's own; `pairs` the keys of its pairs; `beyond` those and a key it gives no pair for; `short` only
 * a key it gives no pair for (its pairs' keys left out); `dept` its pairs' keys and `Dept`, the key the
 * generated grant constrains, whether or not it gives that pair.
 */
export type ListedKeys = "as-generated" | "pairs" | "beyond" | "short" | "dept";

const ENDPOINT_ID = "vpce-0a1b2c3d";
/** The VPC of the generated endpoint: what a request through it gives as `aws:SourceVpc`. */
export const ENDPOINT_VPC = "vpc-1234abcd";
const MANAGEMENT = "999999999999";
/** The generated organization's id: what a request of a member gives as `aws:PrincipalOrgID` (`givesOrgId`). */
const ORG_ID = "o-gen";
/** The organization keys a member's request gives (`layeredRequest`'s `orgKeys`). */
const ORG_KEY_VALUES: readonly (readonly [string, string | string[]])[] = [
  ["aws:PrincipalOrgID", ORG_ID], ["aws:PrincipalOrgPaths", [`${ORG_ID}/r-gen/ou-gen/`]],
  ["aws:ResourceOrgID", ORG_ID], ["aws:ResourceOrgPaths", [`${ORG_ID}/r-gen/`]],
];

function document(...statements: Doc[]): Doc {
  return { Version: "2012-10-17", Statement: statements };
}

const actionSubset = fc.subarray([...HOT_ACTIONS], { minLength: 1, maxLength: 6 });

/** An identity-kind ceiling document: allow all, allow some, allow all but deny some, allow some and deny some. */
const ceilingDocArb: fc.Arbitrary<Doc> = fc.oneof(
  fc.constant(document({ Effect: "Allow", Action: "*", Resource: "*" })),
  actionSubset.map((actions) => document({ Effect: "Allow", Action: actions, Resource: "*" })),
  actionSubset.map((actions) => document({ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", Action: actions, Resource: "*" })),
  fc.tuple(actionSubset, actionSubset).map(([allow, deny]) =>
    document({ Effect: "Allow", Action: allow, Resource: "*" }, { Effect: "Deny", Action: deny, Resource: "*" })),
);

/** The same, for a resource-based policy (endpoint): `Principal: "*"` on every statement. */
const endpointDocArb: fc.Arbitrary<Doc> = ceilingDocArb.map((d) => ({
  ...d, Statement: (d["Statement"] as Doc[]).map((s) => ({ ...s, Principal: "*" })),
}));

/**
 * A customer RCP: Deny some actions to everyone, maybe only outside account A, or only outside the
 * organization (the perimeter of docs/semantics/rcp.md §6, on `aws:PrincipalOrgID`: a member caller that
 * leaves it out has it unknown, deviation 49) (docs/semantics/rcp.md §3).
 */
const rcpDocArb: fc.Arbitrary<Doc> = fc.tuple(actionSubset, fc.constantFrom("all", "outside-a", "outside-org")).map(([actions, scope]) => document({
  Effect: "Deny", Principal: "*", Action: actions, Resource: "*",
  ...(scope === "outside-a" ? { Condition: { StringNotEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT_A } } } : {}),
  ...(scope === "outside-org" ? { Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORG_ID } } } : {}),
}));

/**
 * An SCP that denies some actions to callers under `ou-gen`, or on resources under it (deviation 49: a
 * member's paths, left out, are unknown, so the Deny applies; absent, it would not).
 */
const ouDenyScpArb: fc.Arbitrary<Doc> = fc.tuple(actionSubset, fc.constantFrom("aws:PrincipalOrgPaths", "aws:ResourceOrgPaths")).map(([actions, key]) => document(
  { Effect: "Allow", Action: "*", Resource: "*" },
  { Effect: "Deny", Action: actions, Resource: "*", Condition: { "ForAnyValue:StringLike": { [key]: "*/ou-gen/*" } } },
));

/** root → ou-1 → account A; account B inside the organization, outside it, or its management account. */
const organizationArb = (rcp: boolean): fc.Arbitrary<Doc> => fc.record({
  rootScps: fc.option(fc.array(fc.oneof({ weight: 3, arbitrary: ceilingDocArb }, { weight: 1, arbitrary: ouDenyScpArb }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  ouScps: fc.option(fc.array(ceilingDocArb, { minLength: 0, maxLength: 2 }), { nil: undefined }),
  accountScps: fc.option(fc.array(ceilingDocArb, { minLength: 1, maxLength: 1 }), { nil: undefined }),
  b: fc.constantFrom("member", "outside", "management"),
  rcps: rcp ? fc.array(rcpDocArb, { minLength: 1, maxLength: 2 }) : fc.constant([] as Doc[]),
}).map(({ rootScps, ouScps, accountScps, b, rcps }) => ({
  managementAccount: b === "management" ? ACCOUNT_B : MANAGEMENT,
  root: {
    id: "r-gen",
    ...(rootScps === undefined ? {} : { scps: rootScps }),
    ...(rcps.length === 0 ? {} : { rcps }),
    children: [
      { ou: "ou-gen", ...(ouScps === undefined ? {} : { scps: ouScps }), children: [{ account: ACCOUNT_A, ...(accountScps === undefined ? {} : { scps: accountScps }) }] },
      ...(b === "outside" ? [] : [{ account: ACCOUNT_B }]),
    ],
  },
}));

/** Grant operations the hot actions hit (docs/semantics/grants.md §2). */
const GRANT_OPERATIONS = ["Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateGrant", "ReEncryptFrom", "Sign", "RetireGrant"];

const grantArb: fc.Arbitrary<Doc> = fc.record({
  // Biased to the callers and actions generated requests use most, so that the grant often allows.
  grantee: fc.constantFrom(ROLE_APP, ROLE_APP, ROLE_APP, USER_BOB, ROLE_EXT, ROOT_A, FEDERATED_FED),
  operations: fc.subarray(GRANT_OPERATIONS, { minLength: 2, maxLength: 6 }),
  constraint: fc.constantFrom("none", "none", "subset", "equals", "equals"),
}).map(({ grantee, operations, constraint }) => ({
  name: "g-gen", granteePrincipal: grantee, operations,
  ...(constraint === "subset" ? { constraints: { encryptionContextSubset: { Dept: "IT" } } }
    : constraint === "equals" ? { constraints: { encryptionContextEquals: { Dept: "IT" } } } : {}),
}));

/** A third of the requests of a bundle with a grant are re-aimed at it. */
const aimArb: fc.Arbitrary<number | undefined> = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(63) });

/** About half the requests keep their own `kms:EncryptionContextKeys` (or none). */
const listedKeysArb: fc.Arbitrary<ListedKeys> = fc.constantFrom("as-generated", "as-generated", "as-generated", "as-generated", "pairs", "beyond", "short", "dept");

/** Which layers a bundle gets (each about half the time) and their members. */
export function layerChoiceArb(requests: number): fc.Arbitrary<LayerChoice> {
  return fc.record({
    scp: fc.boolean(), rcp: fc.boolean(), boundary: fc.boolean(), session: fc.boolean(), endpoint: fc.boolean(), grant: fc.boolean(),
  }).chain((on) => fc.record({
    organization: on.scp || on.rcp ? organizationArb(on.rcp).map((o) => on.scp ? o : withoutScps(o)) : fc.constant(undefined),
    boundaries: on.boundary
      ? fc.record({ app: ceilingDocArb, bob: fc.option(ceilingDocArb, { nil: undefined }) })
        .map(({ app, bob }) => ({ [ROLE_APP]: app, ...(bob === undefined ? {} : { [USER_BOB]: bob }) }))
      : fc.constant(undefined),
    sessionPolicies: on.session ? fc.array(ceilingDocArb, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
    endpoint: on.endpoint ? endpointDocArb : fc.constant(undefined),
    grant: on.grant ? grantArb : fc.constant(undefined),
    endpointVpc: fc.boolean(),
    throughEndpoint: fc.array(fc.boolean(), { minLength: requests, maxLength: requests }),
    givesSourceVpc: fc.array(fc.boolean(), { minLength: requests, maxLength: requests }),
    listsKeys: fc.array(listedKeysArb, { minLength: requests, maxLength: requests }),
    aimsAtGrant: fc.array(on.grant ? aimArb : fc.constant(undefined), { minLength: requests, maxLength: requests }),
    givesOrgKeys: fc.array(fc.boolean(), { minLength: requests, maxLength: requests }),
  }).map((members) => strip({ ...members, rcp: on.rcp })));
}

function withoutScps(organization: Doc): Doc {
  const drop = (node: Doc): Doc => {
    const { scps: _scps, children, ...rest } = node as { scps?: unknown; children?: Doc[] };
    return children === undefined ? rest : { ...rest, children: children.map(drop) };
  };
  return { ...organization, root: drop(organization["root"] as Doc) };
}

function strip(choice: LayerChoice & Record<string, unknown>): LayerChoice {
  return Object.fromEntries(Object.entries(choice).filter(([, v]) => v !== undefined)) as unknown as LayerChoice;
}

/** The layers present in a choice. */
export function layersOf(choice: LayerChoice): LayerName[] {
  const scp = choice.organization !== undefined && JSON.stringify(choice.organization).includes("\"scps\"");
  return LAYER_NAMES.filter((layer) => ({
    scp, rcp: choice.rcp, boundary: choice.boundaries !== undefined, session: choice.sessionPolicies !== undefined,
    endpoint: choice.endpoint !== undefined, grant: choice.grant !== undefined,
  })[layer]);
}

/** `bundle` with the members of `choice`, leaving out the layers in `without`. */
export function withLayers(bundle: PlainBundle, choice: LayerChoice, without: readonly LayerName[] = []): Record<string, unknown> {
  const keep = (layer: LayerName): boolean => !without.includes(layer);
  const principals: Record<string, Doc> = Object.create(null) as Record<string, Doc>;
  for (const arn of Object.keys(bundle.principals)) principals[arn] = { ...bundle.principals[arn] };
  if (choice.boundaries !== undefined && keep("boundary")) {
    for (const [arn, boundary] of Object.entries(choice.boundaries)) principals[arn] = { ...(principals[arn] ?? {}), boundary };
  }
  if (choice.sessionPolicies !== undefined && keep("session")) {
    principals[SESSION_APP] = { ...(principals[SESSION_APP] ?? {}), sessionPolicies: choice.sessionPolicies };
  }
  const keys: Record<string, Doc> = Object.create(null) as Record<string, Doc>;
  for (const arn of Object.keys(bundle.keys)) keys[arn] = { ...bundle.keys[arn] };
  if (choice.grant !== undefined && keep("grant") && keys[KEY_A1] !== undefined) keys[KEY_A1] = { ...keys[KEY_A1], grants: [choice.grant] };
  let organization = choice.organization;
  if (organization !== undefined && !keep("scp")) organization = withoutScps(organization);
  if (organization !== undefined && !keep("rcp")) organization = withoutRcps(organization);
  return {
    keys, principals,
    ...(organization === undefined ? {} : { organization }),
    ...(choice.endpoint === undefined || !keep("endpoint") ? {} : {
      endpoints: { [ENDPOINT_ID]: { policy: choice.endpoint, ...(choice.endpointVpc ? { vpc: ENDPOINT_VPC } : {}) } },
    }),
  };
}

function withoutRcps(organization: Doc): Doc {
  const { rcps: _rcps, ...root } = organization["root"] as Doc;
  return { ...organization, root };
}

const NETWORK_KEYS = ["aws:sourceip", "aws:sourcevpc", "aws:vpcsourceip", "aws:sourcevpce"];

/**
 * The request as sent through the endpoint when `through` (docs/semantics/vpc-endpoint-policy.md §2:
 * `aws:SourceVpce` set, `aws:SourceIp` left out, `aws:VpcSourceIp` kept when the request has it, and
 * `aws:SourceVpc` given when `sourceVpc`; a key of the endpoint path left out is unknown), and with the
 * context keys the layers' documents look at: an organization id, and the encryption context a grant
 * constrains (its pairs, and the keys `kms:EncryptionContextKeys` lists: `listed`), and (`orgKeys`) the
 * organization keys. Not through the endpoint, the keys of its path are left out.
 */
export function layeredRequest(request: GeneratedRequest, through: boolean, dept: boolean, sourceVpc = false, listed: ListedKeys = "as-generated", orgKeys = false): GeneratedRequest {
  const adjust = (context: Context): Context => {
    const out: Context = Object.create(null) as Context;
    for (const [name, value] of Object.entries(context)) {
      const lower = name.toLowerCase();
      if (!NETWORK_KEYS.includes(lower) || (through && lower === "aws:vpcsourceip")) out[name] = value;
    }
    if (through) {
      out["aws:SourceVpce"] = ENDPOINT_ID;
      if (sourceVpc) out["aws:SourceVpc"] = ENDPOINT_VPC;
    } else if (Object.prototype.hasOwnProperty.call(context, "aws:SourceIp")) out["aws:SourceIp"] = context["aws:SourceIp"];
    if (dept && !Object.keys(out).some((k) => k.toLowerCase() === "kms:encryptioncontext:dept")) out["kms:EncryptionContext:Dept"] = "IT";
    // Deviation 49: the organization keys as a member's request builder gives them (the caller's account
    // may be outside the organization: then they are wrong, and read as given all the same).
    if (orgKeys) {
      for (const [key, value] of ORG_KEY_VALUES) {
        // Left out is no entry or one empty list (spec §3.2); two case variants stay (ambiguous either way).
        const names = Object.keys(out).filter((k) => k.toLowerCase() === key.toLowerCase());
        const only = names.length === 1 ? out[names[0]!] : undefined;
        if (names.length === 1 && !(Array.isArray(only) && only.length === 0)) continue;
        if (names.length > 1) continue;
        for (const name of names) delete out[name];
        out[key] = value;
      }
    }
    return listed === "as-generated" ? out : withListedKeys(out, listed);
  };
  if ("checks" in request) return { ...request, checks: request.checks.map((c) => ({ ...c, context: adjust(c.context) })) };
  return { ...request, context: adjust(request.context) };
}

/** `context` whose `kms:EncryptionContextKeys` (its own, in any letter case, dropped) lists what `listed` says. */
function withListedKeys(context: Context, listed: Exclude<ListedKeys, "as-generated">): Context {
  const out: Context = Object.create(null) as Context;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(context)) {
    const lower = name.toLowerCase();
    if (lower === "kms:encryptioncontextkeys") continue;
    out[name] = value;
    // An empty list is no pair (docs/request-model.md, deviation 23).
    if (lower.startsWith("kms:encryptioncontext:") && (typeof value === "string" || (Array.isArray(value) && value.length > 0))) pairs.push(name.slice("kms:encryptioncontext:".length));
  }
  out["kms:EncryptionContextKeys"] = listed === "pairs" ? pairs : listed === "beyond" ? [...pairs, "Other"] : listed === "short" ? ["Other"] : [...pairs, "Dept"];
  return out;
}

/** The caller a grantee stands for in a request: a session of a role grantee, else the grantee itself. */
const GRANTEE_CALLERS: Readonly<Record<string, string>> = { [ROLE_APP]: SESSION_APP, [ROLE_EXT]: SESSION_EXT };

/**
 * `request` (one check; an operation is left as it is) re-aimed at `grant`: by its grantee (a session of a
 * role grantee), for operation `pick` of its operations, on KEY_A1 (the key that holds it), the context's
 * other entries kept but the keys derived from the caller left out (the engines derive them; a leftover
 * of the old caller would be a request error). So that the grant, not only the key policy, decides. Half
 * the time (`pick` < 32) the encryption context is exactly the pairs the grant's constraint names, so
 * that what `kms:EncryptionContextKeys` lists decides it (`layeredRequest`).
 */
export function aimedAtGrant(request: GeneratedRequest, grant: Doc, pick: number): GeneratedRequest {
  if ("checks" in request) return request;
  const grantee = grant["granteePrincipal"] as string;
  const operations = grant["operations"] as readonly string[];
  const constraints = grant["constraints"] as Doc | undefined;
  const wanted = (constraints?.["encryptionContextEquals"] ?? constraints?.["encryptionContextSubset"]) as Record<string, string> | undefined;
  const exact = wanted !== undefined && pick < 32;
  const context: Context = Object.create(null) as Context;
  for (const [name, value] of Object.entries(request.context)) {
    const lower = name.toLowerCase();
    if (DERIVED.has(lower) || (exact && lower.startsWith("kms:encryptioncontext:"))) continue;
    context[name] = value;
  }
  if (exact) for (const [key, value] of Object.entries(wanted)) context[`kms:EncryptionContext:${key}`] = value;
  return { ...request, principal: GRANTEE_CALLERS[grantee] ?? grantee, action: `kms:${operations[pick % operations.length]!}`, resource: KEY_A1, context };
}
