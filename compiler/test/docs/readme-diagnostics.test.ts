import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDiagnosticsTable } from "../../src/docs/diagnostics-table.js";
import { DIAGNOSTIC_REGISTRY } from "../../src/diagnostics/registry.js";

const README = new URL("../../../README.md", import.meta.url);
const START = "<!-- diagnostics:start (generated from the registry; UPDATE_DOCS=1 npx vitest run compiler/test/docs) -->";
const END = "<!-- diagnostics:end -->";

describe("README lists every diagnostic code", () => {
  it("matches the registry", () => {
    const readme = readFileSync(README, "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, "README lacks the diagnostics markers").toBeGreaterThanOrEqual(0);
    const current = readme.slice(start + START.length, end).trim() + "\n";
    const wanted = renderDiagnosticsTable();
    if (process.env["UPDATE_DOCS"] === "1" && current !== wanted) {
      writeFileSync(README, readme.slice(0, start + START.length) + "\n" + wanted + readme.slice(end));
      return;
    }
    expect(current).toBe(wanted);
    for (const info of DIAGNOSTIC_REGISTRY) expect(current).toContain(`| ${info.code} |`);
  });
});
