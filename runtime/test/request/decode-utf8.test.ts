// The one strict UTF-8 decoder (runtime/src/request/decode-utf8.ts): bytes that are not UTF-8 are
// refused with their line and column, never replaced by U+FFFD (expected values from Unicode §3.9).
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/request/decode-utf8.js";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decodeUtf8", () => {
  it("decodes UTF-8, keeping a byte order mark and characters outside the BMP", () => {
    expect(decodeUtf8(bytes("\ufeff{\"a\":\"é😀\"}"))).toEqual({ text: "\ufeff{\"a\":\"é😀\"}" });
    expect(decodeUtf8(bytes(""))).toEqual({ text: "" });
  });

  it.each([
    ["the raw form of a lone surrogate (ED A0 80)", bytes("[\"x", [0xed, 0xa0, 0x80], "\"]"), 1, 4, "ED A0 80 22 …"],
    ["a Latin-1 é", bytes("{\n  \"é\": \"caf", [0xe9], "\"}"), 2, 12, "E9 22 7D"],
    ["an overlong slash (C0 AF)", bytes("[", [0xc0, 0xaf], "]"), 1, 2, "C0 AF 5D"],
    ["a sequence cut short at the end", bytes("ab", [0xe2, 0x82]), 1, 3, "E2 82"],
    ["a code point above U+10FFFF (F4 90 80 80)", bytes("\r\n😀", [0xf4, 0x90, 0x80, 0x80, 0x41]), 2, 2, "F4 90 80 80 …"],
  ])("refuses %s, naming the bytes and their line:column", (_name, input, line, column, shown) => {
    const result = decodeUtf8(input);
    expect(result).toEqual({
      notUtf8: { code: "KC1026", line, column, message: `not UTF-8: the bytes at ${line}:${column} (${shown}) are no UTF-8 character` },
    });
  });
});
