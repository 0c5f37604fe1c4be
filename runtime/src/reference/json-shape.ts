// Shape tests for plain JSON policy values (what JSON.parse gives): objects, and the
// "string or list of strings" form of policy elements (spec §1.4).

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * AWS: §1.4 — a single string, or a non-empty array of strings. undefined for anything else,
 * including an empty array (IAM rejects `"Action": []`, §1.3).
 */
export function readStringList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  // DEVIATION: §1.3 — an empty list is malformed in key policies too (FCR), where KMS does not document it.
  if (!Array.isArray(value) || value.length === 0) return undefined;
  // By index, not `every`: a hole of a sparse array built in code is no string (`every` would skip it).
  const items = Array.from(value as readonly unknown[]);
  return items.every((item) => typeof item === "string") ? (items as string[]) : undefined;
}

/** The first member of `object` not in `allowed` (a member it may not have), or undefined. */
export function strayMember(object: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
  return Object.keys(object).find((name) => !allowed.has(name));
}

/** An own property of a JSON object (never one inherited from Object.prototype). */
export function ownProperty(object: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
}
