// `npm run figures`: writes README's "Performance and figures" block from the JSON the benchmarks
// wrote (bench/results/*.json, by `npm run bench`), between the figures markers, and keeps the results
// it rendered in bench/figures.json (committed), so the README cannot drift from what the programs
// measured (issue 14): scripts/test/figures.test.ts renders bench/figures.json again and fails
// unless the README holds exactly that block. A benchmark not run gives a row saying so.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BENCHMARKS, FIGURES_END, FIGURES_START, renderFigures } from "./figures-table.js";

const results = fileURLToPath(new URL("../bench/results/", import.meta.url));
const snapshot = fileURLToPath(new URL("../bench/figures.json", import.meta.url));
const readme = fileURLToPath(new URL("../README.md", import.meta.url));

const measured: Record<string, unknown> = {};
for (const name of BENCHMARKS) {
  if (existsSync(`${results}${name}.json`)) measured[name] = JSON.parse(readFileSync(`${results}${name}.json`, "utf8"));
}
const block = renderFigures(measured);
const text = readFileSync(readme, "utf8");
const a = text.indexOf(FIGURES_START.slice(0, 20));
const b = text.indexOf(FIGURES_END);
if (a < 0 || b < a) throw new Error("README.md has no figures markers (<!-- figures:start … --> … <!-- figures:end -->)");
writeFileSync(readme, text.slice(0, a) + block + text.slice(b + FIGURES_END.length));
writeFileSync(snapshot, `${JSON.stringify(measured, null, 1)}\n`);
console.log(`figures: wrote ${block.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| what")).length} rows to README.md, the results to bench/figures.json`);
