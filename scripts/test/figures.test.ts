// README's "Performance and figures" cannot go stale (issue 14): the block between the figures markers
// must be exactly what scripts/figures-table.ts renders from bench/figures.json, the benchmark results
// `npm run figures` last rendered. Editing the README by hand, changing the renderer without rerunning
// `npm run figures`, or committing new results without the README fails here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BENCHMARKS, FIGURES_END, FIGURES_START, renderFigures } from "../figures-table.js";

const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
const snapshot = JSON.parse(readFileSync(fileURLToPath(new URL("../../bench/figures.json", import.meta.url)), "utf8")) as Record<string, unknown>;

describe("README figures", () => {
  it("are exactly what bench/figures.json renders to", () => {
    const a = readme.indexOf(FIGURES_START);
    const b = readme.indexOf(FIGURES_END);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    expect(readme.slice(a, b + FIGURES_END.length)).toBe(renderFigures(snapshot));
  });

  it("come from benchmark results, one per benchmark the block shows", () => {
    for (const name of Object.keys(snapshot)) expect(BENCHMARKS).toContain(name);
    for (const [name, result] of Object.entries(snapshot)) expect((result as { benchmark?: string }).benchmark, name).toBeDefined();
  });

  it("say when a benchmark was not run, and change when a figure does", () => {
    const none = renderFigures({});
    expect(none).toContain("not measured: run `npm run bench` (bench/results/conformance.json)");
    const conformance = { benchmark: "conformance", quick: false, node: "v20", date: "2026-01-01T00:00:00Z", cases: 100, casesPerSecond: 3100, casesPerCpuSecond: 1600 };
    expect(renderFigures({ conformance })).toContain("3,100 cases/s");
    expect(renderFigures({ conformance })).toContain("target ≥ 3,000: met");
    expect(renderFigures({ conformance: { ...conformance, casesPerSecond: 50 } })).toContain("**not met**");
  });
});
