// Converts a syntax tree value to the plain value JSON.parse would give for the same text (the last
// of duplicate keys wins; members and elements that error recovery could not build are left out).
// Phase: grammar (a convenience for tests and for code that wants plain data).
import type { JsonValue } from "./syntax-tree.js";

/** The plain JavaScript value of `node`, as `JSON.parse` would build it. */
export function toPlainValue(node: JsonValue): unknown {
  switch (node.kind) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const member of node.members) {
        if (member.value === undefined) continue;
        const key = member.key.value;
        const value = toPlainValue(member.value);
        // `__proto__` must become an own property, as JSON.parse makes it, not the prototype.
        if (key === "__proto__") {
          Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
        } else result[key] = value;
      }
      return result;
    }
    case "array":
      return node.elements.map(toPlainValue);
    case "string":
    case "number":
    case "boolean":
      return node.value;
    case "null":
      return null;
  }
}
