// TEST-ONLY stand-in for the grammar's parseJson while it is being written: a strict recursive-descent
// JSON reader that builds the same lossless tree (spans, raw spellings, duplicate members kept).
// It throws on malformed input: tests only feed it well-formed JSON.
import type { JsonMember, JsonString, JsonValue } from "@kms-cedar/grammar";

export function tinyJson(text: string): JsonValue {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\n\r".includes(text[i]!)) i++; };
  const fail = (what: string): never => { throw new Error(`tinyJson: ${what} at ${i}`); };
  const str = (): JsonString => {
    const start = i;
    i++;
    let value = "";
    while (text[i] !== '"') {
      if (i >= text.length) fail("unterminated string");
      if (text[i] === "\\") {
        const e = text[i + 1]!;
        if (e === "u") { value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
        value += ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e;
        i += 2;
        continue;
      }
      value += text[i++];
    }
    i++;
    return { kind: "string", span: { start, end: i }, value, raw: text.slice(start, i) };
  };
  const val = (): JsonValue => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const members: JsonMember[] = [];
      ws();
      if (text[i] === "}") { i++; return { kind: "object", span: { start, end: i }, members }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected key");
        const key = str();
        ws();
        if (text[i++] !== ":") fail("expected colon");
        const value = val();
        members.push({ key, value, span: { start: key.span.start, end: value.span.end } });
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i++] !== "}") fail("expected }");
        return { kind: "object", span: { start, end: i }, members };
      }
    }
    if (c === "[") {
      i++;
      const elements: JsonValue[] = [];
      ws();
      if (text[i] === "]") { i++; return { kind: "array", span: { start, end: i }, elements }; }
      for (;;) {
        elements.push(val());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i++] !== "]") fail("expected ]");
        return { kind: "array", span: { start, end: i }, elements };
      }
    }
    if (c === '"') return str();
    for (const [word, node] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node === null ? { kind: "null", span: { start, end: i } } : { kind: "boolean", span: { start, end: i }, value: node };
      }
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/u.exec(text.slice(i));
    if (m === null) return fail("unexpected character");
    i += m[0].length;
    return { kind: "number", span: { start, end: i }, raw: m[0], value: Number(m[0]) };
  };
  const root = val();
  ws();
  if (i !== text.length) fail("trailing text");
  return root;
}
