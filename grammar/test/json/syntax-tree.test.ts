// The lossless tree: spans (UTF-16, end exclusive), spelling, member order, duplicates, partial
// trees after errors, limits, and toPlainValue. Expected values are written from the input text.
import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/json/parse.js";
import type { JsonArray, JsonObject, JsonString, JsonValue } from "../../src/json/syntax-tree.js";
import { toPlainValue } from "../../src/json/to-plain.js";

const at = (text: string, node: { span: { start: number; end: number } }): string =>
  text.slice(node.span.start, node.span.end);

function parseOk(text: string): JsonValue {
  const { root, diagnostics } = parseJson(text);
  expect(diagnostics).toEqual([]);
  expect(root).toBeDefined();
  return root!;
}

describe("spans and spelling", () => {
  const text = '{\n  "Sid" : "A\\u0041",\n  "Action": ["kms:Decrypt", "kms:*"],\n  "N": -1.50e+2, "T": true, "F": false, "Z": null\n}';
  const root = parseOk(text) as JsonObject;

  it("keeps every member in source order with key, value and member spans", () => {
    expect(root.kind).toBe("object");
    expect(at(text, root)).toBe(text);
    expect(root.members.map((m) => m.key.value)).toEqual(["Sid", "Action", "N", "T", "F", "Z"]);
    const sid = root.members[0]!;
    expect(at(text, sid.key)).toBe('"Sid"');
    expect(at(text, sid)).toBe('"Sid" : "A\\u0041"');
    expect(at(text, sid.value!)).toBe('"A\\u0041"');
  });

  it("keeps the raw spelling of strings and numbers next to their values", () => {
    const sid = root.members[0]!.value as JsonString;
    expect(sid.raw).toBe('"A\\u0041"');
    expect(sid.value).toBe("AA");
    const n = root.members[2]!.value!;
    expect(n).toEqual({ kind: "number", span: n.span, raw: "-1.50e+2", value: -150 });
    expect(root.members[3]!.value).toMatchObject({ kind: "boolean", value: true });
    expect(root.members[4]!.value).toMatchObject({ kind: "boolean", value: false });
    expect(root.members[5]!.value).toMatchObject({ kind: "null" });
    expect(at(text, root.members[5]!.value!)).toBe("null");
  });

  it("tells a string from an array of strings", () => {
    const action = root.members[1]!.value as JsonArray;
    expect(action.kind).toBe("array");
    expect(at(text, action)).toBe('["kms:Decrypt", "kms:*"]');
    expect(action.elements.map((e) => at(text, e))).toEqual(['"kms:Decrypt"', '"kms:*"']);
  });

  it("measures spans in UTF-16 code units", () => {
    const t = '{"😀é": "x"}';
    const o = parseOk(t) as JsonObject;
    expect(at(t, o.members[0]!.key)).toBe('"😀é"');
    expect(o.members[0]!.key.span).toEqual({ start: 1, end: 6 });
    expect(at(t, o.members[0]!.value!)).toBe('"x"');
  });

  it("decodes every escape as JSON.parse does, lone surrogates included (which are reported)", () => {
    const t = '["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00", "\\ud800", "\\udc00x"]';
    const { root, diagnostics } = parseJson(t);
    expect(diagnostics.map((d) => [d.code, at(t, d)])).toEqual([["KC1025", "\\ud800"], ["KC1025", "\\udc00"]]);
    expect((root as JsonArray).elements.map((e) => (e as JsonString).value)).toEqual(JSON.parse(t));
  });
});

describe("duplicates and partial trees", () => {
  it("keeps duplicate members (and reports them)", () => {
    const t = '{"b": 1, "a": 2, "b": 3}';
    const { root, diagnostics } = parseJson(t);
    expect(diagnostics.map((d) => d.code)).toEqual(["KC1024"]);
    expect((root as JsonObject).members.map((m) => [m.key.value, at(t, m.value!)])).toEqual([
      ["b", "1"], ["a", "2"], ["b", "3"],
    ]);
    expect(toPlainValue(root!)).toEqual({ b: 3, a: 2 });
  });

  it("leaves a missing value undefined and keeps parsing", () => {
    const t = '{"a": , "b": [1, , 2], "c": "x"}';
    const { root } = parseJson(t);
    const o = root as JsonObject;
    expect(o.members.map((m) => m.key.value)).toEqual(["a", "b", "c"]);
    expect(o.members[0]!.value).toBeUndefined();
    expect(at(t, o.members[0]!)).toBe('"a"');
    expect((o.members[1]!.value as JsonArray).elements.map((e) => at(t, e))).toEqual(["1", "2"]);
    expect(toPlainValue(o)).toEqual({ b: [1, 2], c: "x" });
  });

  it("builds what precedes an unclosed container", () => {
    const t = '{"a": [1, 2';
    const { root } = parseJson(t);
    const a = (root as JsonObject).members[0]!.value as JsonArray;
    expect(a.elements.map((e) => at(t, e))).toEqual(["1", "2"]);
    expect(at(t, a)).toBe("[1, 2");
    expect(at(t, root!)).toBe(t);
  });

  it("has no root for an empty document or one over the size limit", () => {
    expect(parseJson("").root).toBeUndefined();
    expect(parseJson(" \n").root).toBeUndefined();
    expect(parseJson('"abc"', { maxBytes: 4 }).root).toBeUndefined();
    expect(parseJson('"abc"', { maxBytes: 5 }).root).toMatchObject({ kind: "string", value: "abc" });
  });

  it("still builds the tree after a byte order mark, comments or a bad token", () => {
    const t = '\uFEFF{ /* c */ "a": 1, "b": NaN, "c": 2 } // end';
    const { root, diagnostics } = parseJson(t);
    expect(diagnostics.map((d) => d.code)).toEqual(["KC1004", "KC1008", "KC1007", "KC1008"]);
    expect(toPlainValue(root!)).toEqual({ a: 1, c: 2 });
  });
});

describe("limits", () => {
  it("accepts exactly 32 768 bytes and rejects one more by default", () => {
    const fill = (n: number): string => `"${"x".repeat(n - 2)}"`;
    expect(parseJson(fill(32_768)).diagnostics).toEqual([]);
    expect(parseJson(fill(32_769)).diagnostics.map((d) => d.code)).toEqual(["KC1002"]);
    expect(parseJson(fill(40_000), { maxBytes: Infinity }).diagnostics).toEqual([]);
  });

  it("accepts 64 levels of nesting and reports the 65th by default, once", () => {
    const nest = (n: number): string => "[".repeat(n) + "]".repeat(n);
    expect(parseJson(nest(64)).diagnostics).toEqual([]);
    const deep = nest(200);
    const seen = parseJson(deep).diagnostics;
    expect(seen.map((d) => [d.code, d.span.start])).toEqual([["KC1003", 64]]);
  });

  it("stays quick and does not overflow on very deep or very long input", () => {
    const start = performance.now();
    const deep = "[".repeat(100_000);
    expect(parseJson(deep, { maxBytes: Infinity }).diagnostics.map((d) => [d.code, d.span.start])).toEqual([
      ["KC1022", 63], ["KC1003", 64],
    ]);
    const stray = "]}".repeat(50_000);
    expect(parseJson(stray, { maxBytes: Infinity }).diagnostics.length).toBe(100_000);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe("shared state between calls", () => {
  it("a result stays valid after later parses, and a short text after a long one reads nothing stale", () => {
    const long = '{"Statement": [{"Effect": "Allow", "Action": "kms:*"}], "Id": "x"}';
    const first = parseJson(long);
    const second = parseJson('{"a"');
    parseJson('["é", 1]');
    expect(toPlainValue(first.root!)).toEqual(JSON.parse(long));
    expect(second.diagnostics.map((d) => d.code)).toEqual(["KC1018"]);
    expect(parseJson('"ab').diagnostics.map((d) => d.code)).toEqual(["KC1010"]);
    // Found by a soak run: a stray colon at the top level after one in an earlier document.
    expect(parseJson('"a": 1').diagnostics.map((d) => d.code)).toEqual(["KC1021"]);
    expect(parseJson('"a": 1').diagnostics.map((d) => d.code)).toEqual(["KC1021"]);
  });
});

describe("toPlainValue", () => {
  it("matches JSON.parse, __proto__ included", () => {
    const t = '{"__proto__": {"x": 1}, "a": [1, "2", true, null, {"b": -0}], "1": 0}';
    const plain = toPlainValue(parseOk(t));
    expect(plain).toStrictEqual(JSON.parse(t));
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });
});
