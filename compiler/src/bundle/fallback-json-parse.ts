// TEMPORARY stand-in for H1's `parseJson` until grammar/src/json/parse.ts lands: a strict JSON
// reader building the same lossless tree, stopping at the first syntax error. Delete it then.
import type { Diagnostic, JsonMember, JsonValue, ParseResult } from "@kms-cedar/grammar";

class Failure extends Error {
  constructor(readonly at: number, readonly why: string) {
    super(why);
  }
}

/** Parses `text`; on a syntax error returns no root and one diagnostic. */
export function fallbackParseJson(text: string): ParseResult {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i] ?? "")) i++;
  };
  const value = (): JsonValue => {
    ws();
    const c = text[i];
    const start = i;
    if (c === "{") {
      i++;
      const members: JsonMember[] = [];
      ws();
      if (text[i] === "}") return { kind: "object", span: { start, end: ++i }, members };
      for (;;) {
        ws();
        if (text[i] !== "\"") throw new Failure(i, "expected a string key");
        const key = string();
        ws();
        if (text[i] !== ":") throw new Failure(i, "expected `:`");
        i++;
        const v = value();
        members.push({ key, value: v, span: { start: key.span.start, end: v.span.end } });
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") return { kind: "object", span: { start, end: ++i }, members };
        throw new Failure(i, "expected `,` or `}`");
      }
    }
    if (c === "[") {
      i++;
      const elements: JsonValue[] = [];
      ws();
      if (text[i] === "]") return { kind: "array", span: { start, end: ++i }, elements };
      for (;;) {
        elements.push(value());
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") return { kind: "array", span: { start, end: ++i }, elements };
        throw new Failure(i, "expected `,` or `]`");
      }
    }
    if (c === "\"") return string();
    for (const [word, node] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        const span = { start, end: i };
        return node === null ? { kind: "null", span } : { kind: "boolean", span, value: node };
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return { kind: "number", span: { start, end: i }, raw: number[0], value: Number(number[0]) };
    }
    throw new Failure(i, i >= text.length ? "unexpected end of input" : "unexpected character");
  };
  const string = () => {
    const start = i;
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (!match) throw new Failure(i, "invalid string");
    i += match[0].length;
    return { kind: "string" as const, span: { start, end: i }, raw: match[0], value: JSON.parse(match[0]) as string };
  };
  try {
    const root = value();
    ws();
    if (i < text.length) throw new Failure(i, "unexpected content after the document");
    return { root, diagnostics: [] };
  } catch (failure) {
    if (!(failure instanceof Failure)) throw failure;
    const diagnostic: Diagnostic = {
      code: "KC1006", severity: "error", message: failure.why,
      span: { start: failure.at, end: Math.min(failure.at + 1, text.length) },
    };
    return { root: undefined, diagnostics: [diagnostic] };
  }
}
