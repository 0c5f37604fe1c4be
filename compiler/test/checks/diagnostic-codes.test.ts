import { describe, expect, it } from "vitest";
import { CHECK_CODES } from "../../src/diagnostics/check-codes.js";
import { diagnose } from "../helpers/diagnose.js";
import { CHECK_CASES, JSON_CASES } from "./diagnostic-cases.js";

function nthIndex(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) break;
  }
  return at;
}

describe("every code checkPolicyText reports fires on its case and underlines the expected text", () => {
  for (const c of [...JSON_CASES, ...CHECK_CASES]) {
    it(`${c.code} (${c.kind})`, () => {
      const start = nthIndex(c.text, c.underlined, c.occurrence ?? 0);
      expect(start, "the case's underlined text must occur in its policy").toBeGreaterThanOrEqual(0);
      const found = diagnose(c.text, c.kind).filter((d) => d.code === c.code);
      expect(found.map((d) => c.text.slice(d.span.start, d.span.end))).toContain(c.underlined);
      expect(found.map((d) => d.span)).toContainEqual({ start, end: start + c.underlined.length });
    });
  }
});

describe("the check registry", () => {
  it("has unique codes and slugs, all KC2xxx, with lowercase summaries without final period", () => {
    const infos = Object.values(CHECK_CODES);
    expect(new Set(infos.map((i) => i.code)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.slug)).size).toBe(infos.length);
    for (const info of infos) {
      expect(info.code).toMatch(/^KC2\d{3}$/u);
      expect(info.summary).not.toMatch(/\.$/u);
      expect(info.summary[0]).toBe(info.summary[0]!.toLowerCase());
    }
  });

  it("has a case for every KC2xxx check code", () => {
    const covered = new Set(CHECK_CASES.map((c) => c.code));
    const missing = Object.values(CHECK_CODES).map((i) => i.code).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });
});
