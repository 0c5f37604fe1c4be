// The bundle as the JSON file it stands for (DESIGN §2), before the oracle walks it: a bundle built in
// code can hold what no file can (a sparse `new Array(2 ** 32 - 1)`, a sub-object shared 2^40 times, a
// cycle, nesting a million deep), and walking it once took 1.4 GB and aborted the process. One bounded
// walk, before any other, reads it into a copy: every later walk is then of a copy no bigger than a file.
// Written for the oracle on its own (the compiler's bundle-object-text.ts states the same limits).

/** The compiler's limit on a bundle (KC1002): 64 MiB of JSON text, counted here in UTF-16 units. */
const MAX_JSON_UNITS = 64 * 1024 * 1024;

/**
 * Arrays and objects nested deeper than any bundle the compiler accepts: 64 levels of bundle text, and a
 * policy file it names (inlined in the bundle the CLI hands the oracle) 64 more.
 */
const MAX_DEPTH = 128;

/**
 * The bundle read once, as the JSON file it stands for, or why the oracle cannot read it (KR0013,
 * docs/request-model.md "Errors"): its JSON text would be over 64 MiB (the least text of each value is
 * counted, compact and without escapes, so only bundles the compiler refuses too are refused; an array
 * longer than that text can hold is refused before one element is read), or it nests deeper than
 * MAX_DEPTH (a cycle does too). Reads each member once, as JSON.stringify does (own enumerable names;
 * `undefined`, functions and symbols left out of objects, `null` in arrays, a hole too), into a copy the
 * oracle decides on: a getter or a Proxy answering differently each time it is read cannot make the
 * oracle combine two answers (a Deny read by one pass, an Allow by the next). The copy's members are
 * defined as JSON.parse defines them (`__proto__` is an own member, no setter runs). Throws if reading
 * the bundle throws (guard-input.ts answers KR0013).
 */
export function readBundleOnce(bundle: unknown): { readonly bundle: unknown } | { readonly why: string } {
  let units = 0;
  // INVARIANT: only arrays and objects are pushed, each charged at least 2 units: the stack stays bounded.
  const pending: { source: object; copy: unknown[] | Record<string, unknown>; depth: number }[] = [];
  const tooDeep = { why: `the bundle cannot be read: arrays and objects nest deeper than ${MAX_DEPTH} levels (or refer to themselves)` };
  const tooLarge = { why: `the bundle cannot be read: it is larger than ${MAX_JSON_UNITS / (1024 * 1024)} MiB as JSON` };
  // The copy of `value` (read once by the caller): a primitive as it is, an array or object as an empty
  // container, filled when popped; TOO_DEEP past MAX_DEPTH.
  const take = (value: unknown, depth: number, inArray: boolean): unknown => {
    units += leastUnits(value, inArray);
    if (typeof value !== "object" || value === null) return typeof value === "function" || typeof value === "symbol" || value === undefined ? null : value;
    if (depth >= MAX_DEPTH) return TOO_DEEP;
    const copy: unknown[] | Record<string, unknown> = Array.isArray(value) ? [] : {};
    pending.push({ source: value, copy, depth });
    return copy;
  };
  const root = take(bundle, 0, false);
  if (root === TOO_DEEP) return tooDeep;
  while (pending.length > 0) {
    const { source, copy, depth } = pending.pop()!;
    if (Array.isArray(source)) {
      const length = source.length;
      // Each element is at least one character and a comma.
      if (length > (MAX_JSON_UNITS - units) / 2) {
        return 2 * length > MAX_JSON_UNITS ? { why: `the bundle cannot be read: an array of ${length} elements is larger than ${MAX_JSON_UNITS / (1024 * 1024)} MiB as JSON` } : tooLarge;
      }
      const out = copy as unknown[];
      for (let i = 0; i < length; i++) {
        units += 1;
        const element = take(source[i], depth + 1, true);
        if (element === TOO_DEEP) return tooDeep;
        out.push(element);
        if (units > MAX_JSON_UNITS) return tooLarge;
      }
    } else {
      for (const name of Object.keys(source)) {
        const member = (source as Record<string, unknown>)[name];
        if (leastUnits(member, false) === 0) continue; // JSON leaves the member out
        units += name.length + 4; // "name": and a comma
        const value = take(member, depth + 1, false);
        if (value === TOO_DEEP) return tooDeep;
        Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
        if (units > MAX_JSON_UNITS) return tooLarge;
      }
    }
  }
  return units > MAX_JSON_UNITS ? tooLarge : { bundle: root };
}

/** What `take` answers past MAX_DEPTH (a value no bundle holds). */
const TOO_DEEP: unique symbol = Symbol("too deep");

/** The fewest UTF-16 units of `value`'s JSON text, brackets only for an array or object; 0 when JSON leaves it out. */
function leastUnits(value: unknown, inArray: boolean): number {
  switch (typeof value) {
    case "string": return value.length + 2;
    case "number": case "bigint": return 1;
    case "boolean": return 4;
    case "undefined": case "function": case "symbol": return inArray ? 4 : 0;
    default: return value === null ? 4 : 2;
  }
}
