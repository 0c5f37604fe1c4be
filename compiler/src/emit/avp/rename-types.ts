// Renames entity types into the AVP profile's one namespace (runtime AVP_TYPE), in a policy's JSON
// form (EST) and in the schema's JSON form with resolved (fully qualified) type names. Pure; the
// result is validated by emit-avp, so a missed name is a KC9311 bug report, never a silent change.
import { AVP_NAMESPACE, avpType } from "@kms-cedar/runtime";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A policy's EST with every entity type renamed and its annotations dropped (AVP names policies itself). */
export function renamePolicyJson(policy: Json): Json {
  const renamed = renameEst(policy);
  if (renamed !== null && typeof renamed === "object" && !Array.isArray(renamed)) {
    const { annotations: _dropped, ...rest } = renamed;
    return rest;
  }
  return renamed;
}

function renameEst(x: Json): Json {
  if (Array.isArray(x)) return x.map(renameEst);
  if (x === null || typeof x !== "object") return x;
  const out: { [key: string]: Json } = {};
  const isUid = typeof x["type"] === "string" && typeof x["id"] === "string" && Object.keys(x).length === 2;
  for (const [k, v] of Object.entries(x)) {
    if (isUid && k === "type") out[k] = avpType(v as string);
    else if (k === "entity_type" && typeof v === "string") out[k] = avpType(v);
    else out[k] = renameEst(v);
  }
  return out;
}

/** The schema (JSON, resolved type names) as one namespace holding every entity type, renamed. */
export function renameSchemaJson(schema: Record<string, { entityTypes?: Record<string, Json>; actions?: Record<string, Json>; commonTypes?: Record<string, Json> }>): Record<string, Json> {
  const entityTypes: { [key: string]: Json } = {};
  const actions: { [key: string]: Json } = {};
  const commonTypes: { [key: string]: Json } = {};
  const local = (qualified: string): string => qualified.slice(AVP_NAMESPACE.length + 2);
  for (const [ns, def] of Object.entries(schema)) {
    for (const [name, type] of Object.entries(def.entityTypes ?? {})) entityTypes[local(avpType(`${ns}::${name}`))] = renameSchemaTypes(type);
    for (const [name, action] of Object.entries(def.actions ?? {})) {
      if (ns !== AVP_NAMESPACE) throw new Error(`INVARIANT: actions outside \`${AVP_NAMESPACE}\``);
      actions[name] = renameSchemaTypes(action);
    }
    for (const [name, type] of Object.entries(def.commonTypes ?? {})) {
      if (ns !== AVP_NAMESPACE) throw new Error(`INVARIANT: common types outside \`${AVP_NAMESPACE}\``);
      commonTypes[name] = renameSchemaTypes(type);
    }
  }
  const sorted = (o: { [key: string]: Json }): { [key: string]: Json } => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
  return { [AVP_NAMESPACE]: { commonTypes: sorted(commonTypes), entityTypes: sorted(entityTypes), actions } };
}

/** Renames the type names a schema declaration refers to: member-of lists, appliesTo lists, Entity types. */
function renameSchemaTypes(x: Json): Json {
  if (Array.isArray(x)) return x.map(renameSchemaTypes);
  if (x === null || typeof x !== "object") return x;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(x)) {
    if ((k === "memberOfTypes" || k === "principalTypes" || k === "resourceTypes") && Array.isArray(v)) out[k] = v.map((t) => avpType(t as string));
    else if (k === "name" && x["type"] === "Entity" && typeof v === "string") out[k] = avpType(v);
    else out[k] = renameSchemaTypes(v);
  }
  return out;
}
