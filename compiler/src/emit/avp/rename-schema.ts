// Renames the schema (JSON form, fully qualified type names) into the AVP profile's one namespace
// (runtime AVP_TYPE). Pure; emit-avp validates the renamed policies against it (KC9311 on a miss).
import { AVP_NAMESPACE, avpType } from "@kms-cedar/runtime/avp";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Namespace = { entityTypes?: Record<string, Json>; actions?: Record<string, Json>; commonTypes?: Record<string, Json> };

/** The schema as one namespace holding every entity type, renamed. */
export function renameSchemaJson(schema: Record<string, Namespace>): Record<string, Json> {
  const entityTypes: { [key: string]: Json } = {};
  const actions: { [key: string]: Json } = {};
  const commonTypes: { [key: string]: Json } = {};
  const local = (qualified: string): string => qualified.slice(AVP_NAMESPACE.length + 2);
  for (const [ns, def] of Object.entries(schema)) {
    for (const [name, type] of Object.entries(def.entityTypes ?? {})) entityTypes[local(avpType(`${ns}::${name}`))] = renameTypes(type);
    for (const [name, action] of Object.entries(def.actions ?? {})) {
      if (ns !== AVP_NAMESPACE) throw new Error(`INVARIANT: actions outside \`${AVP_NAMESPACE}\``);
      actions[name] = renameTypes(action);
    }
    for (const [name, type] of Object.entries(def.commonTypes ?? {})) {
      if (ns !== AVP_NAMESPACE) throw new Error(`INVARIANT: common types outside \`${AVP_NAMESPACE}\``);
      commonTypes[name] = renameTypes(type);
    }
  }
  const sorted = (o: { [key: string]: Json }): { [key: string]: Json } => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
  return { [AVP_NAMESPACE]: { commonTypes: sorted(commonTypes), entityTypes: sorted(entityTypes), actions } };
}

/** Renames the type names a declaration refers to: member-of lists, appliesTo lists, Entity types. */
function renameTypes(x: Json): Json {
  if (Array.isArray(x)) return x.map(renameTypes);
  if (x === null || typeof x !== "object") return x;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(x)) {
    if ((k === "memberOfTypes" || k === "principalTypes" || k === "resourceTypes") && Array.isArray(v)) out[k] = v.map((t) => avpType(t as string));
    else if (k === "name" && x["type"] === "Entity" && typeof v === "string") out[k] = avpType(v);
    else out[k] = renameTypes(v);
  }
  return out;
}
