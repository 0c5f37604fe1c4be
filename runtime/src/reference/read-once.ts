// The oracle decides on one reading of its input (docs/request-model.md "Shapes"). An input built in
// code may have getters or be a Proxy answering differently each time it is read; the oracle reads a
// context value once per condition that tests it, so without this it could combine two answers into
// an Allow that neither gives. This copy reads every member and every context value once, in the
// order the engines read them (principal, action, resource, context; then each own entry, an array's
// length and each of its elements), and keeps what the shape rules look at: which members are own,
// and the names of inherited enumerable ones (never their values). Plain data reads the same copied.
// Written for the oracle on its own (it shares no code with the engines).

const own = (o: object, name: string): boolean => Object.prototype.hasOwnProperty.call(o, name);
const isRecord = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);
/** The prototype of a copy of an input that inherits no enumerable member: one, shared (fewer hidden classes). */
const NONE_INHERITED: object = Object.freeze(Object.create(null) as object);

/** The input as read once (see above); throws if reading it throws (guard-input.ts answers KR0007). */
export function readOnce(input: unknown): unknown {
  if (!isRecord(input)) return input;
  if (!own(input, "operation") && !own(input, "checks")) return requestOnce(input);
  const copy = namesOf(input, ["operation", "checks"]);
  const source = input as Record<string, unknown>;
  if (own(input, "operation")) copy.operation = source.operation;
  if (own(input, "checks")) {
    // A check is read as a request (one that is an operation is malformed anyway): no recursion.
    const checks = source.checks;
    copy.checks = Array.isArray(checks) ? elements(checks, isRecord).map((c) => (isRecord(c) ? requestOnce(c) : c)) : checks;
  }
  return copy;
}

function requestOnce(input: object): Record<string, unknown> {
  const copy = namesOf(input, ["principal", "action", "resource", "context"]);
  const source = input as Record<string, unknown>;
  for (const name of ["principal", "action", "resource", "context"]) if (own(input, name)) copy[name] = source[name];
  if (isRecord(copy.context)) {
    const context = copy.context as Record<string, unknown>;
    const entries = Object.create(null) as Record<string, unknown>;
    for (const name in context) {
      if (!own(context, name)) continue;
      const value = context[name];
      entries[name] = Array.isArray(value) ? elements(value, (v) => typeof v === "string") : value;
    }
    copy.context = entries;
  }
  return copy;
}

/** More elements than a JSON request within the 64 MiB input limit can hold: such an array reads as one hole. */
const MAX_ELEMENTS = 2 ** 25;

/**
 * An array's elements, by index (its length read once; a hole reads as undefined), up to the first that is
 * not `wanted` (the shape rules refuse the array there, whatever follows). A sparse `new Array(2 ** 32 - 1)`
 * or a Proxy's length is never walked: over MAX_ELEMENTS, one hole.
 */
function elements(array: readonly unknown[], wanted: (value: unknown) => boolean): unknown[] {
  const length = array.length;
  if (!(length <= MAX_ELEMENTS)) return [undefined];
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const value = array[i];
    out.push(value);
    if (!wanted(value)) break;
  }
  return out;
}

/** A fresh object with `input`'s enumerable member names: own ones (besides `known`) own, inherited ones inherited. */
function namesOf(input: object, known: readonly string[]): Record<string, unknown> {
  let inherited: Record<string, unknown> | undefined;
  const strays: string[] = [];
  for (const name in input) {
    if (!own(input, name)) (inherited ??= Object.create(null) as Record<string, unknown>)[name] = undefined;
    else if (!known.includes(name)) strays.push(name);
  }
  const copy = Object.create(inherited ?? NONE_INHERITED) as Record<string, unknown>;
  for (const name of strays) Object.defineProperty(copy, name, { value: undefined, enumerable: true, writable: true, configurable: true });
  return copy;
}
