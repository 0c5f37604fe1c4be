// The VPC endpoint a request goes through (docs/semantics/vpc-endpoint-policy.md §2, docs/request-model.md
// "Layers"): with `endpoints` in the bundle, `aws:SourceVpce` names one of them (else KR0010) and the
// network keys must be consistent (else KR0011). Context keys are found ignoring letter case; two entries
// that differ only in case are ambiguous; an empty array is an absent key (spec §3.2, A18).
import type { DecisionError, Request } from "../contracts.js";
import type { GraphEndpoint } from "../graph/graph-types.js";
import { RequestErrorCode, requestError } from "../request/request-errors.js";

type Entry = { readonly kind: "absent" } | { readonly kind: "ambiguous" } | { readonly kind: "present"; readonly values: readonly string[] };

function entryOf(context: Request["context"], lowerName: string): Entry {
  if (context === undefined) return { kind: "absent" };
  let found: string | readonly string[] | undefined;
  let count = 0;
  for (const name of Object.keys(context)) {
    if (name.toLowerCase() !== lowerName) continue;
    count++;
    found = context[name];
  }
  if (count === 0 || found === undefined) return { kind: "absent" };
  if (count > 1) return { kind: "ambiguous" };
  const values = typeof found === "string" ? [found] : [...new Set(found)];
  return values.length === 0 ? { kind: "absent" } : { kind: "present", values };
}

/**
 * The endpoint of the request, undefined when it goes through none (no `aws:SourceVpce`), or the
 * request error. `endpoints` is the bundle's (by id).
 */
export function requestEndpoint<E extends GraphEndpoint>(
  endpoints: ReadonlyMap<string, E>, context: Request["context"],
): { readonly endpoint: E } | DecisionError | undefined {
  const inconsistent = (why: string): DecisionError => requestError(RequestErrorCode.inconsistentNetworkKeys, `inconsistent network keys: ${why}`);
  const vpce = entryOf(context, "aws:sourcevpce");
  if (vpce.kind === "absent") {
    if (entryOf(context, "aws:sourcevpc").kind !== "absent") return inconsistent("`aws:SourceVpc` without `aws:SourceVpce`");
    if (entryOf(context, "aws:vpcsourceip").kind !== "absent") return inconsistent("`aws:VpcSourceIp` without `aws:SourceVpce`");
    return undefined;
  }
  if (vpce.kind === "ambiguous" || vpce.values.length !== 1) return inconsistent("`aws:SourceVpce` must have one value");
  if (entryOf(context, "aws:sourceip").kind !== "absent") return inconsistent("`aws:SourceIp` is absent on requests through a VPC endpoint");
  const id = vpce.values[0]!;
  const endpoint = endpoints.get(id);
  if (endpoint === undefined) return requestError(RequestErrorCode.unknownEndpoint, "unknown endpoint", id);
  if (endpoint.vpc !== undefined) {
    const vpc = entryOf(context, "aws:sourcevpc");
    if (vpc.kind === "ambiguous" || (vpc.kind === "present" && (vpc.values.length !== 1 || vpc.values[0] !== endpoint.vpc))) {
      return inconsistent(`\`aws:SourceVpc\` is not the VPC of \`${id}\``);
    }
  }
  return { endpoint };
}
