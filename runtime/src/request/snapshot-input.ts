// One reading of an input (docs/request-model.md "Shapes"). An input built in code may have getters
// or be a Proxy, whose answers can change from one read to the next. An engine that reads a value
// twice can then decide on two values at once: with a context value read "public" by the statement
// tests and "secret" by grant matching, every engine once said Allow where neither value allows.
// So each engine decides on one reading: the graph's load reads a request's members and context
// entries once itself (evaluate/context-reader.ts); the other engines, and the graph for an operation,
// decide on this snapshot. It reads each member and each context value once, in the order the graph's
// load reads them (principal, action, resource, context, then each entry, an array's length and then
// its elements), and keeps all that the shape reader judges (read-shape.ts): own members as own, the
// names of inherited enumerable members (stray members, never read) on a prototype of their own,
// other values as they are. A snapshot of plain data reads the same as the data.
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/**
 * The prototype of a copy whose input inherits no enumerable member. PERF: one shared prototype, so
 * copies share their hidden classes (a fresh prototype per copy made new ones each time: ~4 KB a
 * Cedar decision, and megamorphic reads of the copies).
 */
const NO_INHERITED: object = Object.freeze(Object.create(null) as object);
const FIELDS = ["principal", "action", "resource", "context"] as const;

/** The input as one reading saw it (see above). It throws when the input's reading throws. */
export function snapshotInput(input: unknown): unknown {
  if (!isObject(input)) return input;
  return isOperationInput(input) ? snapshotOperation(input) : snapshotRequest(input);
}

/** Whether the input is read as an operation: an object with an own `operation` or `checks` (DESIGN §2). */
export function isOperationInput(input: unknown): boolean {
  return isObject(input) && (hasOwn(input, "operation") || hasOwn(input, "checks"));
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function snapshotOperation(input: object): object {
  const copy = withNamesOf(input, ["operation", "checks"]);
  if (hasOwn(input, "operation")) copy["operation"] = (input as Record<string, unknown>)["operation"];
  if (hasOwn(input, "checks")) {
    const checks = (input as Record<string, unknown>)["checks"];
    copy["checks"] = Array.isArray(checks) ? copyArray(checks, isObject).map((c) => (isObject(c) ? snapshotRequest(c) : c)) : checks;
  }
  return copy;
}

function snapshotRequest(request: object): object {
  const copy = withNamesOf(request, FIELDS);
  // Read in the order of the graph's load (create-authorizer.ts): the three fields, then the context.
  for (const name of FIELDS) if (hasOwn(request, name)) copy[name] = (request as Record<string, unknown>)[name];
  const context = copy["context"];
  if (isObject(context)) copy["context"] = snapshotContext(context);
  return copy;
}

/** A context's own entries, each value read once (an array's elements too). No prototype: its names are data. */
function snapshotContext(context: object): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>;
  // Every reader skips inherited entries: they are not read.
  for (const name in context) {
    if (!hasOwn(context, name)) continue;
    const value: unknown = (context as Record<string, unknown>)[name];
    copy[name] = Array.isArray(value) ? copyStrings(value) : value;
  }
  return copy;
}

/**
 * The most elements an array of a request is read to (a context value's, an operation's checks): more than
 * a JSON request within the 64 MiB input limit can hold. A longer one (a sparse `new Array(2 ** 32 - 1)`, a
 * Proxy's length) reads as one hole, which no reader accepts: no engine allocates or loops that far.
 */
const MAX_ELEMENTS = 2 ** 25;

/**
 * Up to this length a context value's copy is allocated at once (PERF: the usual short list); a longer one
 * grows as it is read, so an array that says 2^25 elements and holds none past the first costs one slot,
 * not a 256 MB allocation (`new Array(2 ** 25)` took 243 ms and 268 MB here).
 */
const PREALLOCATED = 64;

/**
 * An array read once: its length, then each element (a hole reads as undefined, which no reader
 * accepts, as it rejects the hole). By index, not by iterator or `slice`, which an array subclass or
 * a Proxy could answer otherwise. Reading stops after the first element that is not `isElement`: every
 * reader rejects the array there, whatever follows (a string for a context value, an object for a check).
 */
export function copyArray(array: readonly unknown[], isElement: (value: unknown) => boolean): unknown[] {
  const n = array.length;
  if (!(n <= MAX_ELEMENTS)) return [undefined];
  const copy: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const value = array[i];
    copy.push(value);
    if (!isElement(value)) break;
  }
  return copy;
}

/**
 * `copyArray(array, isString)` for a context value, written out: the graph reads one per array entry
 * of every request (PERF: a callback per element and `push` cost the seed decision ~5%, in-process A/B).
 */
export function copyStrings(array: readonly unknown[]): unknown[] {
  const n = array.length;
  if (!(n <= MAX_ELEMENTS)) return [undefined];
  const copy = new Array<unknown>(n <= PREALLOCATED ? n : 0);
  for (let i = 0; i < n; i++) {
    const value = array[i];
    copy[i] = value;
    if (typeof value !== "string") {
      copy.length = i + 1;
      break;
    }
  }
  return copy;
}

/**
 * An object with `input`'s enumerable member names, as a for-in loop lists them: own names other than
 * `known` as own members (their values are never read: any is an error), inherited ones on a prototype
 * that holds only their names. Known members are set by the caller, if own.
 */
function withNamesOf(input: object, known: readonly string[]): Record<string, unknown> {
  let inherited: Record<string, unknown> | undefined;
  const own: string[] = [];
  for (const name in input) {
    if (hasOwn(input, name)) {
      if (!known.includes(name)) own.push(name);
    } else (inherited ??= Object.create(null) as Record<string, unknown>)[name] = undefined;
  }
  const copy = Object.create(inherited ?? NO_INHERITED) as Record<string, unknown>;
  for (const name of own) Object.defineProperty(copy, name, { value: undefined, enumerable: true, writable: true, configurable: true });
  return copy;
}
