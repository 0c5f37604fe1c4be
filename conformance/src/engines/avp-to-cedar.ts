// Translates AVP-shaped input (IsAuthorized / BatchIsAuthorized, as the runtime's AVP encoder writes
// it) back to cedar-wasm's JSON, written from AVP's API shapes alone and sharing no code with the
// forward encoder, so that deciding the result locally tests the AVP profile end to end. Phase:
// conformance harness (the `avp-local` engine).
import type { AvpAttributeValue, AvpBatchItem, AvpEntityIdentifier, AvpEntityItem } from "@kms-cedar/runtime/avp";

/** cedar-wasm's JSON forms, as far as this translation needs them. */
export type CedarJson = string | number | boolean | CedarJson[] | { [key: string]: CedarJson };
export interface CedarUid { readonly type: string; readonly id: string }
export interface CedarEntity { readonly uid: CedarUid; readonly attrs: Record<string, CedarJson>; readonly parents: CedarUid[]; readonly tags?: Record<string, CedarJson> }
export interface CedarCall { readonly principal: CedarUid; readonly action: CedarUid; readonly resource: CedarUid; readonly context: Record<string, CedarJson> }

const uid = (id: AvpEntityIdentifier): CedarUid => ({ type: id.entityType, id: id.entityId });

/** One AVP typed value as Cedar JSON; throws on a value with no member or several (malformed input). */
export function cedarValue(v: AvpAttributeValue): CedarJson {
  const members = Object.keys(v);
  if (members.length !== 1) throw new Error(`an AttributeValue has exactly one member, got ${members.join(", ") || "none"}`);
  const x = v as Record<string, unknown>;
  switch (members[0]) {
    case "string": return x["string"] as string;
    case "long": return x["long"] as number;
    case "boolean": return x["boolean"] as boolean;
    case "set": return (x["set"] as AvpAttributeValue[]).map(cedarValue);
    case "record": return cedarRecord(x["record"] as Record<string, AvpAttributeValue>);
    case "entityIdentifier": return { __entity: { ...uid(x["entityIdentifier"] as AvpEntityIdentifier) } };
    case "ipaddr": return { __extn: { fn: "ip", arg: x["ipaddr"] as string } };
    case "decimal": return { __extn: { fn: "decimal", arg: x["decimal"] as string } };
    case "datetime": return { __extn: { fn: "datetime", arg: x["datetime"] as string } };
    case "duration": return { __extn: { fn: "duration", arg: x["duration"] as string } };
    default: throw new Error(`unknown AttributeValue member \`${members[0]}\``);
  }
}

function cedarRecord(map: Readonly<Record<string, AvpAttributeValue>> | undefined): Record<string, CedarJson> {
  const out = Object.create(null) as Record<string, CedarJson>;
  for (const k of Object.keys(map ?? {})) out[k] = cedarValue(map![k]!);
  return out;
}

/** An AVP entity list as cedar-wasm entities (AVP keeps the last of two items with one identifier). */
export function cedarEntities(list: readonly AvpEntityItem[]): CedarEntity[] {
  const byId = new Map<string, CedarEntity>();
  for (const item of list) {
    const entity: CedarEntity = {
      uid: uid(item.identifier), attrs: cedarRecord(item.attributes), parents: (item.parents ?? []).map(uid),
      ...(item.tags !== undefined ? { tags: cedarRecord(item.tags) } : {}),
    };
    const key = `${item.identifier.entityType}\u0000${item.identifier.entityId}`;
    byId.delete(key);
    byId.set(key, entity);
  }
  return [...byId.values()];
}

/** One AVP request (IsAuthorized input or batch item) as a cedar-wasm call. */
export function cedarCall(item: AvpBatchItem): CedarCall {
  return {
    principal: uid(item.principal), action: { type: item.action.actionType, id: item.action.actionId }, resource: uid(item.resource),
    context: cedarRecord(item.context?.contextMap),
  };
}
