// Inputs that are not requests (DESIGN §2: shapes are strict; a string that is not well-formed Unicode
// is a request error): a generated request or operation rewritten by one mutation, each of which makes
// it malformed, and hostile values fed straight to `decide()`. Every engine must answer each with a
// request error: never a decision, never a throw. Phase: conformance generators.
import fc from "fast-check";
import { PROTOTYPE_NAMES } from "./condition-keys.js";
import type { Check, GeneratedRequest, OperationRequest } from "./request-arbitraries.js";

type Json = Record<string, unknown>;

/** A string with a lone surrogate (high, low, or reversed pair). */
const LONE_SURROGATES = ["\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uDC00\uD800"] as const;

/** A plain copy of a request (own properties only; `__proto__` kept as an own member). */
function copy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Sets `key` as an own data member even when it is `__proto__`. */
function setOwn(target: Json, key: string, value: unknown): Json {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const isOperation = (r: GeneratedRequest): r is OperationRequest => "checks" in r;

/** The first check of a request or operation (a malformed shape is written on a check). */
const firstCheck = (r: GeneratedRequest): Check => (isOperation(r) ? r.checks[0]! : r);

/** Puts a lone surrogate into one string of the request: principal, action, resource, a context key or value. */
function withLoneSurrogate(r: GeneratedRequest, n: number): unknown {
  const out = copy(r) as GeneratedRequest;
  const c = firstCheck(out) as unknown as Json;
  const s = LONE_SURROGATES[n % LONE_SURROGATES.length]!;
  const where = Math.floor(n / LONE_SURROGATES.length) % 6;
  const context = (c["context"] ?? {}) as Json;
  const keys = Object.keys(context);
  if (where === 0) c["principal"] = `${String(c["principal"])}${s}`;
  else if (where === 1) c["action"] = `${String(c["action"]).slice(0, 5)}${s}${String(c["action"]).slice(5)}`;
  else if (where === 2) c["resource"] = `${String(c["resource"])}${s}`;
  else if (where === 3 || keys.length === 0) c["context"] = setOwn({ ...context }, `aws:PrincipalTag/t${s}`, "red");
  else {
    const k = keys[n % keys.length]!;
    const v = context[k];
    setOwn(context, k, Array.isArray(v) ? [...v, `x${s}`] : `${typeof v === "string" ? v : ""}${s}`);
    c["context"] = context;
  }
  return out;
}

/** One mutation: a name (for reports) and what it does to a generated request. */
export interface Mutation {
  readonly name: string;
  apply(r: GeneratedRequest, other: GeneratedRequest, n: number): unknown;
}

/** DESIGN §2: every mutation below makes the input a request error. */
export const MALFORMED_MUTATIONS: readonly Mutation[] = [
  { name: "stray member", apply: (r, _o, n) => setOwn(copy(r) as Json, ["extra", "Principal", ...PROTOTYPE_NAMES][n % 5]!, n % 2 === 0 ? "x" : { a: 1 }) },
  { name: "stray member on a check", apply: (r, _o, n) => {
    const out = copy(r) as GeneratedRequest;
    setOwn(firstCheck(out) as unknown as Json, ["sessionContext", "Action", "__proto__"][n % 3]!, "x");
    return out;
  } },
  { name: "principal not a string", apply: (r, _o, n) => ({ ...copy(firstCheck(r)) as Json, principal: [5, null, ["arn:aws:iam::111122223333:root"], { AWS: "x" }, true][n % 5] }) },
  { name: "action not a string", apply: (r, _o, n) => ({ ...copy(firstCheck(r)) as Json, action: [7, null, ["kms:Decrypt"], {}][n % 4] }) },
  { name: "resource not a string", apply: (r, _o, n) => ({ ...copy(firstCheck(r)) as Json, resource: [0, null, ["*"], {}][n % 4] }) },
  { name: "context not an object", apply: (r, _o, n) => ({ ...copy(firstCheck(r)) as Json, context: ["x", 5, [], [["a", "b"]]][n % 4] }) },
  { name: "member missing", apply: (r, _o, n) => {
    const out = copy(firstCheck(r)) as Json;
    delete out[["principal", "action", "resource"][n % 3]!];
    return out;
  } },
  // The audit's wrong Allow: a denied request carrying an allowed one under `checks`.
  { name: "request with checks", apply: (r, o) => ({ ...copy(firstCheck(r)) as Json, checks: [copy(firstCheck(o))] }) },
  { name: "checks without operation", apply: (r, o) => ({ checks: [copy(firstCheck(r)), copy(firstCheck(o))] }) },
  { name: "operation not a string", apply: (r, _o, n) => ({ operation: [5, null, ["kms:ReEncrypt"], {}, true][n % 5], checks: [copy(firstCheck(r))] }) },
  { name: "operation with request members", apply: (r, o) => ({ ...copy(firstCheck(o)) as Json, operation: "kms:ReEncrypt", checks: [copy(firstCheck(r))] }) },
  { name: "operation with no checks", apply: (_r, _o, n) => ({ operation: "kms:ReEncrypt", checks: [[], null, "x", {}][n % 4] }) },
  { name: "operation with a malformed check", apply: (r, _o, n) => {
    const out = copy(isOperation(r) ? r : { operation: "kms:ReEncrypt", checks: [r, r] }) as OperationRequest;
    const i = n % out.checks.length;
    (out.checks as unknown[])[i] = [null, "x", 5, { ...out.checks[i], extra: 1 }][n % 4];
    return out;
  } },
  { name: "not well-formed Unicode", apply: (r, _o, n) => withLoneSurrogate(r, n) },
  { name: "not an object", apply: (r, _o, n) => [null, undefined, 5, "kms:Decrypt", true, [copy(r)], []][n % 7] },
];

/** A generated request turned malformed by one mutation, with the mutation's name. */
export interface MalformedRequest {
  readonly mutation: string;
  readonly request: unknown;
}

/** A malformed request made from `base` (and `other` for hybrids). */
export function malformedRequestArb(base: fc.Arbitrary<GeneratedRequest>): fc.Arbitrary<MalformedRequest> {
  return fc.record({ r: base, o: base, which: fc.nat(MALFORMED_MUTATIONS.length - 1), n: fc.nat(1000) })
    .map(({ r, o, which, n }) => {
      const m = MALFORMED_MUTATIONS[which]!;
      return { mutation: m.name, request: m.apply(r, o, n) };
    });
}

/** Mutates `request` deterministically with mutation `i` (for laws that rewrite a case's requests). */
export function mutateRequest(request: GeneratedRequest, other: GeneratedRequest, i: number, n: number): MalformedRequest {
  const m = MALFORMED_MUTATIONS[i % MALFORMED_MUTATIONS.length]!;
  return { mutation: m.name, request: m.apply(request, other, n) };
}

/** Hostile values fed straight to `decide()`: not requests at all, or requests with values JSON cannot carry. */
export function hostileValues(sample: GeneratedRequest): readonly unknown[] {
  const c = copy(firstCheck(sample)) as Json;
  const nullProto = Object.assign(Object.create(null) as Json, c, { extra: 1 });
  return [
    undefined, null, 0, Number.NaN, "", "{}", true, [], {}, Symbol("request"), 10n, () => c, new Date(0), new Map(Object.entries(c)),
    nullProto, { ...c, context: { "aws:SourceIp": 10n } }, { ...c, context: { "aws:SourceIp": Number.POSITIVE_INFINITY } },
    { ...c, context: setOwn({}, "__proto__", { "aws:PrincipalTag/team": "red" }) }, { ...c, context: { "aws:PrincipalTag/team": [["red"]] } },
    { ...c, principal: `${String(c["principal"])}\uD800` }, { ...c, resource: "\uDFFF" }, { operation: "kms:ReEncrypt", checks: [c, 5] },
    { operation: "kms:ReEncrypt\uD800", checks: [c] }, { ...c, context: { "aws:SourceIp": Symbol("ip") } },
  ];
}
