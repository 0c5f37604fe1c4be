// Reads a requests file's tree (docs/request-model.md "Requests files"): a JSON array whose entries
// are requests or operations. What only the file can say is judged here: a member written twice,
// and the file-level annotation members (`description` anywhere, `expect` on an entry for `kms-cedar test`),
// which are stripped before anything else.
// The rest is judged by the runtime's one strict request reader (readInputShape), exactly as the
// engines' `decide()` judges it, so a malformed entry becomes its error entry in its place.
import type { JsonArray, JsonObject, JsonValue, Span } from "@kms-cedar/grammar";
import { toPlainValue } from "@kms-cedar/grammar";
import { readInputShape } from "@kms-cedar/runtime";
import type { Request } from "@kms-cedar/runtime";

/** One entry of a requests file, in input order, with its file-level annotations (never seen by an engine). */
export type RequestEntry = (
  | { readonly kind: "request"; readonly span: Span; readonly request: Request }
  | { readonly kind: "operation"; readonly span: Span; readonly operation: string; readonly checks: readonly Request[] }
  | { readonly kind: "malformed"; readonly span: Span; readonly error: { readonly code: string; readonly message: string } }
) & { readonly annotations?: EntryAnnotations };

/** What `kms-cedar test` expects of an entry: a decision, or a request error code. */
export type ExpectedOutcome = { readonly decision: "Allow" | "ExplicitDeny" | "ImplicitDeny" } | { readonly error: string };

/** Members of an entry that annotate it for people and `kms-cedar test`; stripped before any engine. */
export interface EntryAnnotations {
  readonly description?: string;
  readonly expect?: ExpectedOutcome;
  /** Set when `expect` is none of the allowed values or appears twice, or a `description` is not a string (the entry is then malformed). */
  readonly unreadableAnnotations?: true;
}

/** KR0007: malformed request (missing field, wrong type) — docs/request-model.md "Errors". */
export const MALFORMED_REQUEST = "KR0007";

/**
 * Members a requests file may add to a request, an operation or a check, for people reading the
 * file; they are not part of the request (DESIGN §2) and never reach an engine.
 */
export const ANNOTATION_MEMBERS: readonly string[] = ["description"];

/**
 * The entries of a requests array. `tooDeep`: where the parser skipped content nested too deep (KC1003);
 * the entry holding it is judged on what is left, and is malformed whatever that is.
 */
export function readRequests(array: JsonArray, tooDeep: readonly Span[] = []): RequestEntry[] {
  return array.elements.map((element, index) => {
    const entry = readAnnotatedEntry(element, index);
    const deep = tooDeep.some((span) => span.start >= element.span.start && span.start < element.span.end);
    // INVARIANT: no request or operation nests that deep (REQUESTS_MAX_DEPTH), so the reader refuses what is left.
    if (!deep || entry.kind === "malformed") return entry;
    const error = { code: MALFORMED_REQUEST, message: `request ${index}: arrays and objects nest too deeply` };
    return { kind: "malformed", span: element.span, error, ...(entry.annotations === undefined ? {} : { annotations: entry.annotations }) };
  });
}

function readAnnotatedEntry(element: JsonValue, index: number): RequestEntry {
  const where = `request ${index}`;
  const annotations = element.kind === "object" ? readAnnotations(element, where) : {};
  if (typeof annotations === "string") {
    const error = { code: MALFORMED_REQUEST, message: annotations };
    return { kind: "malformed", span: element.span, error, annotations: { unreadableAnnotations: true } };
  }
  const entry = readEntry(element.kind === "object" ? withoutMembers(element, ["expect"]) : element, where);
  return Object.keys(annotations).length > 0 ? { ...entry, annotations } : entry;
}

const DECISIONS = ["Allow", "ExplicitDeny", "ImplicitDeny"];

/** `description` and `expect` of an entry (not of a check), or what is wrong with them. */
function readAnnotations(object: JsonObject, where: string): EntryAnnotations | string {
  const out: { description?: string; expect?: ExpectedOutcome } = {};
  // An annotation a reader cannot trust is refused, not guessed: two `expect` members (which one is
  // meant?), a `description` that is not text (here or on a check).
  if (object.members.filter((m) => m.key.value === "expect").length > 1) return `${where}: member \`expect\` appears twice`;
  const badDescription = nonStringDescription(object);
  if (badDescription !== undefined) return `${where}: ${badDescription}`;
  const description = member(object, "description");
  if (description?.kind === "string") out.description = description.value;
  const expect = member(object, "expect");
  if (expect === undefined) return out;
  const code = expect.kind === "object" && expect.members.length === 1 ? member(expect, "error") : undefined;
  if (expect.kind === "string" && DECISIONS.includes(expect.value)) out.expect = { decision: expect.value as "Allow" };
  else if (expect.kind === "string" && /^KR[0-9]{4}$/.test(expect.value)) out.expect = { error: expect.value };
  else if (code?.kind === "string" && /^KR[0-9]{4}$/.test(code.value)) out.expect = { error: code.value };
  else return `${where}: \`expect\` must be \`Allow\`, \`ExplicitDeny\`, \`ImplicitDeny\` or a request error code such as \`KR0002\``;
  return out;
}

/** Where a `description` of the entry or of one of its checks is not a string, described; else undefined. */
function nonStringDescription(entry: JsonObject): string | undefined {
  const notText = (object: JsonValue): boolean => {
    const description = object.kind === "object" ? member(object, "description") : undefined;
    return description !== undefined && description.kind !== "string";
  };
  if (notText(entry)) return "`description` must be a string";
  const checks = member(entry, "checks");
  const at = checks?.kind === "array" ? checks.elements.findIndex(notText) : -1;
  return at < 0 ? undefined : `check ${at}: \`description\` must be a string`;
}

function withoutMembers(object: JsonObject, names: readonly string[]): JsonObject {
  return { ...object, members: object.members.filter((m) => !names.includes(m.key.value)) };
}

function member(object: JsonObject, name: string): JsonValue | undefined {
  return object.members.find((m) => m.key.value === name)?.value;
}

function readEntry(value: JsonValue, where: string): RequestEntry {
  const malformed = (code: string, message: string): RequestEntry => ({ kind: "malformed", span: value.span, error: { code, message } });
  const duplicate = findDuplicate(value);
  if (duplicate !== undefined) return malformed(MALFORMED_REQUEST, `${where}: ${duplicate}`);
  const plain = withoutAnnotations(toPlainValue(value));
  const shape = readInputShape(plain);
  if (typeof shape !== "string") return malformed(shape.error.code, `${where}: ${shape.error.message}`);
  if (shape === "request") return { kind: "request", span: value.span, request: plain as Request };
  const { operation, checks } = plain as { operation: string; checks: Request[] };
  return { kind: "operation", span: value.span, operation, checks };
}

/** A member written twice anywhere in an entry (a plain value cannot show it), described, or undefined. */
function findDuplicate(value: JsonValue): string | undefined {
  if (value.kind === "array") {
    for (const element of value.elements) {
      const found = findDuplicate(element);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value.kind !== "object") return undefined;
  const seen = new Set<string>();
  for (const m of value.members) {
    if (seen.has(m.key.value)) return `member \`${m.key.value}\` appears twice`;
    seen.add(m.key.value);
  }
  for (const m of (value as JsonObject).members) {
    // A member whose value was skipped as too deep has none (load-requests.ts); the file has no other error.
    const found = m.value === undefined ? undefined : findDuplicate(m.value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The entry without its annotation members, and its checks without theirs. */
function withoutAnnotations(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const strip = (object: object): object => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(object)) {
      // defineProperty: a member named `__proto__` stays an own member (and a stray one, for the reader).
      if (!ANNOTATION_MEMBERS.includes(k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const entry = strip(value) as Record<string, unknown>;
  const checks = Object.prototype.hasOwnProperty.call(entry, "checks") ? entry["checks"] : undefined;
  if (Array.isArray(checks)) {
    entry["checks"] = Array.from(checks, (c: unknown) => (typeof c === "object" && c !== null && !Array.isArray(c) ? strip(c) : c));
  }
  return entry;
}
