// Every JSON front-end code fires, with the expected underlined text (STYLE.md "Diagnostics").
// Expected values are written from the JSON grammar (RFC 8259) and the messages' intent.
import { describe, expect, it } from "vitest";
import { JSON_DIAGNOSTICS, JsonCode } from "../../src/json/diagnostic-codes.js";
import { parseJson } from "../../src/json/parse.js";
import { diagnose } from "./helpers.js";

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  /** What the diagnostic underlines. */
  readonly underlined: string;
  /** Where the underline starts, when the text occurs more than once. */
  readonly start?: number;
  readonly options?: { maxBytes?: number; maxDepth?: number };
}

const CASES: readonly Case[] = [
  { name: "empty text", text: "", code: "KC1001", underlined: "" },
  { name: "only whitespace", text: "  \n\t ", code: "KC1001", underlined: "  \n\t " },
  { name: "over maxBytes", text: '{"a":"bcdefghij"}', code: "KC1002", underlined: 'fghij"}', options: { maxBytes: 10 } },
  // "é" takes two bytes: bytes 0-9 are `{"é":"bcd`, the 11th byte is `e`.
  { name: "over maxBytes, multi-byte", text: '{"é":"bcdefg"}', code: "KC1002", underlined: 'efg"}', options: { maxBytes: 10 } },
  { name: "deeper than maxDepth", text: "[[[1]], 2]", code: "KC1003", underlined: "[", start: 2, options: { maxDepth: 2 } },
  { name: "byte order mark", text: "\uFEFF{}", code: "KC1004", underlined: "\uFEFF" },
  { name: "second value after the root", text: "{} {}", code: "KC1005", underlined: "{", start: 3 },
  { name: "stray character", text: '{"a": 1 @}', code: "KC1006", underlined: "@" },
  { name: "no-break space", text: '{"a":\u00a01}', code: "KC1006", underlined: "\u00a0" },
  { name: "control character outside strings", text: "[1,\u00012]", code: "KC1006", underlined: "\u0001" },
  { name: "NaN", text: '{"a": NaN}', code: "KC1007", underlined: "NaN" },
  { name: "capitalised literal", text: "[True]", code: "KC1007", underlined: "True" },
  { name: "unquoted key", text: "{a: 1}", code: "KC1007", underlined: "a" },
  { name: "unquoted ARN", text: '{"a": arn:aws:iam::1:root}', code: "KC1007", underlined: "arn:aws:iam::1:root" },
  { name: "missing opening quote", text: '{"Sid": abc", "x": 1}', code: "KC1007", underlined: 'abc"' },
  { name: "line comment", text: "{} // note", code: "KC1008", underlined: "// note" },
  { name: "block comment", text: "/* c */ {}", code: "KC1008", underlined: "/* c */" },
  { name: "single quotes", text: "{'a': 1}", code: "KC1009", underlined: "'a'" },
  { name: "unterminated string", text: '{"a": "bc\n}', code: "KC1010", underlined: '"bc' },
  { name: "unterminated string at the end", text: '["abc', code: "KC1010", underlined: '"abc' },
  { name: "tab in string", text: '["a\tb"]', code: "KC1011", underlined: "\t" },
  { name: "invalid escape", text: '["a\\qb"]', code: "KC1012", underlined: "\\q" },
  { name: "short unicode escape", text: '["\\u12G4"]', code: "KC1013", underlined: "\\u12" },
  { name: "leading zero", text: "[01]", code: "KC1014", underlined: "01" },
  { name: "plus sign", text: "[+1]", code: "KC1014", underlined: "+1" },
  { name: "no digit before the point", text: "[.5]", code: "KC1014", underlined: ".5" },
  { name: "no digit after the point", text: "[1.]", code: "KC1014", underlined: "1." },
  { name: "empty exponent", text: "[1e]", code: "KC1014", underlined: "1e" },
  { name: "hexadecimal", text: "[0x1F]", code: "KC1014", underlined: "0x1F" },
  { name: "missing comma between members", text: '{"a": 1 "b": 2}', code: "KC1015", underlined: '"b"' },
  { name: "missing comma between elements", text: "[1 2]", code: "KC1015", underlined: "2" },
  { name: "semicolon for comma", text: '{"a": 1; "b": 2}', code: "KC1015", underlined: ";" },
  { name: "trailing comma in array", text: "[1,]", code: "KC1016", underlined: "," },
  { name: "trailing comma in object", text: '{"a": 1,}', code: "KC1016", underlined: "," },
  { name: "double comma", text: "[1,,2]", code: "KC1017", underlined: ",", start: 3 },
  { name: "leading comma", text: "[,1]", code: "KC1017", underlined: "," },
  { name: "missing colon", text: '{"a" 1}', code: "KC1018", underlined: "1" },
  { name: "equals for colon", text: '{"a" = 1}', code: "KC1018", underlined: "=" },
  { name: "missing value", text: '{"a": }', code: "KC1019", underlined: "}" },
  { name: "missing value before a comma", text: '{"a": , "b": 1}', code: "KC1019", underlined: "," },
  { name: "no root value", text: ",", code: "KC1019", underlined: "," },
  { name: "number as key", text: "{1: 2}", code: "KC1020", underlined: "1" },
  { name: "object where a key belongs", text: '{"a": 1, {"b": 2}}', code: "KC1020", underlined: "{", start: 9 },
  { name: "colon in array", text: '["a": 1]', code: "KC1021", underlined: ":" },
  { name: "unclosed array before `}`", text: '{"a": [1, 2}', code: "KC1022", underlined: "}" },
  { name: "unclosed object at the end", text: '{"a": 1', code: "KC1022", underlined: "{" },
  { name: "extra closing brace", text: '{"a": 1}}', code: "KC1023", underlined: "}", start: 8 },
  { name: "extra brace closing the root early", text: '{"a": {"b": 1}}, "c": 2}', code: "KC1023", underlined: "}", start: 14 },
  { name: "duplicate key", text: '{"a": 1, "a": 2}', code: "KC1024", underlined: '"a"', start: 9 },
  { name: "duplicate key after decoding escapes", text: '{"a": 1, "\\u0061": 2}', code: "KC1024", underlined: '"\\u0061"' },
  { name: "escaped lone high surrogate", text: '["a\\ud800b"]', code: "KC1025", underlined: "\\ud800" },
  { name: "escaped lone low surrogate in a key", text: '{"\\udc00": 1}', code: "KC1025", underlined: "\\udc00" },
  { name: "escaped surrogates in the wrong order", text: '["\\udc00\\ud800"]', code: "KC1025", underlined: "\\udc00" },
  { name: "high surrogate escape at the end", text: '["x\\n\\udbff"]', code: "KC1025", underlined: "\\udbff" },
  { name: "raw lone surrogate", text: '["ab\ud800"]', code: "KC1025", underlined: "\ud800" },
  { name: "raw low half after an escaped high half of another pair", text: '["\\ud83d\\ude00\udc00"]', code: "KC1025", underlined: "\udc00" },
];

describe("every grammar code fires with the expected underline", () => {
  for (const c of CASES) {
    it(`${c.code} ${c.name}`, () => {
      const seen = diagnose(c.text, c.options);
      // One mistake, one diagnostic.
      expect(seen).toHaveLength(1);
      expect(seen[0]!.code).toBe(c.code);
      expect(seen[0]!.underlined).toBe(c.underlined);
      if (c.start !== undefined) expect(seen[0]!.start).toBe(c.start);
    });
  }

  it("covers every KC1xxx code of the registry", () => {
    const tested = new Set(CASES.map((c) => c.code));
    // KC1026 is found in bytes, before any text exists to parse (compiler/test/cli/cli-not-utf8.test.ts).
    const missing = JSON_DIAGNOSTICS.map((d) => d.code).filter((code) => code.startsWith("KC1") && code !== JsonCode.notUtf8 && !tested.has(code));
    expect(missing).toEqual([]);
  });
});

describe("diagnostic details", () => {
  it("a duplicate key points at the first occurrence", () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}';
    const { diagnostics } = parseJson(text);
    expect(diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.span.start])).toEqual([
      ["KC1024", '"c"', 23],
      ["KC1024", '"a"', 32],
    ]);
    expect(diagnostics.map((d) => d.related?.map((r) => r.span.start))).toEqual([[15], [1]]);
  });

  it("surrogate pairs, escaped, raw or one of each, are well-formed (no KC1025)", () => {
    for (const text of ['["\\ud83d\\ude00"]', '["\ud83d\ude00"]', '["\\ud83d\ude00"]', '["\ud83d\\ude00"]', '{"\\ud83d\\ude00x": "\ud800\udc00"}']) {
      expect(parseJson(text).diagnostics).toEqual([]);
    }
  });

  it("an internal failure becomes KC9001 instead of a throw", () => {
    const { root, diagnostics } = parseJson(42 as unknown as string);
    expect(root).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["KC9001"]);
  });

  it("messages are lowercase without a final period, and have help", () => {
    const texts = CASES.map((c) => c.text);
    for (const text of texts) {
      for (const d of parseJson(text).diagnostics) {
        expect(d.message).toMatch(/^[a-z`]/);
        expect(d.message).not.toMatch(/\.$/);
        expect(d.help).toBeTruthy();
        expect(d.severity).toBe("error");
      }
    }
  });
});

describe("the registry", () => {
  it("has one entry per code, in order, with the house style", () => {
    const codes = JSON_DIAGNOSTICS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(Object.values(JsonCode))).toEqual(new Set(codes));
    for (const d of JSON_DIAGNOSTICS) {
      expect(d.code).toMatch(/^KC(10\d\d|9\d\d\d)$/);
      expect(d.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.summary).toMatch(/^[a-z`]/);
      expect(d.summary).not.toMatch(/\.$/);
      expect(d.help).toBeTruthy();
    }
  });
});
