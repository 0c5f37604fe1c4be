// Groups requests into BatchIsAuthorized inputs within AVP's rules: every request of a batch has the
// same principal or the same resource; at most 30 requests, 100 principal-side and 100 resource
// entities; one shared entity list, so two requests may share a batch only when every entity they
// both name is identical in both (AVP keeps the last of two entities with one identifier, and the
// resource and principal tags come from each request's context). Greedy, in input order.
import type { DecisionError, Request } from "../contracts.js";
import type { AvpEncoded, AvpEncoder } from "./encode-avp-request.js";
import { AVP_QUOTAS, AVP_REQUEST_CODES, utf8Bytes } from "./avp-quotas.js";
import type { AvpBatchIsAuthorizedInput, AvpEntityIdentifier, AvpEntityItem } from "./avp-types.js";

/** One batch and, for each of its requests, the index of the request in the input. */
export interface AvpBatch {
  readonly input: AvpBatchIsAuthorizedInput;
  readonly indices: readonly number[];
}

export interface AvpBatches {
  readonly batches: readonly AvpBatch[];
  /** Requests that cannot be decided (by input index): their error entries. */
  readonly errors: ReadonlyMap<number, DecisionError>;
}

/** The resource entity types of the profile: everything else in an entity list is principal-side. */
const RESOURCE_TYPES = new Set(["Kms::Key", "Kms::Alias", "Kms::NoResource"]);

const idKey = (id: AvpEntityIdentifier): string => `${id.entityType}\u0000${id.entityId}`;

interface Open {
  readonly items: AvpEncoded[];
  readonly indices: number[];
  readonly entities: Map<string, { item: AvpEntityItem; json: string }>;
  principal: string | undefined;
  resource: string | undefined;
}

/** Batches `requests` for the policy store `policyStoreId`. */
export function batchAvpRequests(encoder: AvpEncoder, policyStoreId: string, requests: readonly Request[]): AvpBatches {
  const errors = new Map<number, DecisionError>();
  const batches: AvpBatch[] = [];
  let open: Open | undefined;
  const close = (): void => {
    if (open === undefined) return;
    batches.push({ input: build(policyStoreId, open), indices: open.indices });
    open = undefined;
  };
  requests.forEach((request, index) => {
    const encoded = encoder.encodeItem(request);
    if ("error" in encoded) {
      errors.set(index, encoded);
      return;
    }
    if (open !== undefined && !fits(open, encoded, policyStoreId)) close();
    if (open === undefined) open = { items: [], indices: [], entities: new Map(), principal: idKey(encoded.item.principal), resource: idKey(encoded.item.resource) };
    add(open, encoded, index);
    if (utf8Bytes(JSON.stringify(build(policyStoreId, open))) > AVP_QUOTAS.requestBytes) {
      // Alone it is too large: an error entry, never a truncated request.
      if (open.items.length === 1) {
        errors.set(index, { error: { code: AVP_REQUEST_CODES.requestTooLarge, message: `the AVP request is over AVP's authorization request size quota (${AVP_QUOTAS.requestBytes} bytes)` } });
        open = undefined;
      }
    }
  });
  close();
  return { batches, errors };
}

function fits(open: Open, next: AvpEncoded, policyStoreId: string): boolean {
  if (open.items.length >= AVP_QUOTAS.batchRequests) return false;
  const samePrincipal = open.principal === idKey(next.item.principal);
  const sameResource = open.resource === idKey(next.item.resource);
  if (!samePrincipal && !sameResource) return false;
  const merged = new Map(open.entities);
  for (const e of next.entities) {
    const json = JSON.stringify(e);
    const prior = merged.get(idKey(e.identifier));
    if (prior !== undefined && prior.json !== json) return false;
    merged.set(idKey(e.identifier), { item: e, json });
  }
  let principals = 0;
  let resources = 0;
  for (const { item } of merged.values()) RESOURCE_TYPES.has(item.identifier.entityType) ? resources++ : principals++;
  if (principals > AVP_QUOTAS.batchPrincipals || resources > AVP_QUOTAS.batchResources) return false;
  const trial: Open = { ...open, items: [...open.items, next], indices: [...open.indices], entities: merged };
  return utf8Bytes(JSON.stringify(build(policyStoreId, trial))) <= AVP_QUOTAS.requestBytes;
}

function add(open: Open, next: AvpEncoded, index: number): void {
  open.items.push(next);
  open.indices.push(index);
  for (const e of next.entities) open.entities.set(idKey(e.identifier), { item: e, json: JSON.stringify(e) });
  // The batch keeps whichever of principal / resource all its requests share.
  if (open.principal !== idKey(next.item.principal)) open.principal = undefined;
  if (open.resource !== idKey(next.item.resource)) open.resource = undefined;
}

function build(policyStoreId: string, open: Open): AvpBatchIsAuthorizedInput {
  return {
    policyStoreId,
    entities: { entityList: [...open.entities.values()].map((e) => e.item) },
    requests: open.items.map((i) => i.item),
  };
}
