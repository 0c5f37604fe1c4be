import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_REGISTRY, findDiagnosticInfo } from "../../src/diagnostics/registry.js";
import { CHECK_CASES, JSON_CASES, NOT_FROM_POLICY_TEXT } from "../checks/diagnostic-cases.js";

describe("the diagnostic registry", () => {
  it("has one entry per code, codes KC + four digits, unique slugs, known severities", () => {
    const codes = DIAGNOSTIC_REGISTRY.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(DIAGNOSTIC_REGISTRY.map((i) => i.slug)).size).toBe(codes.length);
    for (const info of DIAGNOSTIC_REGISTRY) {
      expect(info.code).toMatch(/^KC[1239]\d{3}$/u);
      expect(["error", "warning", "info"]).toContain(info.severity);
      expect(info.summary.length).toBeGreaterThan(0);
    }
    expect(codes).toEqual([...codes].sort());
  });

  it("finds entries by code", () => {
    expect(findDiagnosticInfo("KC2031")?.slug).toBe("invalid-effect");
    expect(findDiagnosticInfo("KC1024")?.slug).toBe("duplicate-key");
    expect(findDiagnosticInfo("KC0000")).toBeUndefined();
  });

  it("every code has a case that shows it firing, or is listed with the reason it cannot come from policy text", () => {
    const covered = new Set([...CHECK_CASES, ...JSON_CASES].map((c) => c.code));
    const exempt = new Set(NOT_FROM_POLICY_TEXT.map((e) => e.code));
    const missing = DIAGNOSTIC_REGISTRY.map((i) => i.code).filter((code) => !covered.has(code) && !exempt.has(code));
    expect(missing).toEqual([]);
    for (const code of exempt) expect(covered.has(code), `${code} is both exempt and covered`).toBe(false);
  });
});
