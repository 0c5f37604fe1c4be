// Reads a requests file's tree (docs/request-model.md): a JSON array whose entries are requests
// or operations. A malformed entry becomes an error entry (KR0007) in its place, so results stay
// aligned with the input; the engines judge everything else (principal forms, context values, …).
import type { JsonArray, JsonObject, JsonValue, Span } from "@kms-cedar/grammar";
import { toPlainValue } from "@kms-cedar/grammar";
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
  /** Set when `expect` is there but is none of the allowed values (the entry is then malformed). */
  readonly unreadableExpect?: true;
}

/** KR0007: malformed request (missing field, wrong type) — docs/request-model.md "Errors". */
export const MALFORMED_REQUEST = "KR0007";

const REQUEST_MEMBERS = ["principal", "action", "resource", "context", "description"];
const OPERATION_MEMBERS = ["operation", "checks", "description"];
/** Annotation members an entry (not a check of an operation) may also have. */
const ENTRY_ANNOTATIONS = ["description", "expect"];
const DECISIONS = ["Allow", "ExplicitDeny", "ImplicitDeny"];

/** The entries of a requests array. */
export function readRequests(array: JsonArray): RequestEntry[] {
  return array.elements.map((element, index) => {
    const where = `request ${index}`;
    const annotations = element.kind === "object" ? readAnnotations(element, where) : {};
    if (typeof annotations === "string") {
      const error = { code: MALFORMED_REQUEST, message: annotations };
      return { kind: "malformed", span: element.span, error, annotations: { unreadableExpect: true } };
    }
    const entry = readEntry(element.kind === "object" ? withoutMembers(element, ["expect"]) : element, where);
    return Object.keys(annotations).length > 0 ? { ...entry, annotations } : entry;
  });
}

/** `description` and `expect` of an entry, or what is wrong with them. */
function readAnnotations(object: JsonObject, where: string): EntryAnnotations | string {
  const out: { description?: string; expect?: ExpectedOutcome } = {};
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

function withoutMembers(object: JsonObject, names: readonly string[]): JsonObject {
  return { ...object, members: object.members.filter((m) => !names.includes(m.key.value)) };
}

function readEntry(value: JsonValue, where: string): RequestEntry {
  const malformed = (message: string): RequestEntry => ({
    kind: "malformed", span: value.span, error: { code: MALFORMED_REQUEST, message },
  });
  if (value.kind !== "object") return malformed(`${where} is not an object`);
  const duplicate = findDuplicateMember(value);
  if (duplicate !== undefined) return malformed(`${where} has member \`${duplicate}\` twice`);
  const isOperation = value.members.some((m) => m.key.value === "operation" || m.key.value === "checks");
  if (!isOperation) {
    const request = readRequest(value, where);
    return typeof request === "string" ? malformed(request) : { kind: "request", span: value.span, request };
  }
  const unknown = value.members.find((m) => !OPERATION_MEMBERS.includes(m.key.value));
  if (unknown) return malformed(`unknown member \`${unknown.key.value}\` in ${where} (an operation has \`operation\` and \`checks\`)`);
  const operation = member(value, "operation");
  if (operation?.kind !== "string") return malformed(`${where}: \`operation\` must be a string such as \`kms:ReEncrypt\``);
  const checks = member(value, "checks");
  if (checks?.kind !== "array" || checks.elements.length === 0) {
    return malformed(`${where}: \`checks\` must be a non-empty array of requests`);
  }
  const requests: Request[] = [];
  for (const [i, check] of checks.elements.entries()) {
    if (check.kind !== "object") return malformed(`${where}: check ${i} is not an object`);
    const request = readRequest(check, `${where} check ${i}`);
    if (typeof request === "string") return malformed(request);
    requests.push(request);
  }
  return { kind: "operation", span: value.span, operation: operation.value, checks: requests };
}

/** A request, or what is wrong with it. */
function readRequest(object: JsonObject, where: string): Request | string {
  const unknown = object.members.find((m) => !REQUEST_MEMBERS.includes(m.key.value));
  if (unknown) {
    return `unknown member \`${unknown.key.value}\` in ${where} (a request has \`principal\`, \`action\`, \`resource\`, \`context\`)`;
  }
  const fields: Record<string, string> = {};
  for (const name of ["principal", "action", "resource"]) {
    const value = member(object, name);
    if (value === undefined) return `${where} has no \`${name}\``;
    if (value.kind !== "string") return `${where}: \`${name}\` must be a string`;
    fields[name] = value.value;
  }
  const context = member(object, "context");
  if (context !== undefined && context.kind !== "object") return `${where}: \`context\` must be an object`;
  const duplicate = context?.kind === "object" ? findDuplicateMember(context) : undefined;
  if (duplicate !== undefined) return `${where}: context key \`${duplicate}\` appears twice`;
  const request: Request = { principal: fields["principal"] ?? "", action: fields["action"] ?? "", resource: fields["resource"] ?? "" };
  if (context?.kind !== "object") return request;
  // Context values go to the engines as written: a value that is not a string or an array of
  // strings is theirs to reject (KR0006), so every engine sees the same request.
  // INVARIANT: the file parsed without errors (load-requests.ts), so every member has a value.
  return { ...request, context: toPlainValue(context) as Request["context"] };
}

function member(object: JsonObject, name: string): JsonValue | undefined {
  return object.members.find((m) => m.key.value === name)?.value;
}

function findDuplicateMember(object: JsonObject): string | undefined {
  const seen = new Set<string>();
  for (const m of object.members) {
    if (seen.has(m.key.value)) return m.key.value;
    seen.add(m.key.value);
  }
  return undefined;
}
