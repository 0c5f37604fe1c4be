// The bundle as the JSON file it stands for (DESIGN §2), before the oracle walks it: a bundle built in
// code can hold what no file can (a sparse `new Array(2 ** 32 - 1)`, a sub-object shared 2^40 times, a
// cycle, nesting a million deep), and walking it once took 1.4 GB and aborted the process. One bounded
// walk, before any other: every later walk of the bundle is then bounded by what a file holds.
// Written for the oracle on its own (the compiler's bundle-object-text.ts states the same limits).

/** The compiler's limit on a bundle (KC1002): 64 MiB of JSON text, counted here in UTF-16 units. */
const MAX_JSON_UNITS = 64 * 1024 * 1024;

/**
 * Arrays and objects nested deeper than any bundle the compiler accepts: 64 levels of bundle text, and a
 * policy file it names (inlined in the bundle the CLI hands the oracle) 64 more.
 */
const MAX_DEPTH = 128;

/**
 * Why the oracle cannot read `bundle` (KR0013, docs/request-model.md "Errors"), or undefined: its JSON
 * text would be over 64 MiB (the least text of each value is counted, compact and without escapes, so
 * only bundles the compiler refuses too are refused; an array longer than that text can hold is refused
 * before one element is read), or it nests deeper than MAX_DEPTH (a cycle does too). Reads each member
 * once, as JSON.stringify does (own enumerable names; `undefined`, functions and symbols left out of
 * objects, `null` in arrays). Throws if reading it throws (guard-input.ts answers KR0013).
 */
export function unreadableBundle(bundle: unknown): string | undefined {
  let units = 0;
  // INVARIANT: only arrays and objects are pushed, each charged at least 2 units: the stack stays bounded.
  const pending: { value: object; depth: number }[] = [];
  const charge = (value: unknown, depth: number, inArray: boolean): boolean => {
    units += leastUnits(value, inArray);
    if (typeof value !== "object" || value === null) return true;
    if (depth >= MAX_DEPTH) return false;
    pending.push({ value, depth });
    return true;
  };
  const tooDeep = `the bundle cannot be read: arrays and objects nest deeper than ${MAX_DEPTH} levels (or refer to themselves)`;
  const tooLarge = `the bundle cannot be read: it is larger than ${MAX_JSON_UNITS / (1024 * 1024)} MiB as JSON`;
  if (!charge(bundle, 0, false)) return tooDeep;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (Array.isArray(value)) {
      const length = value.length;
      // Each element is at least one character and a comma.
      if (length > (MAX_JSON_UNITS - units) / 2) {
        return 2 * length > MAX_JSON_UNITS ? `the bundle cannot be read: an array of ${length} elements is larger than ${MAX_JSON_UNITS / (1024 * 1024)} MiB as JSON` : tooLarge;
      }
      for (let i = 0; i < length; i++) {
        units += 1;
        if (!charge(value[i], depth + 1, true)) return tooDeep;
        if (units > MAX_JSON_UNITS) return tooLarge;
      }
    } else {
      for (const name of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[name];
        if (leastUnits(member, false) === 0) continue; // JSON leaves the member out
        units += name.length + 4; // "name": and a comma
        if (!charge(member, depth + 1, false)) return tooDeep;
        if (units > MAX_JSON_UNITS) return tooLarge;
      }
    }
  }
  return units > MAX_JSON_UNITS ? tooLarge : undefined;
}

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
