// The shapes of requests and operations (DESIGN §2, docs/request-model.md "Shapes"): exactly the
// named members with the named types, every string well-formed Unicode. Written for the oracle on
// its own; a shape error is KR0007, KR0006 (context value) or KR0008 (lone surrogate).

import { isObject } from "./json-shape.js";
import type { ReferenceError } from "./types.js";

const REQUEST_MEMBERS = new Set(["principal", "action", "resource", "context"]);
const OPERATION_MEMBERS = new Set(["operation", "checks"]);
/** With the `u` flag a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** DESIGN §2, §3: the multi-part operations an operation may name (any letter case, as action names); DeleteAlias too (alias and key). */
const MULTI_PART = new Set(["kms:createalias", "kms:deletealias", "kms:updatealias", "kms:reencrypt", "kms:replicatekey"]);

/**
 * "request", "operation", or the first shape error. An object with an own `operation` or `checks`
 * member is read as an operation (a request with a `checks` member is therefore malformed).
 */
export function readShape(input: unknown): "request" | "operation" | ReferenceError {
  if (!isObject(input)) return failure("KR0007", "malformed request: a request must be a JSON object");
  if (!own(input, "operation") && !own(input, "checks")) return requestShape(input) ?? "request";
  const stray = membersOf(input).find((m) => !OPERATION_MEMBERS.has(m));
  if (stray !== undefined) return failure("KR0007", "malformed request: an operation has exactly `operation` and `checks`");
  const operation = own(input, "operation") ? input["operation"] : undefined;
  const checks = own(input, "checks") ? input["checks"] : undefined;
  if (typeof operation !== "string") return failure("KR0007", "malformed request: `operation` must be a string");
  if (!Array.isArray(checks) || checks.length === 0) return failure("KR0007", "malformed request: `checks` must be a non-empty array");
  if (LONE_SURROGATE.test(operation)) return failure("KR0008", "the operation name is not well-formed Unicode");
  // DESIGN §2: `operation` names a multi-part operation (CreateAlias, DeleteAlias, UpdateAlias, ReEncrypt, ReplicateKey).
  if (!MULTI_PART.has(operation.toLowerCase())) return failure("KR0007", "malformed request: `operation` must name a multi-part operation");
  // Array.from visits holes too (as undefined), unlike forEach.
  for (const check of Array.from(checks as unknown[])) {
    if (!isObject(check)) return failure("KR0007", "malformed request: every check must be a JSON object");
    const error = requestShape(check);
    if (error !== undefined) return error;
  }
  return "operation";
}

/** The first shape error of one request object. */
function requestShape(request: Record<string, unknown>): ReferenceError | undefined {
  if (membersOf(request).some((m) => !REQUEST_MEMBERS.has(m))) {
    return failure("KR0007", "malformed request: a request has exactly `principal`, `action`, `resource` and an optional `context`");
  }
  for (const field of ["principal", "action", "resource"]) {
    if (!own(request, field) || typeof request[field] !== "string") return failure("KR0007", `malformed request: \`${field}\` must be a string`);
  }
  const context = own(request, "context") ? request["context"] : undefined;
  if (context !== undefined && !isObject(context)) return failure("KR0007", "malformed request: `context` must be an object");
  const entries = context === undefined ? [] : Object.entries(context);
  for (const [, value] of entries) {
    if (!isStringOrStrings(value)) return failure("KR0006", "a context value must be a string or an array of strings");
  }
  const bad = (t: string): boolean => LONE_SURROGATE.test(t);
  const notWellFormed = failure("KR0008", "a string of the request is not well-formed Unicode");
  if (bad(request["principal"] as string) || bad(request["action"] as string) || bad(request["resource"] as string)) return notWellFormed;
  for (const [key, value] of entries) {
    if (bad(key)) return notWellFormed;
    // A loop, not a spread: a context array may hold more values than a call has arguments.
    if (typeof value === "string" ? bad(value) : (value as string[]).some(bad)) return notWellFormed;
  }
  return undefined;
}

/** Every enumerable member name, own or inherited (a JSON object has own ones only). */
function membersOf(object: object): string[] {
  const names: string[] = [];
  for (const name in object) names.push(name);
  return names;
}

/** A string, or an array whose every slot holds a string (a hole of a sparse array is no string). */
function isStringOrStrings(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false;
  return true;
}

function failure(code: string, message: string): ReferenceError {
  return { error: { code, message } };
}
