// The JSON text of a bundle object (what `compileBundle` is given in code), so that the object is
// loaded exactly as the bundle file it stands for (DESIGN §2: a bundle is a JSON file): the same
// members, the same checks, the same codes. The object was once read on a path of its own, which
// ignored what the file loader refuses: a misspelled `organization` compiled without its SCPs and
// allowed what they deny.
//
// The object is user data built in code, so it is read once, here, and never again: each member
// once (a getter answers once), in JSON.stringify's order and with its rules (own enumerable string
// keys; `undefined`, functions and symbols left out of objects and `null` in arrays; a non-finite
// number is `null`), except that `toJSON` is not called (a bundle is data). Whatever JSON cannot
// hold is refused, never thrown: a value whose reading throws (a getter, a Proxy), a cycle, a BigInt.
// So are inputs no file could be: nesting deeper than the JSON front end accepts, and text beyond its
// size limit — the limit is checked as the text grows, so an object that shares one sub-object many
// times over (2^40 leaves from 40 arrays) is refused at the limit, never expanded. Phase: bundle loading.
import { DEFAULT_MAX_DEPTH } from "@kms-cedar/grammar";
import { LARGE_FILE_BYTES } from "./json-front-end.js";

/** The pretty-printed JSON text of `value`, or why there is none. */
export type ObjectText = { readonly text: string } | { readonly refused: "too-deep" | "too-large" | "unreadable"; readonly message: string };

class Refused extends Error {
  constructor(readonly reason: "too-deep" | "too-large", message: string) {
    super(message);
  }
}

/** Reads `value` once into JSON text (2-space indentation, as `JSON.stringify(value, null, 2)`). */
export function bundleObjectText(value: unknown): ObjectText {
  // PERF: one string grown by `+=` (V8 keeps it as a rope until it is read): on the organisation-scale
  // bundle (6.5 MB of text) the graph-only compile took ~0.3 s less than with an array of parts joined.
  let out = "";
  const onPath = new Set<object>();
  const emit = (text: string): void => {
    out += text;
    // UTF-16 units, a lower bound of the UTF-8 bytes the front end counts: over it, no file is read.
    if (out.length > LARGE_FILE_BYTES) throw new Refused("too-large", `the bundle is larger than ${LARGE_FILE_BYTES / (1024 * 1024)} MiB as JSON`);
  };
  // Recursion is bounded by the depth check (DEFAULT_MAX_DEPTH levels), so it cannot overflow.
  const write = (item: unknown, depth: number, inArray: boolean): boolean => {
    switch (typeof item) {
      case "string": emit(JSON.stringify(item)); return true;
      case "number": emit(Number.isFinite(item) ? String(item) : "null"); return true;
      case "boolean": emit(item ? "true" : "false"); return true;
      case "bigint": throw new TypeError("a BigInt is no JSON value");
      case "undefined": case "function": case "symbol":
        if (inArray) emit("null");
        return inArray;
    }
    if (item === null) {
      emit("null");
      return true;
    }
    const object = item as object;
    if (depth >= DEFAULT_MAX_DEPTH) throw new Refused("too-deep", `arrays and objects nest deeper than ${DEFAULT_MAX_DEPTH} levels`);
    if (onPath.has(object)) throw new TypeError("the bundle refers to itself (a cycle)");
    onPath.add(object);
    const indent = "\n" + "  ".repeat(depth + 1);
    if (Array.isArray(object)) {
      const n = object.length;
      emit("[");
      for (let i = 0; i < n; i++) {
        emit(i === 0 ? indent : `,${indent}`);
        write(object[i], depth + 1, true);
      }
      emit(n === 0 ? "]" : `\n${"  ".repeat(depth)}]`);
    } else {
      emit("{");
      let written = 0;
      for (const key of Object.keys(object)) {
        const before = out;
        emit(`${written === 0 ? indent : `,${indent}`}${JSON.stringify(key)}: `);
        if (write((object as Record<string, unknown>)[key], depth + 1, false)) written++;
        else out = before; // a member JSON leaves out
      }
      emit(written === 0 ? "}" : `\n${"  ".repeat(depth)}}`);
    }
    onPath.delete(object);
    return true;
  };
  try {
    if (!write(value, 0, false)) return { text: "null" };
    return { text: out };
  } catch (e) {
    if (e instanceof Refused) return { refused: e.reason, message: e.message };
    return { refused: "unreadable", message: `the bundle object cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
