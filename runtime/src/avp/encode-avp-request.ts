// The AVP request encoder: a kms-cedar request → AVP's IsAuthorized input. It runs the Cedar encoder
// (the same reader, the same errors, the same entities and context) and only re-expresses its output
// in AVP's shapes: identifiers with the profile's type names, typed AttributeValues, tags as Cedar
// tags (EntityItem.tags). It checks the request-side quotas and returns an error entry past them.
import type { EntityJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { DecisionError, Request } from "../contracts.js";
import { createEncoder } from "../cedar/encode-request.js";
import type { EncodedRequest } from "../cedar/encode-request.js";
import type { AvpManifest } from "./avp-manifest.js";
import { AVP_MANIFEST_FORMAT, AVP_MANIFEST_VERSION } from "./avp-manifest.js";
import { AVP_QUOTAS, AVP_REQUEST_CODES, utf8Bytes } from "./avp-quotas.js";
import type { AvpBatchItem, AvpEntityIdentifier, AvpEntityItem, AvpIsAuthorizedInput } from "./avp-types.js";
import { avpIdentifier, avpRecord } from "./avp-values.js";

/** One request in AVP's shapes: the batch item and the entities it needs. */
export interface AvpEncoded {
  readonly item: AvpBatchItem;
  readonly entities: AvpEntityItem[];
}

export interface AvpEncoder {
  /** IsAuthorized input for one request, or the request's error entry (never a decision). */
  encode(request: Request): AvpIsAuthorizedInput | DecisionError;
  /** The request in AVP's shapes without the store id (for batches), or its error entry. */
  encodeItem(request: Request): AvpEncoded | DecisionError;
}

/** Reads an AVP manifest (object or text); throws when it is not one this runtime reads. */
export function readAvpManifest(manifest: AvpManifest | string): AvpManifest {
  const m = typeof manifest === "string" ? (JSON.parse(manifest) as AvpManifest) : manifest;
  if (m.format !== AVP_MANIFEST_FORMAT || m.version !== AVP_MANIFEST_VERSION) {
    throw new Error(`cannot load AVP manifest: expected ${AVP_MANIFEST_FORMAT} version ${AVP_MANIFEST_VERSION}`);
  }
  return m;
}

/** Compiles the AVP manifest into an encoder for the policy store `policyStoreId`. */
export function createAvpEncoder(manifest: AvpManifest | string, policyStoreId: string): AvpEncoder {
  const m = readAvpManifest(manifest);
  // Every entity, as AVP always got them (encode-request.ts `leafAncestors`).
  const encodeCedar = createEncoder(m.cedar, { leafAncestors: true });

  // An input whose reading throws (a getter, a Proxy) is the Cedar encoder's KR0007, as in every engine.
  const encodeItem = (request: Request): AvpEncoded | DecisionError => {
    const encoded = encodeCedar(request);
    if ("error" in encoded) return encoded;
    return toAvp(encoded);
  };

  const encode = (request: Request): AvpIsAuthorizedInput | DecisionError => {
    const one = encodeItem(request);
    if ("error" in one) return one;
    const input: AvpIsAuthorizedInput = { policyStoreId, ...one.item, entities: { entityList: one.entities } };
    const bytes = utf8Bytes(JSON.stringify(input));
    if (bytes > AVP_QUOTAS.requestBytes) {
      return failure(AVP_REQUEST_CODES.requestTooLarge, `the AVP request is ${bytes} bytes, over AVP's authorization request size quota (${AVP_QUOTAS.requestBytes})`);
    }
    return input;
  };
  return { encode, encodeItem };
}

function toAvp(encoded: EncodedRequest): AvpEncoded | DecisionError {
  const entities = encoded.entities.map(toEntityItem);
  for (const [role, uid] of [["principal", encoded.principal], ["resource", encoded.resource]] as const) {
    const count = transitiveParents(encoded.entities, uid as { type: string; id: string });
    if (count > AVP_QUOTAS.transitiveParents) {
      return failure(AVP_REQUEST_CODES.tooManyParents, `the ${role} has ${count} transitive parents, over AVP's limit of ${AVP_QUOTAS.transitiveParents}`);
    }
  }
  const contextMap = avpRecord(encoded.context);
  const action = avpIdentifier(encoded.action);
  const item: AvpBatchItem = {
    principal: avpIdentifier(encoded.principal),
    action: { actionType: action.entityType, actionId: action.entityId },
    resource: avpIdentifier(encoded.resource),
    // AWS (AVP API): "omit the context parameter from your request rather than sending context {}".
    ...(Object.keys(contextMap).length > 0 ? { context: { contextMap } } : {}),
  };
  return { item, entities };
}

function toEntityItem(e: EntityJson): AvpEntityItem {
  const attributes = avpRecord(e.attrs);
  const tags = e.tags === undefined ? undefined : avpRecord(e.tags);
  const parents: AvpEntityIdentifier[] = e.parents.map(avpIdentifier);
  return {
    identifier: avpIdentifier(e.uid),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(parents.length > 0 ? { parents } : {}),
    ...(tags !== undefined && Object.keys(tags).length > 0 ? { tags } : {}),
  };
}

/** How many distinct entities are above `uid` in the entity list (its transitive parents). */
export function transitiveParents(entities: readonly EntityJson[], uid: { type: string; id: string }): number {
  const key = (u: { type: string; id: string }): string => `${u.type}\u0000${u.id}`;
  const parentsOf = new Map<string, readonly { type: string; id: string }[]>();
  for (const e of entities) parentsOf.set(key(e.uid as { type: string; id: string }), e.parents as { type: string; id: string }[]);
  const seen = new Set<string>();
  const stack = [...(parentsOf.get(key(uid)) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    const k = key(next);
    if (seen.has(k)) continue;
    seen.add(k);
    stack.push(...(parentsOf.get(k) ?? []));
  }
  return seen.size;
}

function failure(code: string, message: string): DecisionError {
  return { error: { code, message } };
}
