// Code frames and line/column computation: the underline sits under the span's text, for
// multi-line spans, tabs, CRLF, spans at the end of the file, empty spans and very long lines.
import { describe, expect, it } from "vitest";
import { renderSnippet } from "../../src/cli/render/code-frame.js";
import { LineIndex } from "../../src/cli/render/line-index.js";
import { renderDiagnostic } from "../../src/cli/render/render-diagnostic.js";
import { createTextStyle, shouldUseColor } from "../../src/cli/render/text-style.js";
import { underlinedTexts } from "./frame-helpers.js";

const plain = createTextStyle(false);

function frameOf(text: string, start: number, end: number, help?: string): string {
  const diagnostic = { code: "KC2999", severity: "error" as const, message: "test", span: { start, end }, ...(help ? { help } : {}) };
  return renderDiagnostic(diagnostic, { file: "p.json", index: new LineIndex(text) }, plain);
}

function spanOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  return { start, end: start + needle.length };
}

describe("LineIndex", () => {
  it("counts lines across LF, CRLF and lone CR, 1-based", () => {
    const index = new LineIndex("a\nbb\r\nccc\rd");
    expect(index.lineCount).toBe(4);
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(2)).toEqual({ line: 2, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 3 }); // the \r of \r\n: just past "bb"
    expect(index.position(6)).toEqual({ line: 3, column: 1 });
    expect(index.position(10)).toEqual({ line: 4, column: 1 });
    expect(index.lineText(2)).toBe("bb");
    expect(index.lineText(3)).toBe("ccc");
  });

  it("counts columns in characters: a surrogate pair is one column", () => {
    const text = 'x"\u{1F600}"y';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf("y"))).toEqual({ line: 1, column: 5 });
  });

  it("places the end of the text after its last character, also after a final newline", () => {
    expect(new LineIndex("ab").position(2)).toEqual({ line: 1, column: 3 });
    expect(new LineIndex("ab\n").position(3)).toEqual({ line: 2, column: 1 });
  });
});

describe("renderDiagnostic", () => {
  it("prints header, location, the source line and a caret under the span", () => {
    const text = '{\n  "Effect": "allow",\n  "Action": "kms:Decrypt"\n}\n';
    const { start, end } = spanOf(text, '"allow"');
    const frame = frameOf(text, start, end, "write `Allow`");
    const rows = frame.split("\n");
    expect(rows[0]).toBe("error[KC2999]: test");
    expect(rows[1]).toBe(" --> p.json:2:13");
    expect(rows).toContain('2 |   "Effect": "allow",');
    expect(rows).toContain("  |             ^~~~~~~");
    expect(rows).toContain("  = help: write `Allow`");
    expect(underlinedTexts(frame)).toEqual(['"allow"']);
  });

  it("underlines every line of a multi-line span, from the first non-blank character", () => {
    const text = '{\n  "Condition": {\n    "Bool": {}\n  }\n}';
    const start = text.indexOf("{", 1);
    const end = text.indexOf("}", text.indexOf("{}") + 2) + 1;
    const frame = frameOf(text, start, end);
    expect(underlinedTexts(frame)).toEqual(["{", '"Bool": {}', "}"]);
    expect(frame).toContain("  |                ^\n"); // the first line starts with the caret
  });

  it("elides the middle of a span over many lines", () => {
    const text = ["[", ...Array.from({ length: 20 }, (_, i) => `  ${i},`), "]"].join("\n");
    const frame = frameOf(text, 0, text.length);
    expect(frame).toContain("...");
    expect(frame).toContain(" 1 | [");
    expect(frame).toContain("22 | ]");
    expect(frame).not.toContain("  10,");
  });

  it("expands tabs in the line and under it alike", () => {
    const text = '{\n\t"Sid":\t"a b"\n}';
    const { start, end } = spanOf(text, '"a b"');
    const frame = frameOf(text, start, end);
    expect(frame).toContain('2 |     "Sid":    "a b"');
    expect(underlinedTexts(frame)).toEqual(['"a b"']);
    expect(frame).toContain(" --> p.json:2:9"); // columns count the tab as one character
  });

  it("handles CRLF line breaks: no carriage return in the frame, columns on the right line", () => {
    const text = '{\r\n  "Effect": "Deny",\r\n  "x": 1\r\n}\r\n';
    const { start, end } = spanOf(text, '"x"');
    const frame = frameOf(text, start, end);
    expect(frame).not.toContain("\r");
    expect(frame).toContain(" --> p.json:3:3");
    expect(underlinedTexts(frame)).toEqual(['"x"']);
  });

  it("shows a span at the end of the file as a caret after the last character", () => {
    const text = '{"a": [1, 2';
    const frame = frameOf(text, text.length, text.length);
    expect(frame).toContain(` --> p.json:1:${text.length + 1}`);
    expect(frame).toContain(`  | ${" ".repeat(text.length)}^`);
  });

  it("shows a span at the end of a file that ends with a newline on the empty last line", () => {
    const text = '{"a": 1\n';
    const frame = frameOf(text, text.length, text.length);
    expect(frame).toContain(" --> p.json:2:1");
    expect(frame).toContain("2 |");
  });

  it("shows an empty span as one caret at its position", () => {
    const text = '{"a" 1}';
    const frame = frameOf(text, 4, 4);
    expect(frame).toContain("  |     ^\n");
    expect(underlinedTexts(frame)).toEqual([" "]);
  });

  it("clips a very long line around the span, with ellipses, and keeps the caret under the span", () => {
    const text = `{"a": "${"x".repeat(400)}", "b": "bad", "c": "${"y".repeat(400)}"}`;
    const { start, end } = spanOf(text, '"bad"');
    const frame = frameOf(text, start, end);
    const sourceRow = frame.split("\n").find((row) => row.startsWith("1 | ")) ?? "";
    expect(sourceRow.length).toBeLessThanOrEqual(4 + 100);
    expect(sourceRow).toMatch(/^1 \| …x+", "b": "bad", "c": "y+…$/);
    expect(underlinedTexts(frame)).toEqual(['"bad"']);
  });

  it("renders related spans as notes with a dashed underline", () => {
    const text = '{"Sid": "A", "Sid": "B"}';
    const first = spanOf(text, '"Sid"');
    const second = { start: text.lastIndexOf('"Sid"'), end: text.lastIndexOf('"Sid"') + 5 };
    const frame = renderDiagnostic(
      { code: "KC1024", severity: "error", message: "duplicate key", span: second, related: [{ span: first, message: "first here" }] },
      { file: "p.json", index: new LineIndex(text) }, plain,
    );
    expect(frame).toContain("note: first here\n --> p.json:1:2");
    expect(frame).toContain("  |  -----\n");
    expect(underlinedTexts(frame)).toEqual(['"Sid"', '"Sid"']);
  });

  it("uses ANSI colors only when asked", () => {
    const text = '{"a": 1}';
    const colored = renderDiagnostic({ code: "KC1", severity: "warning", message: "m", span: { start: 1, end: 4 } },
      { file: "p.json", index: new LineIndex(text) }, createTextStyle(true));
    expect(colored).toContain("\u001b[1;33mwarning\u001b[0m");
    expect(frameOf(text, 1, 4)).not.toContain("\u001b[");
  });
});

describe("renderSnippet", () => {
  it("widens the gutter for the largest line number shown", () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join("\n");
    const start = text.indexOf("line9");
    const end = text.indexOf("line10") + 6;
    const rows = renderSnippet(new LineIndex(text), { start, end }, "primary", 2, plain);
    expect(rows[0]).toBe(" 9 | line9");
    expect(rows[2]).toBe("10 | line10");
  });
});

describe("shouldUseColor", () => {
  it("colors only a terminal, and never when NO_COLOR is set to a non-empty value", () => {
    expect(shouldUseColor(true, {})).toBe(true);
    expect(shouldUseColor(false, {})).toBe(false);
    expect(shouldUseColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(shouldUseColor(true, { NO_COLOR: "" })).toBe(true);
  });
});

describe("a line far longer than a window", () => {
  it("is cut around the span before it is laid out (a 100 MB line ran out of memory), with ellipses on both sides", () => {
    const line = `${"a".repeat(5_000_000)}NEEDLE${"b".repeat(5_000_000)}`;
    const at = line.indexOf("NEEDLE");
    const frame = frameOf(line, at, line.length);
    const [, , , text, underline] = frame.split("\n");
    expect(text).toMatch(/^1 \| …a+NEEDLEb+…$/);
    expect(text!.length).toBeLessThan(120);
    // The underline starts under the span, and runs to the window's end.
    expect(underline!.indexOf("^")).toBe(text!.indexOf("NEEDLE"));
  });

  it("a span near the start of a long line keeps the start, with no ellipsis before it", () => {
    const line = `{"x":1,${"c".repeat(3_000_000)}`;
    const frame = frameOf(line, 1, 4);
    expect(frame.split("\n")[3]).toMatch(/^1 \| \{"x":1,c+…$/);
  });
});
