// The request-error registry (docs/request-model.md "Errors"): every code a request can get instead
// of a decision, shared by the graph and Cedar engines, the CLI and the playground. The reference
// evaluator writes the same codes on its own (it shares no code). Codes are never reused.
import type { DecisionError } from "../contracts.js";

/** One registry entry: a stable code, a slug, and what the user should do about it. */
export interface RequestErrorInfo {
  readonly code: string;
  readonly slug: string;
  readonly help: string;
}

/** The request-error codes shared by every engine. */
export const RequestErrorCode = {
  malformedPrincipal: "KR0001",
  unknownAction: "KR0002",
  malformedResource: "KR0003",
  unknownKey: "KR0004",
  actionDoesNotFit: "KR0005",
  badContextValue: "KR0006",
  malformedRequest: "KR0007",
  notWellFormedUnicode: "KR0008",
  contradictsCaller: "KR0009",
  unknownEndpoint: "KR0010",
  inconsistentNetworkKeys: "KR0011",
  ambiguousRoleCaller: "KR0012",
  unreadableBundle: "KR0013",
  cedarFailure: "KR0900",
  engineFailure: "KR0901",
} as const;

/** Every request-error code with its slug and help, in code order. */
export const REQUEST_ERRORS: readonly RequestErrorInfo[] = [
  { code: "KR0001", slug: "malformed-principal", help: "a principal is an IAM root/user/role ARN, an STS assumed-role or federated-user ARN, or `SERVICE.amazonaws.com`" },
  { code: "KR0002", slug: "unknown-action", help: "the action must be `kms:` and a KMS action name (spec §5.4)" },
  { code: "KR0003", slug: "malformed-resource", help: "a resource is a KMS key ARN, a KMS alias ARN, `arn:P:kms:R:A:*` or `*`" },
  { code: "KR0004", slug: "unknown-key", help: "the key ARN must be one of the bundle's `keys` (exact string)" },
  { code: "KR0005", slug: "action-does-not-fit-resource", help: "alias ARNs go with the alias actions, `*` with the IAM-only actions, key ARNs with the rest" },
  { code: "KR0006", slug: "bad-context-value", help: "a context value is a string or an array of strings" },
  { code: "KR0007", slug: "malformed-request", help: "a request has exactly `principal`, `action`, `resource` (strings) and an optional `context` object; an operation has exactly `operation` (a string) and `checks` (a non-empty array of requests)" },
  { code: "KR0008", slug: "not-well-formed-unicode", help: "every string of a request (names, context keys and values, operation name) must be well-formed Unicode: no lone surrogate" },
  { code: "KR0009", slug: "contradicts-caller", help: "keys AWS sets from the caller (aws:PrincipalArn, aws:PrincipalAccount, kms:CallerAccount, aws:username, …) are derived from `principal`; leave them out of `context` or give the same value" },
  { code: "KR0010", slug: "unknown-endpoint", help: "the bundle has `endpoints` and the request's `aws:SourceVpce` names none of them; add the endpoint and its policy to the bundle" },
  { code: "KR0011", slug: "inconsistent-network-keys", help: "with `endpoints` in the bundle: `aws:SourceVpce` has one value; `aws:SourceIp` is absent on the endpoint path; `aws:SourceVpc` and `aws:VpcSourceIp` only with `aws:SourceVpce`; `aws:SourceVpc` is the endpoint's `vpc`" },
  { code: "KR0012", slug: "ambiguous-role-caller", help: "a role ARN as principal stands for an unnamed session of the role; when the bundle names a session of that role, or the role under another path, give the session ARN (or the role's ARN as the bundle writes it)" },
  { code: "KR0013", slug: "unreadable-bundle", help: "only the reference evaluator reads a bundle as it decides: the bundle object given to `evaluateReference` must read as JSON would (no getter or Proxy that throws or calls the engine, no array or text beyond the 64 MiB a bundle file may hold, no nesting deeper than 128 levels or cycle); `compileBundle` refuses such an object too (KC2915, KC1002, KC1003)" },
  { code: "KR0900", slug: "cedar-failure", help: "cedar-wasm could not decide the request; this is a bug, please report it" },
  { code: "KR0901", slug: "engine-failure", help: "the graph engine failed while deciding a request it had read whole; this is a bug, please report it" },
];

/** Builds an error entry; `subject` (user input) is quoted in backticks. */
export function requestError(code: string, message: string, subject?: string): DecisionError {
  const text = subject === undefined ? message : `${message} \`${subject}\``;
  return { error: { code, message: text } };
}

/**
 * The error of an input whose reading threw (a getter or a Proxy built in code): no exception may leave
 * decide() or explain() (DESIGN §2), and such an input is never decided.
 */
export function unreadableInput(): DecisionError {
  return requestError(RequestErrorCode.malformedRequest, "malformed request: reading it threw an exception");
}

/**
 * The error of a request the graph engine read whole and then failed to decide (an exception in the
 * evaluator: a bug of ours, never the input's). It is never a decision, and never "malformed request",
 * which would send the user looking for a fault in a request that has none.
 */
export function engineFailure(thrown: unknown): DecisionError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return requestError(RequestErrorCode.engineFailure, `the engine failed: ${message.slice(0, 200)}`);
}

/**
 * The error of an input whose reading ran another decision (a getter or a Proxy calling decide()): the
 * state the outer decision was reading into was overwritten, so it is never decided (read-shape.ts `onInput`).
 */
export function reenteredInput(): DecisionError {
  return requestError(RequestErrorCode.malformedRequest, "malformed request: reading it ran another decision (a getter or a Proxy called the engine)");
}
