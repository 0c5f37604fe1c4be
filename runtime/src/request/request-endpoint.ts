// The VPC endpoint a request goes through (docs/semantics/vpc-endpoint-policy.md §2, docs/request-model.md
// "Layers"): with `endpoints` in the bundle, `aws:SourceVpce` names one of them (else KR0010) and the
// network keys must be consistent (else KR0011). The one home of this rule: the graph hands it the
// entries its context reader kept in its one pass (`networkEntry`), the Cedar encoder its context index.
// `contextEntry` says what such a lookup finds in a raw context (the reader's tests check it against that).
// Context keys are found ignoring letter case; two entries that differ only in case are ambiguous; an
// empty array is an absent key (spec §3.2, A18).
import type { DecisionError, Request } from "../contracts.js";
import { RequestErrorCode, requestError } from "./request-errors.js";

/** What a network key finds in the request. */
export type NetworkEntry = { readonly kind: "absent" } | { readonly kind: "ambiguous" } | { readonly kind: "present"; readonly values: readonly string[] };

const ABSENT: NetworkEntry = { kind: "absent" };
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const AMBIGUOUS: NetworkEntry = { kind: "ambiguous" };

/**
 * The entry of `lowerName` (lower-case ASCII) in a raw context. PERF: only names of the same length are
 * lower-cased. That is exact: `toLowerCase` never shortens a string, and the one mapping that lengthens
 * one (U+0130 → "i̇") yields a non-ASCII character, so a name whose lower case is an ASCII name has its length.
 */
export function contextEntry(context: Request["context"], lowerName: string): NetworkEntry {
  if (context === undefined) return ABSENT;
  let found: string | readonly string[] | undefined;
  let count = 0;
  // PERF: for-in over own names (no array made per call; the same names, in the same order, as Object.keys).
  for (const name in context) {
    if (name.length !== lowerName.length || !hasOwn(context, name) || name.toLowerCase() !== lowerName) continue;
    count++;
    found = context[name];
  }
  return networkEntry(count, found);
}

/**
 * The lower-cased names `requestEndpoint` reads: an engine that reads the context in one pass may
 * keep these entries as it goes (`networkEntry`) instead of searching the context for each.
 */
export const NETWORK_KEYS: readonly string[] = ["aws:sourcevpce", "aws:sourcevpc", "aws:vpcsourceip", "aws:sourceip"];

/** What a key finds from the `count` context entries naming it (any letter case), `found` the last one's value. */
export function networkEntry(count: number, found: string | readonly string[] | undefined): NetworkEntry {
  if (count === 0 || found === undefined) return ABSENT;
  if (count > 1) return AMBIGUOUS;
  if (typeof found === "string") return { kind: "present", values: [found] };
  const values = [...new Set(found)];
  return values.length === 0 ? ABSENT : { kind: "present", values };
}

/**
 * The endpoint of the request, undefined when it goes through none (no `aws:SourceVpce`), or the
 * request error. `endpoints` is the bundle's (by id); `entry(lowerName)` reads the request's context
 * (PERF: it may be made once per engine: nothing here makes a function per call).
 */
export function requestEndpoint<E extends { readonly vpc?: string | undefined }>(
  endpoints: ReadonlyMap<string, E>, entry: (lowerName: string) => NetworkEntry,
): { readonly endpoint: E } | DecisionError | undefined {
  const vpce = entry("aws:sourcevpce");
  if (vpce.kind === "absent") {
    if (entry("aws:sourcevpc").kind !== "absent") return inconsistent("`aws:SourceVpc` without `aws:SourceVpce`");
    if (entry("aws:vpcsourceip").kind !== "absent") return inconsistent("`aws:VpcSourceIp` without `aws:SourceVpce`");
    return undefined;
  }
  if (vpce.kind === "ambiguous" || vpce.values.length !== 1) return inconsistent("`aws:SourceVpce` must have one value");
  if (entry("aws:sourceip").kind !== "absent") return inconsistent("`aws:SourceIp` is absent on requests through a VPC endpoint");
  const id = vpce.values[0]!;
  const endpoint = endpoints.get(id);
  if (endpoint === undefined) return requestError(RequestErrorCode.unknownEndpoint, "unknown endpoint", id);
  if (endpoint.vpc !== undefined) {
    const vpc = entry("aws:sourcevpc");
    if (vpc.kind === "ambiguous" || (vpc.kind === "present" && (vpc.values.length !== 1 || vpc.values[0] !== endpoint.vpc))) {
      return inconsistent(`\`aws:SourceVpc\` is not the VPC of \`${id}\``);
    }
  }
  return { endpoint };
}

/**
 * The keys AWS includes in the context of a request through a VPC endpoint, with values only the caller
 * knows: the VPC that hosts the endpoint, and the caller's address in it (docs/semantics/vpc-endpoint-policy.md
 * §2). A request that says it went through an endpoint (`aws:SourceVpce`) and leaves one out does not
 * say that the key is absent: AWS only says when the key may be included ("only if the requester uses a VPC
 * endpoint"), not that it may then be left out. Our rule: its value is unknown, so every condition on it is
 * decided by the fail-closed rule (as for an ambiguous key, A18), never as an absent key (which would make
 * `…IfExists`, `Null`, `ForAllValues` and negated operators hold in an Allow).
 */
const ENDPOINT_PATH_KEYS: readonly string[] = ["aws:sourcevpc", "aws:vpcsourceip"];

const NO_KEYS: readonly string[] = [];

/**
 * The ENDPOINT_PATH_KEYS whose value a request leaves unknown: those its context leaves out when it gives
 * `aws:SourceVpce` (in any form but an absent key). `entry(lowerName)` reads the request's context as
 * `requestEndpoint`'s does. An engine reads these as ambiguous, after `requestEndpoint`'s checks (which
 * see them absent). PERF: a request not through an endpoint costs one lookup and allocates nothing.
 */
export function unknownEndpointPathKeys(entry: (lowerName: string) => NetworkEntry): readonly string[] {
  if (entry("aws:sourcevpce").kind === "absent") return NO_KEYS;
  return ENDPOINT_PATH_KEYS.filter((key) => entry(key).kind === "absent");
}

/** KR0011. PERF: module-level; as a closure made per call it cost ~270 bytes (a named function, under tsx's keepNames). */
function inconsistent(why: string): DecisionError {
  return requestError(RequestErrorCode.inconsistentNetworkKeys, `inconsistent network keys: ${why}`);
}
