// What DESIGN §2 makes a request error before any policy is read: a shape other than a request
// (exactly principal, action, resource, optional context) or an operation (exactly `operation`, a
// string, and `checks`, a non-empty array of requests), and any string, key or value, that is not
// well-formed Unicode. Written from DESIGN §2 for the harness (laws and report), independent of the
// engines' readers. Phase: conformance harness.

export type Malformation = "shape" | "unicode";

const REQUEST_MEMBERS = new Set(["principal", "action", "resource", "context"]);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `s` has a lone surrogate. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** A plain JSON object (what `JSON.parse` makes: Object.prototype or no prototype). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const ownKeys = (o: Record<string, unknown>): string[] => Object.keys(o);

function requestMalformation(v: unknown): Malformation | undefined {
  if (!isPlainObject(v)) return "shape";
  const keys = ownKeys(v);
  if (keys.some((k) => !REQUEST_MEMBERS.has(k))) return "shape";
  for (const k of ["principal", "action", "resource"]) if (typeof v[k] !== "string") return "shape";
  if ("context" in v && v["context"] !== undefined && !isPlainObject(v["context"])) return "shape";
  return anyLoneSurrogate(v) ? "unicode" : undefined;
}

function anyLoneSurrogate(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof v === "string") return hasLoneSurrogate(v);
  if (Array.isArray(v)) return v.some((x) => anyLoneSurrogate(x, depth + 1));
  if (typeof v === "object" && v !== null) return Object.keys(v).some((k) => hasLoneSurrogate(k) || anyLoneSurrogate((v as Record<string, unknown>)[k], depth + 1));
  return false;
}

/** Why `v` is not a request or an operation (DESIGN §2), or `undefined` when its shape is one. */
export function malformation(v: unknown): Malformation | undefined {
  if (isPlainObject(v) && ("operation" in v || "checks" in v)) {
    const keys = ownKeys(v);
    if (keys.length !== 2 || typeof v["operation"] !== "string" || !Array.isArray(v["checks"]) || v["checks"].length === 0) return "shape";
    const parts = (v["checks"] as unknown[]).map(requestMalformation);
    if (parts.includes("shape")) return "shape";
    return parts.includes("unicode") || hasLoneSurrogate(v["operation"]) ? "unicode" : undefined;
  }
  return requestMalformation(v);
}
