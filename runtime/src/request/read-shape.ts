// The one strict reader of request shapes (DESIGN §2, docs/request-model.md "Shapes"): a request has
// exactly `principal`, `action`, `resource` (strings) and an optional `context` (an object of strings
// or arrays of strings); an operation has exactly `operation` (a string) and `checks` (a non-empty
// array of requests). Anything else is an error, never a decision. Used by the graph and Cedar
// authorizers, the CLI and the playground; its checks never copy (PERF: no allocation). An input
// built in code is read once: by the graph's load, or into a snapshot (snapshot-input.ts) for the rest.
import type { DecisionError, Request } from "../contracts.js";
import type { Operation } from "../decide-operation.js";
import { reenteredInput, RequestErrorCode, requestError, unreadableInput } from "./request-errors.js";
import { isOperationInput, snapshotInput } from "./snapshot-input.js";
import { isWellFormed } from "./well-formed.js";

/** What an input is once its shape is known good. */
export type InputKind = "request" | "operation";

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const FIELDS = ["principal", "action", "resource"] as const;

/**
 * PERF: strings found well-formed by the last requests read, by where they were met: the action, the
 * resource, and the name of each context entry by its position. Requests repeat these at the same
 * places (the same context names in the same order, a few actions and keys), and a comparison is
 * cheaper than the engine call of `isWellFormed` (each comparison has its own site, so that the names,
 * always internalized strings, are compared by pointer). Exact: a string equal to one found well-formed
 * is well-formed (the check reads the content only), and only strings found well-formed are kept.
 * Strings are primitives: nothing here runs user code. The principal and the context values, mostly
 * distinct per request, are checked each time (a failed comparison would cost more than it saves).
 */
const KNOWN_NAMES = 32;
/** Longer strings are checked each time (a kept string stays alive until replaced). */
const KEPT_LENGTH = 256;
const knownNames: string[] = new Array<string>(KNOWN_NAMES).fill("");
let knownAction = "";
let knownResource = "";

/** Whether context name `name`, the `at`-th of its context, is well-formed Unicode. */
function wellFormedName(at: number, name: string): boolean {
  if (at < KNOWN_NAMES && knownNames[at] === name) return true;
  if (!isWellFormed(name)) return false;
  if (at < KNOWN_NAMES && name.length <= KEPT_LENGTH) knownNames[at] = name;
  return true;
}

function wellFormedAction(action: string): boolean {
  if (action === knownAction) return true;
  if (!isWellFormed(action)) return false;
  if (action.length <= KEPT_LENGTH) knownAction = action;
  return true;
}

function wellFormedResource(resource: string): boolean {
  if (resource === knownResource) return true;
  if (!isWellFormed(resource)) return false;
  if (resource.length <= KEPT_LENGTH) knownResource = resource;
  return true;
}

/** Forgets the strings kept above (tests: the next read checks every string). */
export function forgetWellFormedStrings(): void {
  knownNames.fill("");
  knownAction = "";
  knownResource = "";
}

/**
 * DESIGN §2: an operation names "a multi-part operation" (§3: CreateAlias, UpdateAlias, ReEncrypt,
 * ReplicateKey; and DeleteAlias, which needs the alias and its key as CreateAlias does); any other name is
 * KR0007, never a decision. Letter case is ignored, as in action names.
 */
const MULTI_PART_OPERATIONS: ReadonlySet<string> = new Set(["kms:createalias", "kms:deletealias", "kms:updatealias", "kms:reencrypt", "kms:replicatekey"]);

/**
 * The kind of a request or an operation, or the first shape error (order: docs/request-model.md
 * "Errors"). Every check of an operation is read here too, before any check is decided.
 */
export function readInputShape(input: unknown): InputKind | DecisionError {
  return readInput(input, false);
}

/**
 * `readInputShape`; with `membersOnly`, a request's members alone are read (`readRequestMembers`):
 * its fields and context are left to the caller, which must judge them as `readRequestShape` does.
 */
function readInput(input: unknown, membersOnly: boolean): InputKind | DecisionError {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return malformed("a request must be a JSON object");
  if (!isOperationInput(input)) {
    const bad = membersOnly ? readRequestMembers(input) : readRequestShape(input);
    return bad ?? "request";
  }
  for (const name in input) {
    if (name !== "operation" && name !== "checks") return malformed(`unknown member \`${printable(name)}\` in an operation (it has exactly \`operation\` and \`checks\`)`);
  }
  const { operation, checks } = input as { operation?: unknown; checks?: unknown };
  if (!hasOwn(input, "operation") || typeof operation !== "string") return malformed("an operation needs a string `operation`");
  if (!hasOwn(input, "checks") || !Array.isArray(checks) || checks.length === 0) return malformed("an operation needs a non-empty `checks` array of requests");
  if (!isWellFormed(operation)) return notWellFormed("operation name");
  if (!MULTI_PART_OPERATIONS.has(operation.toLowerCase())) {
    return malformed(`unknown operation \`${printable(operation)}\` (one of kms:CreateAlias, kms:DeleteAlias, kms:UpdateAlias, kms:ReEncrypt, kms:ReplicateKey)`);
  }
  for (let i = 0; i < checks.length; i++) {
    const check: unknown = checks[i];
    if (typeof check !== "object" || check === null || Array.isArray(check)) return malformed(`check ${i} of the operation must be a JSON object`);
    const bad = readRequestShape(check);
    if (bad !== undefined) return bad;
  }
  return "operation";
}

/**
 * How many inputs `onInput` has begun to read, in every authorizer of the process: a decision reads its
 * input into state no caller sees (the graph's evaluation slots, module-level scratch such as
 * operators/ip.ts's), and an input's getter or Proxy can run code that calls decide() again, which
 * overwrites that state halfway through the outer decision.
 */
let begun = 0;

/**
 * Reads an input's shape and hands it to `request` or `operation`: what every authorizer's decide and
 * explain do. No exception leaves it (DESIGN §2): an input whose reading throws (a getter, a Proxy) is
 * KR0007, never a decision; so is one whose reading ran another decision (a getter calling decide()),
 * since that decision overwrote the state this one was deciding from (a wrong Allow otherwise). The
 * inner decision itself is whole, and stands. JSON input can do neither.
 */
export function onInput<R>(
  input: unknown, request: (r: Request) => R | DecisionError, operation: (o: Operation) => R | DecisionError, readsOwnShape = false,
): R | DecisionError {
  const mine = ++begun;
  try {
    // readsOwnShape: `request` reads a request's fields and context itself, once each, with the checks of
    // readRequestShape (the graph's load; the Cedar encoder, from its snapshot): only the member names are
    // read here. Anything else is decided on one reading of the input (snapshot-input.ts): an operation's
    // checks are read for their shape here and again when decided, and an engine that reads a value twice
    // could decide on two different values.
    const data = readsOwnShape && !isOperationInput(input) ? input : snapshotInput(input);
    const shape = readInput(data, readsOwnShape);
    const result = typeof shape !== "string" ? shape : shape === "operation" ? operation(asOperation(data)) : request(asRequest(data));
    return begun === mine ? result : reenteredInput();
  } catch {
    return unreadableInput();
  }
}

/** Narrows an input whose shape `readInputShape` accepted as an operation. */
export function asOperation(input: unknown): Operation {
  return input as Operation;
}

/**
 * A request's `context` as the shape reader judged it: its own member only. An inherited one (a
 * prototype's, or Object.prototype polluted by other code) is no member (docs/request-model.md
 * "Shapes"), was never checked, and must not be decided on.
 */
export function requestContext(request: Request): Request["context"] {
  return ownContext(request) as Request["context"];
}

/** Narrows an input whose shape `readInputShape` accepted as a request. */
export function asRequest(input: unknown): Request {
  return input as Request;
}

/** The first shape error of one request (an object), or undefined when it is well formed. */
function readRequestShape(request: object): DecisionError | undefined {
  const members = readRequestMembers(request);
  if (members !== undefined) return members;
  // PERF: the three fields unrolled, in FIELDS order; the graph's load reads them the same way (create-authorizer.ts).
  const principal = requestField(request, 0);
  if (principal === undefined) return fieldTypeError(0);
  const action = requestField(request, 1);
  if (action === undefined) return fieldTypeError(1);
  const resource = requestField(request, 2);
  if (resource === undefined) return fieldTypeError(2);
  const context = ownContext(request);
  // KR0006 for any context value comes before KR0008 anywhere: the first text error is kept for later.
  let textError: DecisionError | undefined;
  if (context !== undefined) {
    if (!isContextObject(context)) return contextTypeError();
    const checked = readContext(context);
    if (checked !== undefined && checked.error.code === RequestErrorCode.badContextValue) return checked;
    textError = checked;
  }
  return fieldsTextError(principal, action, resource) ?? textError;
}

/**
 * Field `principal` (0), `action` (1) or `resource` (2) of a request when it is an own string member,
 * else undefined (`fieldTypeError`). Read once: whoever decides uses the value returned.
 */
export function requestField(request: object, field: 0 | 1 | 2): string | undefined {
  // PERF: a named load per field (the callers pass constants, so this folds to one), not `request[name]`.
  const r = request as { readonly principal?: unknown; readonly action?: unknown; readonly resource?: unknown };
  const value = field === 0 ? r.principal : field === 1 ? r.action : r.resource;
  return typeof value === "string" && hasOwn(request, FIELDS[field]) ? value : undefined;
}

/** A request's own `context` member, unchecked (`isContextObject`, then its entries); an inherited one is none. */
export function ownContext(request: object): unknown {
  return hasOwn(request, "context") ? (request as Record<string, unknown>)["context"] : undefined;
}

/**
 * The first unknown member of a request (KR0007), or undefined. Every name it shows counts, inherited
 * enumerable ones too; the values are not read (the fields are checked as own members after).
 */
export function readRequestMembers(request: object): DecisionError | undefined {
  for (const name in request) {
    if (name !== "principal" && name !== "action" && name !== "resource" && name !== "context") {
      return malformed(`unknown member \`${printable(name)}\` in a request (it has \`principal\`, \`action\`, \`resource\` and \`context\`)`);
    }
  }
  return undefined;
}

/** KR0007 for field `principal` (0), `action` (1) or `resource` (2): not an own string member. */
export function fieldTypeError(field: 0 | 1 | 2): DecisionError {
  return malformed(`request field \`${FIELDS[field]}\` must be a string`);
}

/** Whether a request's own `context` member has the shape of a context (its entries apart). */
export function isContextObject(context: unknown): context is Record<string, unknown> {
  return typeof context === "object" && context !== null && !Array.isArray(context);
}

export function contextTypeError(): DecisionError {
  return malformed("request field `context` must be an object");
}

/** The first of the three fields that is not well-formed Unicode (KR0008), in FIELDS order. */
export function fieldsTextError(principal: string, action: string, resource: string): DecisionError | undefined {
  if (!isWellFormed(principal)) return notWellFormed(`request field \`${FIELDS[0]}\``);
  if (!wellFormedAction(action)) return notWellFormed(`request field \`${FIELDS[1]}\``);
  if (!wellFormedResource(resource)) return notWellFormed(`request field \`${FIELDS[2]}\``);
  return undefined;
}

/** What one context entry is (`checkContextEntry`). */
export const ENTRY_OK = 0;
/** KR0006: the value is not a string or a dense array of strings. */
export const ENTRY_BAD_VALUE = 1;
/** KR0008: the key name is not well-formed Unicode. */
export const ENTRY_BAD_NAME = 2;
/** KR0008: a value is not well-formed Unicode. */
export const ENTRY_BAD_TEXT = 3;

/**
 * The shape of the context entry `name: value`, the `at`-th own entry of its context: ENTRY_OK or
 * ENTRY_BAD_VALUE, and with `text`, ENTRY_BAD_NAME or ENTRY_BAD_TEXT too. Whoever walks a context
 * returns the first ENTRY_BAD_VALUE at once and keeps the first text error for later (KR0006 anywhere
 * comes before KR0008 anywhere): `readContext` here, and the graph's context reader, which checks each
 * entry as it loads it (evaluate/context-reader.ts).
 */
export function checkContextEntry(at: number, name: string, value: unknown, text: boolean): number {
  if (typeof value === "string") {
    if (!text) return ENTRY_OK;
    if (!wellFormedName(at, name)) return ENTRY_BAD_NAME;
    return isWellFormed(value) ? ENTRY_OK : ENTRY_BAD_TEXT;
  }
  if (!Array.isArray(value)) return ENTRY_BAD_VALUE;
  // A hole of a sparse array is no string (`every` would skip it).
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return ENTRY_BAD_VALUE;
  if (!text) return ENTRY_OK;
  if (!wellFormedName(at, name)) return ENTRY_BAD_NAME;
  for (let i = 0; i < value.length; i++) if (!isWellFormed(value[i] as string)) return ENTRY_BAD_TEXT;
  return ENTRY_OK;
}

/** The error of a context entry `checkContextEntry` did not find ENTRY_OK. */
export function contextEntryError(verdict: number, name: string): DecisionError {
  if (verdict === ENTRY_BAD_VALUE) return badValue(name);
  return notWellFormed(verdict === ENTRY_BAD_NAME ? "a context key name" : `the context value of \`${printable(name)}\``);
}

/**
 * One pass over the context: the first KR0006 (a value that is not a string or a dense array of
 * strings), else the first KR0008 (a key name or value that is not well-formed Unicode), else undefined.
 */
function readContext(context: Record<string, unknown>): DecisionError | undefined {
  let textError: DecisionError | undefined;
  // The position of the entry (wellFormedName).
  let at = -1;
  for (const name in context) {
    if (!hasOwn(context, name)) continue;
    at++;
    const verdict = checkContextEntry(at, name, context[name], textError === undefined);
    if (verdict === ENTRY_OK) continue;
    if (verdict === ENTRY_BAD_VALUE) return contextEntryError(verdict, name);
    textError = contextEntryError(verdict, name);
  }
  return textError;
}

/** User text for a message, with lone surrogates made visible (messages must serialize cleanly). */
export function printable(text: string): string {
  return isWellFormed(text) ? text : text.replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function malformed(why: string): DecisionError {
  return requestError(RequestErrorCode.malformedRequest, `malformed request: ${why}`);
}

function badValue(name: string): DecisionError {
  return requestError(RequestErrorCode.badContextValue, `context value of \`${printable(name)}\` must be a string or an array of strings`);
}

function notWellFormed(what: string): DecisionError {
  return requestError(RequestErrorCode.notWellFormedUnicode, `${what} is not well-formed Unicode (a lone surrogate)`);
}
