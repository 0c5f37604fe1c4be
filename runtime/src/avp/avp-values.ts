// Cedar's JSON values (cedar-wasm's CedarValueJson, as the Cedar encoder writes them) to AVP's typed
// AttributeValue: one member per value, extension values by their function name. Every map built
// here has no prototype (its keys are attribute and tag names).
import type { CedarValueJson, EntityUidJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { AvpAttributeValue, AvpEntityIdentifier } from "./avp-types.js";
import { avpType } from "./avp-names.js";

const EXTENSIONS: Readonly<Record<string, "ipaddr" | "decimal" | "datetime" | "duration">> = { ip: "ipaddr", decimal: "decimal", datetime: "datetime", duration: "duration" };

/** The AVP identifier of a Cedar entity uid (type renamed into the profile's namespace). */
export function avpIdentifier(uid: EntityUidJson): AvpEntityIdentifier {
  const { type, id } = uid as { type: string; id: string };
  return { entityType: avpType(type), entityId: id };
}

/** One Cedar JSON value as an AVP AttributeValue; throws on a value the Cedar encoder never writes. */
export function avpValue(value: CedarValueJson): AvpAttributeValue {
  if (typeof value === "string") return { string: value };
  if (typeof value === "boolean") return { boolean: value };
  if (typeof value === "number") {
    // INVARIANT: the Cedar encoder writes only integers within 2^53 (LONG_GRID).
    if (!Number.isSafeInteger(value)) throw new Error(`INVARIANT: not a Long: ${value}`);
    return { long: value };
  }
  if (Array.isArray(value)) return { set: value.map(avpValue) };
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("__extn" in o) {
      const { fn, arg } = o["__extn"] as { fn: string; arg: string };
      const member = EXTENSIONS[fn];
      if (member === undefined || typeof arg !== "string") throw new Error(`INVARIANT: unknown extension value \`${fn}\``);
      return { [member]: arg } as AvpAttributeValue;
    }
    if ("__entity" in o) return { entityIdentifier: avpIdentifier(o["__entity"] as EntityUidJson) };
    return { record: avpRecord(o as Record<string, CedarValueJson>) };
  }
  throw new Error("INVARIANT: a Cedar value the encoder never writes");
}

/** A record of Cedar values as a prototype-free record of AVP values, in key order. */
export function avpRecord(values: Readonly<Record<string, CedarValueJson>>): Record<string, AvpAttributeValue> {
  const out = Object.create(null) as Record<string, AvpAttributeValue>;
  for (const key of Object.keys(values)) out[key] = avpValue(values[key]!);
  return out;
}
