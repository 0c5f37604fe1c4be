// A member written twice in the JSON text of a request or an operation (docs/request-model.md
// "Shapes"): JSON.parse keeps the last one silently, so a service that parses a request with it
// would decide what the CLI refuses (its JSON front end sees every member, compiler/src/bundle),
// and what a proxy reading the first one never saw. Entry points that read request text with
// JSON.parse (examples/embed/server.ts, the playground) call this after it. Dependency-free.
import type { DecisionError } from "../contracts.js";
import { printable } from "./read-shape.js";
import { RequestErrorCode, requestError } from "./request-errors.js";

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;

/**
 * KR0007 for the first member name written twice in one object of `text`, compared as decoded
 * (`"a"` and `"\u0061"` are one name), else undefined. INVARIANT: `text` is JSON (JSON.parse read it).
 */
export function duplicateMemberError(text: string): DecisionError | undefined {
  // The member names met so far in each open object; undefined for an open array.
  const open: (Set<string> | undefined)[] = [];
  let nameNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      if (nameNext) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        const names = open[open.length - 1]!;
        if (names.has(name)) return requestError(RequestErrorCode.malformedRequest, `malformed request: member \`${printable(name)}\` appears twice`);
        names.add(name);
        nameNext = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT) {
      open.push(new Set());
      nameNext = true;
    } else if (c === OPEN_ARRAY) {
      open.push(undefined);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      nameNext = false;
    } else if (c === COMMA) {
      nameNext = open[open.length - 1] !== undefined;
    }
  }
  return undefined;
}
