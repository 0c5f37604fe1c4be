// Completion from a JSON Schema, independent of the editor: which schemas apply at a JSON path (keys,
// and `*` for an array element), and what to offer there: property names (`properties`, then
// `propertyNames.examples`) or values (`enum`, then `examples`). Follows local `$ref`s, `oneOf` and `anyOf`.
import type { Schema } from "./policy-schema.js";

export type PathStep = string | { readonly item: true };

export interface Suggestion {
  /** The JSON text to insert (a quoted string for names and string values). */
  readonly insert: string;
  readonly label: string;
  readonly detail?: string;
}

/** Every schema that may describe the value at `path` under `root`. */
export function schemasAt(root: Schema, path: readonly PathStep[]): Schema[] {
  let current = expand(root, root);
  for (const step of path) {
    const next: Schema[] = [];
    for (const schema of current) {
      if (typeof step === "string") {
        const named = schema.properties?.[step];
        if (named !== undefined) next.push(named);
        else if (typeof schema.additionalProperties === "object") next.push(schema.additionalProperties);
      } else if (schema.items !== undefined) {
        next.push(schema.items);
      }
    }
    current = next.flatMap((s) => expand(root, s));
    if (current.length === 0) return [];
  }
  return current;
}

/** Property names to offer in an object described by `schemas`, leaving out those it has. */
export function nameSuggestions(schemas: readonly Schema[], present: ReadonlySet<string>): Suggestion[] {
  const out = new Map<string, Suggestion>();
  for (const schema of schemas) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!present.has(name) && !out.has(name)) out.set(name, { insert: JSON.stringify(name), label: name, ...(property.description !== undefined ? { detail: property.description } : {}) });
    }
    for (const example of schema.propertyNames?.examples ?? []) {
      if (typeof example === "string" && !present.has(example) && !out.has(example)) out.set(example, { insert: JSON.stringify(example), label: example });
    }
  }
  return [...out.values()];
}

/** Values to offer where `schemas` describe the value. */
export function valueSuggestions(schemas: readonly Schema[]): Suggestion[] {
  const out = new Map<string, Suggestion>();
  for (const schema of schemas) {
    for (const value of [...(schema.enum ?? []), ...(schema.examples ?? [])]) {
      const insert = JSON.stringify(value);
      if (!out.has(insert)) out.set(insert, { insert, label: typeof value === "string" ? value : insert, ...(schema.description !== undefined ? { detail: schema.description } : {}) });
    }
  }
  return [...out.values()];
}

/** The first description among `schemas`. */
export function describe(schemas: readonly Schema[]): string | undefined {
  return schemas.find((s) => s.description !== undefined)?.description;
}

/** `schema` with its `$ref` followed and its `oneOf`/`anyOf` alternatives spread (depth-limited). */
function expand(root: Schema, schema: Schema, depth = 0): Schema[] {
  if (depth > 8) return [];
  if (schema.$ref !== undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name !== undefined ? root.$defs?.[name] : undefined;
    return target !== undefined ? expand(root, target, depth + 1) : [];
  }
  // `true` (any value) says nothing to complete from.
  if (typeof schema !== "object" || schema === null) return [];
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (alternatives.length === 0) return [schema];
  // A schema with members of its own and alternatives that only constrain them (the bundle's principal
  // entry: `anyOf` of "requires policies / boundary / …") keeps its own members.
  const { oneOf: _one, anyOf: _any, ...rest } = schema;
  const own = rest.properties !== undefined || rest.items !== undefined || rest.additionalProperties !== undefined ? [rest]
    : schema.description !== undefined ? [{ description: schema.description }] : [];
  return [...own, ...alternatives.flatMap((a) => expand(root, a, depth + 1))];
}
